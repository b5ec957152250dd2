import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';

import { reportOutcome } from '@chaping/domain';

import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface Report {
  month: string;
  previousMonth: string;
  cases: number;
  previousCases: number;
  causes: Array<{
    rootCause: string | null;
    cases: number;
    share: number;
    previousCases: number;
    change: { delta: number; ratio: number | null };
    department: string | null;
    whoShouldAct: string;
    subCauses: Array<{ subCause: string | null; cases: number; share: number }>;
    quotes: Array<{ caseId: string; text: string }>;
  }>;
  topProducts: Array<{
    title: string;
    complaints: number;
    orders: number | null;
    complaintsPerThousandOrders: number | null;
    topCause: string | null;
  }>;
  topSkus: Array<{ title: string; skuName: string; complaints: number }>;
  outcomes: Array<{ outcome: string; cases: number; share: number }>;
  compensation: Array<{ type: string; count: number; amountFen: number }>;
  compensationTotalFen: number;
  firstContact: { medianHours: number | null; p90Hours: number | null; cases: number };
  actionItems: Array<{
    title: string;
    startedMonth: string;
    beforePerMonth: number;
    afterPerMonth: number | null;
    beforePerThousandOrders: number | null;
    afterPerThousandOrders: number | null;
  }>;
}

const PHONE = '13812345678';
/** As a buyer types them: a phone in groups and an e-mail address (issue 13: both leaked into quotes and exports). */
const SPACED_PHONE = '138 1234 5678';
const EMAIL = 'buyer.li@example.com';
const EVIL_TITLE = '=HYPERLINK("http://evil.example","点我")';

/**
 * A small month whose right answers are worked out by hand below. October 2026 in China time
 * (UTC+8): A–E, H on Taobao and I on JD; September: F, G; a case at 00:30 on 1 November is out.
 */
describe('the monthly root-cause report', () => {
  let app: TestApp;
  const ids: Record<string, string> = {};

  async function openCase(
    key: string,
    reviewedAt: string,
    product: [string, string, string],
    facts: {
      severity?: 'high';
      rootCause?: string;
      subCause?: string;
      suggested?: [string, string];
      firstContactHours?: number;
      outcome?: string;
      appealWon?: boolean;
      replied?: boolean;
      platform?: 'jd';
    },
    text = '质量太差了',
  ) {
    const builder = aNewCase()
      .reviewedOn(reviewedAt)
      .forProduct(...product)
      .withText(text);
    const id = await (facts.platform ? builder.onPlatform(facts.platform) : builder).openIn(app);
    ids[key] = id;
    // A won appeal or a published reply, as the API would have written them.
    if (facts.appealWon)
      await app.dataSource.query(
        `INSERT INTO appeal (id, case_id, shop_id, kind, evidence_refs, filed_at, result)
         SELECT $1, id, shop_id, 'extortion', '{}', reviewed_at + interval '2 days', 'won' FROM support_case WHERE id = $2`,
        [randomUUID(), id],
      );
    if (facts.replied)
      await app.dataSource.query(
        `INSERT INTO public_reply (id, case_id, shop_id, target, text, status, drafted_at, published_at)
         SELECT $1, id, shop_id, 'review', '抱歉给您带来不便', 'published', reviewed_at + interval '1 day', reviewed_at + interval '1 day'
           FROM support_case WHERE id = $2`,
        [randomUUID(), id],
      );
    await app.dataSource.query(
      `UPDATE support_case SET root_cause = $2, sub_cause = $3, suggested_root_cause = $4, suggested_sub_cause = $5,
              first_contact_at = CASE WHEN $6::float IS NULL THEN NULL ELSE reviewed_at + $6::float * interval '1 hour' END,
              review_outcome = $7, severity = $8, report_outcome = $9
        WHERE id = $1`,
      [
        id,
        facts.rootCause ?? null,
        facts.subCause ?? null,
        facts.suggested?.[0] ?? facts.rootCause ?? null,
        facts.suggested?.[1] ?? null,
        facts.firstContactHours ?? null,
        facts.outcome ?? null,
        facts.severity ?? 'medium',
        // What CaseRepository.save stores (the domain's rule; case-workflow.e2e-spec checks the write).
        reportOutcome({
          reviewOutcome: facts.outcome ?? null,
          appealWon: facts.appealWon ?? false,
          replyPublished: facts.replied ?? false,
        }),
      ],
    );
    return id;
  }

  async function compensation(caseKey: string, type: string, amountFen: number, status: string, proposedAt: string) {
    await app.dataSource.query(
      `INSERT INTO compensation (id, case_id, shop_id, buyer_id, type, amount_fen, note, status, proposed_at, proposed_by)
       SELECT $1, c.id, c.shop_id, c.buyer_id, $3, $4, '致歉补偿', $5, $6, 'agent' FROM support_case c WHERE c.id = $2`,
      [randomUUID(), ids[caseKey], type, amountFen, status, proposedAt],
    );
  }

  beforeAll(async () => {
    app = await TestApp.start('2026-09-15T04:00:00Z');
    const cup: [string, string, string] = ['p1', '真空保温杯 500ml', '白色'];
    await openCase(
      'A',
      '2026-10-02T02:00:00Z',
      cup,
      {
        severity: 'high',
        rootCause: 'product_quality',
        subCause: 'broken',
        firstContactHours: 2,
        outcome: 'revised_positive',
      },
      `杯子摔一下就裂了，打我电话${PHONE}，或者${SPACED_PHONE}，邮箱${EMAIL}`,
    );
    await openCase('B', '2026-10-03T02:00:00Z', cup, {
      suggested: ['product_quality', 'smell'],
      firstContactHours: 4,
      replied: true,
    });
    await openCase('C', '2026-10-04T02:00:00Z', ['p1', '真空保温杯 500ml', '黑色'], {
      rootCause: 'product_quality',
      subCause: 'broken',
      firstContactHours: 10,
      appealWon: true,
    });
    await openCase('D', '2026-10-31T15:30:00Z', ['p2', '不锈钢饭盒', '白色'], {
      rootCause: 'logistics_delay',
      subCause: 'slow_delivery',
    });
    await openCase('E', '2026-10-05T02:00:00Z', ['p2', '不锈钢饭盒', '白色'], {
      rootCause: 'logistics_delay',
      subCause: 'slow_delivery',
      firstContactHours: 6,
      outcome: 'deleted',
    });
    await openCase('H', '2026-09-30T16:30:00Z', ['p3', EVIL_TITLE, '白色'], {
      rootCause: 'price_value',
      subCause: 'price_drop',
    });
    await openCase('I', '2026-10-06T02:00:00Z', ['p4', '京东保温壶', '白色'], {
      rootCause: 'product_quality',
      subCause: 'broken',
      platform: 'jd',
    });
    await openCase('Nov', '2026-10-31T16:30:00Z', cup, { rootCause: 'product_quality', subCause: 'broken' });
    await openCase('F', '2026-09-15T02:00:00Z', cup, { rootCause: 'product_quality', subCause: 'broken' });
    await openCase('G', '2026-09-30T15:00:00Z', ['p2', '不锈钢饭盒', '白色'], {
      rootCause: 'size_fit',
      subCause: 'too_small',
    });
    // Before the action item (started September): one complaint a month in June? No: July, and two in August.
    for (const [key, at] of [
      ['J', '2026-07-10T02:00:00Z'],
      ['K', '2026-08-10T02:00:00Z'],
      ['L', '2026-08-20T02:00:00Z'],
    ] as const)
      await openCase(key, at, cup, { rootCause: 'product_quality', subCause: 'broken' });

    await compensation('A', 'cash', 500, 'paid', '2026-10-02T05:00:00Z');
    await compensation('C', 'coupon', 1000, 'approved', '2026-10-04T05:00:00Z');
    await compensation('B', 'coupon', 2000, 'pending_approval', '2026-10-03T05:00:00Z');
    await compensation('E', 'gift', 3000, 'rejected', '2026-10-05T05:00:00Z');
    await compensation('F', 'cash', 800, 'paid', '2026-09-16T05:00:00Z');

    const [{ id: cupId }] = await app.dataSource.query(`SELECT id FROM product WHERE platform_product_id = 'p1'`);
    const orders = await app.put<{ saved: number }>(
      '/api/reports/order-counts',
      ['2026-06', '2026-07', '2026-08']
        .map((month) => ({ productId: cupId, month, orders: 1000 }))
        .concat([{ productId: cupId, month: '2026-10', orders: 1500 }]),
      app.users.lead,
    );
    expect(orders.body).toEqual({ saved: 4 });
    const item = await app.post(
      '/api/action-items',
      {
        shopId: app.shops.taobao.id,
        rootCause: 'product_quality',
        productId: cupId,
        title: '更换杯体供应商并加严来料检验',
        dueOn: '2026-11-30',
      },
      app.users.lead,
    );
    expect(item.status).toBe(201);
  });
  afterAll(() => app.stop());

  const report = (query: string, as = app.users.lead) => app.get<Report>(`/api/reports/monthly?${query}`, as);

  it('counts causes and sub-causes with their share and change against September', async () => {
    const { status, body } = await report('month=2026-10');
    expect(status).toBe(200);
    expect([body.month, body.previousMonth, body.cases, body.previousCases]).toEqual(['2026-10', '2026-09', 7, 2]);
    expect(body.causes.map((c) => [c.rootCause, c.cases, c.share, c.previousCases, c.change])).toEqual([
      ['product_quality', 4, 4 / 7, 1, { delta: 3, ratio: 3 }],
      ['logistics_delay', 2, 2 / 7, 0, { delta: 2, ratio: null }],
      ['price_value', 1, 1 / 7, 0, { delta: 1, ratio: null }],
      ['size_fit', 0, 0, 1, { delta: -1, ratio: -1 }],
    ]);
    const quality = body.causes[0];
    expect(quality?.subCauses).toEqual([
      { subCause: 'broken', cases: 3, share: 0.75 },
      { subCause: 'smell', cases: 1, share: 0.25 },
    ]);
    expect(quality?.department).toBe('product_qc');
    expect(quality?.whoShouldAct).toMatch(/^产品\/质检：/);
  });

  it('filters by platform and by shop', async () => {
    expect((await report('month=2026-10&platform=taobao')).body.cases).toBe(6);
    expect((await report(`month=2026-10&shopId=${app.shops.jd.id}`)).body.cases).toBe(1);
  });

  it('ranks products and SKUs, with complaints per 1,000 orders where orders are known', async () => {
    const { body } = await report('month=2026-10');
    expect(body.topProducts.slice(0, 2)).toEqual([
      expect.objectContaining({
        title: '真空保温杯 500ml',
        complaints: 3,
        orders: 1500,
        complaintsPerThousandOrders: 2,
        topCause: 'product_quality',
      }),
      expect.objectContaining({
        title: '不锈钢饭盒',
        complaints: 2,
        orders: null,
        complaintsPerThousandOrders: null,
        topCause: 'logistics_delay',
      }),
    ]);
    const skus = body.topSkus.map((sku) => `${sku.title}/${sku.skuName}=${sku.complaints}`).sort();
    expect(skus).toEqual([
      `${EVIL_TITLE}/白色=1`,
      '不锈钢饭盒/白色=2',
      '京东保温壶/白色=1',
      '真空保温杯 500ml/白色=2',
      '真空保温杯 500ml/黑色=1',
    ]);
  });

  it('counts each case under one outcome', async () => {
    const { body } = await report('month=2026-10');
    expect(body.outcomes.map((o) => [o.outcome, o.cases, o.share])).toEqual([
      ['revised', 1, 1 / 7],
      ['deleted', 1, 1 / 7],
      ['appeal_won', 1, 1 / 7],
      ['replied', 1, 1 / 7],
      ['unresolved', 3, 3 / 7],
    ]);
  });

  it('sums compensation given (approved or paid) in the month, by type, and times the first contact', async () => {
    const { body } = await report('month=2026-10');
    expect(body.compensation).toEqual([
      { type: 'coupon', count: 1, amountFen: 1000 },
      { type: 'cash', count: 1, amountFen: 500 },
    ]);
    expect(body.compensationTotalFen).toBe(1500);
    // Contacted after 2, 4, 6 and 10 hours: median (4 + 6) / 2 = 5; p90 at rank 0.9 × 3 = 2.7 → 6 + 0.7 × 4 = 8.8.
    expect(body.firstContact.cases).toBe(4);
    expect(body.firstContact.medianHours).toBeCloseTo(5, 6);
    expect(body.firstContact.p90Hours).toBeCloseTo(8.8, 6);
  });

  it('quotes reviews with personal data masked', async () => {
    const { body } = await report('month=2026-10');
    const quotes = body.causes[0]?.quotes.map((quote) => quote.text) ?? [];
    expect(quotes).toContain('杯子摔一下就裂了，打我电话138****5678，或者138****5678，邮箱b***@example.com');
    for (const leak of [PHONE, SPACED_PHONE, EMAIL]) expect(JSON.stringify(body)).not.toContain(leak);
  });

  it('shows the action item’s cause before and after it started', async () => {
    const { body } = await report('month=2026-10');
    // Before (Jun–Aug): 0 + 1 + 2 = 3 complaints, 1 a month, 3 per 3,000 orders = 1 per 1,000.
    // After (October only; September is the start month): 3 complaints on 1,500 orders = 2 per 1,000.
    expect(body.actionItems).toEqual([
      expect.objectContaining({
        title: '更换杯体供应商并加严来料检验',
        startedMonth: '2026-09',
        beforePerMonth: 1,
        afterPerMonth: 3,
        beforePerThousandOrders: 1,
        afterPerThousandOrders: 2,
      }),
    ]);
    expect((await report('month=2026-08')).body.actionItems).toEqual([]);
  });

  it('refuses agents, other shops, and a malformed month', async () => {
    expect((await report('month=2026-10', app.users.agent)).status).toBe(403);
    const outsider = await app.createUser({ username: 'other-lead', password: 'x'.repeat(12), role: 'lead' });
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND shop_id <> $2`, [
      outsider.id,
      app.shops.jd.id,
    ]);
    const other = await report(`month=2026-10&shopId=${app.shops.taobao.id}`, outsider);
    expect([other.status, (other.body as unknown as { code: string }).code]).toEqual([403, 'auth.shop_forbidden']);
    expect((await report('month=', outsider)).status).toBe(400);
    const bad = await report('month=2026-13');
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('YYYY-MM');
  });

  describe('exports', () => {
    const download = (format: string) =>
      app.request<Buffer>('GET', `/api/reports/monthly/export?month=2026-10&format=${format}`, {
        as: app.users.lead,
        raw: true,
      });

    it('CSV: one value per line, formula text neutralised, personal data masked, UTF-8 with a BOM', async () => {
      const response = await download('csv');
      expect(response.status).toBe(200);
      expect(response.headers?.['content-type']).toMatch(/^text\/csv/);
      const text = response.body.toString('utf8');
      expect(text.startsWith('\ufeff')).toBe(true);
      const rows: string[][] = parse(text.slice(1));
      expect(rows[0]).toEqual(['板块', '项目', '细分', '指标', '数值']);
      expect(rows).toContainEqual(['问题原因', '商品质量', '', '差评/中评工单', '4']);
      expect(rows).toContainEqual(['问题原因', '商品质量', '', '占比', '57.1%']);
      expect(rows).toContainEqual(['问题原因', '商品质量', '损坏/无法使用', '差评/中评工单', '3']);
      expect(rows).toContainEqual(['概览', '2026-10', '', '变化', '250.0%']);
      expect(rows).toContainEqual(['补偿支出', '合计', '', '金额（元）', '15.00']);
      expect(rows.some((row) => row[1] === `'${EVIL_TITLE}`)).toBe(true);
      expect(rows.some((row) => row.some((cell) => /^[=+\-@]/.test(cell)))).toBe(false);
      expect(text).toContain('138****5678');
      for (const leak of [PHONE, SPACED_PHONE, EMAIL]) expect(text).not.toContain(leak);
    });

    it("writes the file in the language asked for in the link, whatever the browser's Accept-Language", async () => {
      const response = await app.request<Buffer>(
        'GET',
        '/api/reports/monthly/export?month=2026-10&format=csv&lang=en',
        {
          as: app.users.lead,
          raw: true,
          language: 'zh-CN',
        },
      );
      expect(response.status).toBe(200);
      const rows: string[][] = parse(response.body.toString('utf8').slice(1));
      expect(rows[0]).toEqual(['Section', 'Item', 'Detail', 'Measure', 'Value']);
      const refused = await app.get('/api/reports/monthly/export?month=2026-10&format=csv&lang=fr', app.users.lead);
      expect(refused.status).toBe(400);
    });

    it('XLSX: one sheet per table with typed numbers and the same safety', async () => {
      const response = await download('xlsx');
      expect(response.status).toBe(200);
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load(response.body as unknown as ArrayBuffer);
      expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual([
        '概览',
        '问题原因',
        '投诉最多的商品',
        '投诉最多的 SKU',
        '处理结果',
        '补偿支出',
        '首次联系用时',
        '整改事项',
        '评价摘录',
      ]);
      const causes = workbook.getWorksheet('问题原因');
      expect(causes?.getRow(2).values).toEqual([
        undefined,
        '商品质量',
        '',
        4,
        4 / 7,
        1,
        3,
        expect.stringMatching(/^产品/),
      ]);
      expect(causes?.getColumn(4).numFmt).toBe('0.0%');
      const products = workbook.getWorksheet('投诉最多的商品');
      const titles = products?.getColumn(1).values.filter((value) => typeof value === 'string');
      expect(titles).toContain(`'${EVIL_TITLE}`);
      const quotes = JSON.stringify(workbook.getWorksheet('评价摘录')?.getSheetValues());
      expect(quotes).toContain('138****5678');
      for (const leak of [PHONE, SPACED_PHONE, EMAIL]) expect(quotes).not.toContain(leak);
    });

    it('PDF: a printable A4 document', async () => {
      const response = await download('pdf');
      expect(response.status).toBe(200);
      expect(response.headers?.['content-type']).toBe('application/pdf');
      expect(response.body.subarray(0, 5).toString()).toBe('%PDF-');
      expect(response.body.length).toBeGreaterThan(10_000);
      // Where poppler is installed, render page 1 (the README says how to look at it).
      if (process.env['REPORT_PDF_PREVIEW']) {
        const file = `${process.env['REPORT_PDF_PREVIEW']}/report.pdf`;
        writeFileSync(file, response.body);
        execFileSync('pdftoppm', ['-png', '-r', '80', file, `${process.env['REPORT_PDF_PREVIEW']}/report`]);
      }
    });

    it('refuses an unknown format', async () => {
      const response = await app.get('/api/reports/monthly/export?month=2026-10&format=docx', app.users.lead);
      expect(response.status).toBe(400);
    });
  });
});
