import { readdirSync, readFileSync } from 'node:fs';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';

import { apiKeyDigest, ImportRunner, ReviewImporter, UserEntity, UserShopEntity } from '@chaping/api/testing';
import { DEFAULT_POLICY, type Platform } from '@chaping/domain';

import { exportCsv, waitForJob, type ImportResult } from '../support/imports';
import { sampleReviews, sharedDataPath } from '../support/shared-data';
import { TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  severity: string;
  assignee: { id: string } | null;
  events: Array<{ type: string; data: Record<string, unknown> }>;
}

/** Which intake format and shop each example payload of ../shared/data/examples belongs to. */
const EXAMPLE_FORMATS: Array<{ prefix: string; format: string; platform: Platform }> = [
  { prefix: 'taobao-traderates-get', format: 'taobao.traderates.get', platform: 'taobao' },
  { prefix: 'tmall-traderate-feeds-get', format: 'tmall.traderate.feeds.get', platform: 'tmall' },
  { prefix: 'jd-getVenderCommentsForJos', format: 'jd.getVenderCommentsForJos', platform: 'jd' },
  { prefix: 'douyin-comment-list', format: 'douyin.comment.list', platform: 'douyin' },
  { prefix: 'pdd-mms-reviews-list', format: 'pdd.mms.reviews.list', platform: 'pinduoduo' },
];

const examples = () =>
  readdirSync(sharedDataPath('examples'))
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => {
      const kind = EXAMPLE_FORMATS.find((candidate) => file.startsWith(candidate.prefix));
      if (!kind) throw new Error(`No format known for example ${file}`);
      return { file, ...kind, text: readFileSync(sharedDataPath('examples', file), 'utf8') };
    });

const countRows = async (app: TestApp, sql: string, params: unknown[] = []): Promise<number> => {
  const [row] = await app.dataSource.query(`SELECT count(*)::int AS n FROM (${sql}) AS counted`, params);
  return (row as { n: number }).n;
};

describe('review intake', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });
  afterAll(() => app.stop());

  describe('through the marketplace API shapes', () => {
    it('opens one case per example review and none when the same payloads come again', async () => {
      const all = examples();
      expect(all).toHaveLength(13);
      const send = (example: (typeof all)[number]) =>
        app.postRaw<ImportResult>(
          `/api/intake/${example.format}?shopId=${app.shops[example.platform].id}` +
            (example.format.startsWith('tmall.') ? '&childTradeId=3781452290113456790' : ''),
          example.text,
          { 'content-type': 'application/json' },
        );

      for (const example of all) {
        const { status, body } = await send(example);
        expect({ file: example.file, status, imported: body.imported, rejected: body.rejected }).toEqual({
          file: example.file,
          status: 200,
          imported: 1,
          rejected: 0,
        });
      }
      const casesAfterFirst = await countRows(app, `SELECT id FROM support_case`);
      expect(casesAfterFirst).toBe(13);

      for (const example of all) {
        const { body } = await send(example);
        expect({
          file: example.file,
          imported: body.imported,
          updated: body.updated,
          duplicates: body.duplicates,
        }).toEqual({
          file: example.file,
          imported: 0,
          updated: 0,
          duplicates: 1,
        });
      }
      expect(await countRows(app, `SELECT id FROM support_case`)).toBe(13);
    });

    it('keeps ids above 2^53 digit for digit', async () => {
      const [douyin] = await app.dataSource.query(
        `SELECT r.platform_review_id, o.platform_order_id FROM review r JOIN trade_order o ON o.id = r.order_id
         WHERE r.platform = 'douyin' AND r.platform_review_id = '7358123456789012345'`,
      );
      expect(douyin).toEqual({ platform_review_id: '7358123456789012345', platform_order_id: '6921234567890123456' });
      const [taobao] = await app.dataSource.query(
        `SELECT o.platform_order_id, r.platform_review_id FROM review r JOIN trade_order o ON o.id = r.order_id
          WHERE r.platform = 'taobao' AND o.platform_order_id = '3781452290113456789'`,
      );
      expect(taobao).toEqual({ platform_order_id: '3781452290113456789', platform_review_id: '3781452290113456789' });
    });

    it('records a revised rating and a seller reply on the case when a known review comes back changed', async () => {
      const taobao = readFileSync(sharedDataPath('examples', 'taobao-traderates-get-1.json'), 'utf8')
        .replace('"result": "bad"', '"result": "good"')
        .replace('"reply": ""', '"reply": "感谢您的耐心，换货已经寄出"');
      const { body } = await app.postRaw<ImportResult>(
        `/api/intake/taobao.traderates.get?shopId=${app.shops.taobao.id}`,
        taobao,
        { 'content-type': 'application/json' },
      );
      expect(body).toMatchObject({ imported: 0, updated: 1, duplicates: 0 });
      const [row] = await app.dataSource.query(
        `SELECT c.id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = '3781452290113456789'`,
      );
      const view = await app.get<CaseView>(`/api/cases/${(row as { id: string }).id}`);
      const types = view.body.events.map((event) => event.type);
      expect(types).toEqual(expect.arrayContaining(['review_rating_revised', 'review_seller_replied']));
      const [review] = await app.dataSource.query(
        `SELECT current_rating, platform_state, seller_reply FROM review WHERE platform_review_id = '3781452290113456789'`,
      );
      expect(review).toEqual({
        current_rating: 'positive',
        platform_state: 'revised',
        seller_reply: '感谢您的耐心，换货已经寄出',
      });
    });

    it('accepts a shop API key, refuses a wrong one, and keeps a key to its own shop', async () => {
      await app.dataSource.query(`INSERT INTO api_key (shop_id, name, key_hash) VALUES ($1, 'jd-sync', $2)`, [
        app.shops.jd.id,
        apiKeyDigest('test-key-jd'),
      ]);
      const item = `{"commentId":"99000000001","content":"屏幕有坏点","creationTime":"2026-03-09 10:00:00","score":1,"orderId":285100000001}`;
      const withKey = (key: string, shopId: string) =>
        app.postRaw<ImportResult & { code?: string }>(
          `/api/intake/jd.getVenderCommentsForJos?shopId=${shopId}`,
          item,
          { 'content-type': 'application/json', 'x-api-key': key },
          null,
        );
      expect((await withKey('test-key-jd', app.shops.jd.id)).body).toMatchObject({ imported: 1 });
      expect((await withKey('wrong-key', app.shops.jd.id)).status).toBe(401);
      const otherShop = await withKey('test-key-jd', app.shops.taobao.id);
      expect(otherShop.status).toBe(403);
    });

    it.each([
      ['an unknown format', '/api/intake/ebay.reviews', '{}', 422, 'import.unknown_format'],
      [
        'a payload of another shape',
        '/api/intake/jd.getVenderCommentsForJos',
        '{"hello":"world"}',
        422,
        'import.unrecognised_payload',
      ],
      [
        'a format of another platform',
        '/api/intake/douyin.comment.list',
        '{"comment_id":1}',
        422,
        'import.shop_platform_mismatch',
      ],
      ['malformed JSON', '/api/intake/jd.getVenderCommentsForJos', '{"commentId": ', 400, 'request.malformed'],
    ])('answers %s with a clear error and imports nothing', async (_, url, body, status, code) => {
      const before = await countRows(app, `SELECT id FROM import_job`);
      const response = await app.postRaw<{ code: string; message: string }>(`${url}?shopId=${app.shops.jd.id}`, body, {
        'content-type': 'application/json',
      });
      expect(response.status).toBe(status);
      expect(response.body.code).toBe(code);
      expect(response.body.message.length).toBeGreaterThan(5);
      expect(await countRows(app, `SELECT id FROM import_job`)).toBe(before);
    });

    it('imports the good items of a batch and reports each bad one by item, field and reason', async () => {
      const batch = JSON.stringify([
        { commentId: '99000000010', content: '充电器发烫', creationTime: '2026-03-09 10:00:00', score: 1 },
        { commentId: '99000000011', content: '', creationTime: '2026-03-09 10:00:00', score: 2 },
        { commentId: '99000000012', content: '包装破损', creationTime: '昨天', score: 9 },
        { commentId: '99000000013', content: '很满意', creationTime: '2026-03-09 10:00:00', score: 5 },
      ]);
      const { body } = await app.postRaw<ImportResult>(
        `/api/intake/jd.getVenderCommentsForJos?shopId=${app.shops.jd.id}`,
        batch,
        {
          'content-type': 'application/json',
        },
      );
      expect(body).toMatchObject({ rowsRead: 4, imported: 1, skipped: 1, rejected: 2 });
      expect(body.rejections).toEqual([
        { row: 2, field: 'text', reason: 'required', value: null },
        { row: 3, field: 'rating', reason: 'invalid_rating', value: '9' },
        { row: 3, field: 'reviewedAt', reason: 'invalid_date', value: '昨天' },
      ]);
    });
  });

  describe('through file upload', () => {
    const reviews = sampleReviews().slice(0, 300);

    it('imports a CSV export, reports progress, and changes nothing when the same file comes again', async () => {
      const file = exportCsv(reviews);
      const started = await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.taobao.id}`, 'export.csv', file);
      expect(started.status).toBe(202);
      const done = await waitForJob(app, started.body.id);
      expect(done).toMatchObject({ status: 'done', rowsRead: 300, imported: 300, rejected: 0 });
      const cases = await countRows(app, `SELECT id FROM support_case WHERE shop_id = $1`, [app.shops.taobao.id]);

      const again = await waitForJob(
        app,
        (await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.taobao.id}`, 'export.csv', file)).body.id,
      );
      expect(again).toMatchObject({ status: 'done', rowsRead: 300, imported: 0, duplicates: 300 });
      expect(await countRows(app, `SELECT id FROM support_case WHERE shop_id = $1`, [app.shops.taobao.id])).toBe(cases);

      const [review] = await app.dataSource.query(`SELECT text FROM review WHERE platform_review_id = $1`, [
        reviews[7]?.id,
      ]);
      expect(review).toEqual({ text: reviews[7]?.text.trim() });
    });

    it('imports an overlapping file without doubling what it shares with the first', async () => {
      const overlapping = sampleReviews().slice(250, 350);
      const done = await waitForJob(
        app,
        (
          await app.upload<ImportResult>(
            `/api/imports?shopId=${app.shops.taobao.id}`,
            'next-week.csv',
            exportCsv(overlapping, 251),
          )
        ).body.id,
      );
      expect(done).toMatchObject({ rowsRead: 100, imported: 50, duplicates: 50 });
    });

    it('lists a row padded with NUL characters as bad and imports the rest', async () => {
      const file = exportCsv([
        { id: 'nul-1', text: '质量太差\u0000\u0000了' },
        { id: 'nul-2', text: '发货太慢，等了一周' },
      ]);
      const job = await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.jd.id}`, 'padded.csv', file);
      expect(job.status).toBe(202);
      expect(await waitForJob(app, job.body.id)).toMatchObject({
        status: 'done',
        error: null,
        imported: 1,
        rejected: 1,
      });
      const { body } = await app.get<{ rejections: unknown[] }>(`/api/imports/${job.body.id}/rejections`);
      expect(body.rejections).toEqual([{ row: 2, field: 'text', reason: 'control_character', value: '质量太差了' }]);
    });

    it('reads a GBK-encoded CSV as Excel saves it', async () => {
      const csv = stringify(
        [
          ['评价ID', '评价等级', '评价内容', '评价时间'],
          ['gbk-1', '差评', '快递太慢，等了五天才到', '2026-03-08 09:00:00'],
        ],
        {},
      );
      const job = await app.upload<ImportResult>(
        `/api/imports?shopId=${app.shops.tmall.id}`,
        'gbk.csv',
        iconv.encode(csv, 'gbk'),
      );
      expect(await waitForJob(app, job.body.id)).toMatchObject({ imported: 1 });
      const [review] = await app.dataSource.query(`SELECT text FROM review WHERE platform_review_id = 'gbk-1'`);
      expect(review).toEqual({ text: '快递太慢，等了五天才到' });
    });

    it('imports the good rows of an XLSX with bad rows and lists every bad one', async () => {
      const workbook = new ExcelJS.Workbook();
      const sheet = workbook.addWorksheet('评价');
      sheet.addRow(['Review ID', 'Order ID', 'Rating', 'Content', 'Created']);
      sheet.addRow(['x-1', '5001', 1, '衣服起球严重', new Date('2026-03-05T03:00:00Z')]);
      sheet.addRow(['x-2', '5002', 2, '', new Date('2026-03-05T03:00:00Z')]);
      sheet.addRow(['', '5003', 1, '没有评价ID', new Date('2026-03-05T03:00:00Z')]);
      sheet.addRow(['x-4', '5004', 'terrible', '颜色和图片不一样', 'not a date']);
      sheet.addRow(['x-5', '5005', 3, '一般般吧，尺码偏大', '2026-03-06 12:00:00']);
      const file = Buffer.from(await workbook.xlsx.writeBuffer());

      const job = await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.douyin.id}`, 'reviews.xlsx', file);
      expect(job.status).toBe(202);
      const done = await waitForJob(app, job.body.id);
      expect(done).toMatchObject({ status: 'done', error: null, rowsRead: 5, imported: 2, rejected: 3 });
      const { body } = await app.get<{ rejections: unknown[] }>(`/api/imports/${job.body.id}/rejections`);
      expect(body.rejections).toEqual([
        { row: 3, field: 'text', reason: 'required', value: null },
        { row: 4, field: 'platformReviewId', reason: 'required', value: null },
        { row: 5, field: 'rating', reason: 'invalid_rating', value: 'terrible' },
        { row: 5, field: 'reviewedAt', reason: 'invalid_date', value: 'not a date' },
      ]);
    });

    it('hands the rejected rows over as a formula-safe CSV that Excel opens in Chinese, to the shop’s people only', async () => {
      const file = Buffer.from(
        stringify([
          ['评价ID', '评价等级', '评价内容', '评价时间'],
          ['csv-1', '差评', '杯子漏水', '2026-03-05 10:00:00'],
          ['csv-2', '=HYPERLINK("http://evil.example","点我")', '颜色不对', '2026-03-05 10:00:00'],
          ['csv-3', '很差劲', '有异味', '昨天, 晚上'],
        ]),
      );
      const job = await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.jd.id}`, '京东导出.csv', file);
      expect(await waitForJob(app, job.body.id)).toMatchObject({ imported: 1, rejected: 2 });

      const download = await app.request<Buffer>('GET', `/api/imports/${job.body.id}/rejections.csv`, { raw: true });
      expect(download.status).toBe(200);
      expect(download.headers?.['content-type']).toBe('text/csv; charset=utf-8');
      expect(download.headers?.['content-disposition']).toBe(
        `attachment; filename="rejected-rows.csv"; filename*=UTF-8''${encodeURIComponent('京东导出-未导入的行.csv')}`,
      );
      const bytes = download.body;
      expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
      expect(bytes.toString('utf8').slice(1).split('\n')).toEqual([
        '行号,列,原因,内容',
        // A cell Excel would run as a formula is written as text; quotes inside are doubled by the CSV writer.
        `3,评价等级,评价等级无法识别（应为好评、中评、差评或 1–5 星）,"'=HYPERLINK(""http://evil.example"",""点我"")"`,
        '4,评价等级,评价等级无法识别（应为好评、中评、差评或 1–5 星）,很差劲',
        '4,评价时间,时间无法识别,"昨天, 晚上"',
        '',
      ]);
      const english = await app.request<Buffer>('GET', `/api/imports/${job.body.id}/rejections.csv?lang=en`, {
        raw: true,
      });
      expect(english.body.toString('utf8').split('\n')[0]).toBe('\ufeffRow,Column,Reason,Value');

      // An agent of another shop learns nothing about this import.
      const outsider = await app.dataSource
        .getRepository(UserEntity)
        .save({ username: 'taobao-only', displayName: 'taobao-only', role: 'agent', onShift: false });
      await app.dataSource.getRepository(UserShopEntity).save({ userId: outsider.id, shopId: app.shops.taobao.id });
      const refused = await app.request<{ code: string }>('GET', `/api/imports/${job.body.id}/rejections.csv`, {
        as: outsider,
        raw: true,
      });
      expect(refused.status).toBe(403);
      expect((await app.get(`/api/imports/${job.body.id}/rejections`, outsider)).status).toBe(403);
      const unknown = await app.request('GET', `/api/imports/6f0e2d1c-0000-4000-8000-0000000000ff/rejections.csv`);
      expect(unknown.status).toBe(404);
    });

    it('writes every rejection of a long file once, in file order, across the pages it is read in', async () => {
      const rows = Array.from({ length: 2_500 }, (_, index) => [`page-${index}`, '超级差', '不好', '某天']);
      const file = Buffer.from(stringify([['评价ID', '评价等级', '评价内容', '评价时间'], ...rows]));
      const job = await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.jd.id}`, 'long.csv', file);
      expect(await waitForJob(app, job.body.id)).toMatchObject({ rejected: 2_500 });
      const download = await app.request<Buffer>('GET', `/api/imports/${job.body.id}/rejections.csv`, { raw: true });
      const lines = download.body.toString('utf8').trimEnd().split('\n').slice(1);
      expect(lines).toHaveLength(5_000);
      expect(lines.slice(0, 2)).toEqual([
        '2,评价等级,评价等级无法识别（应为好评、中评、差评或 1–5 星）,超级差',
        '2,评价时间,时间无法识别,某天',
      ]);
      expect(lines.map((line) => Number(line.split(',')[0]))).toEqual(
        Array.from({ length: 2_500 }, (_, index) => [index + 2, index + 2]).flat(),
      );
    });

    it('lists the cases an import opened, and none of another import or of a file brought in again', async () => {
      const reviews = sampleReviews().slice(1_700, 1_730);
      const file = exportCsv(reviews, 1_701);
      const first = await waitForJob(
        app,
        (await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.tmall.id}`, 'tied.csv', file)).body.id,
      );
      expect(first).toMatchObject({ imported: 30 });
      const again = await waitForJob(
        app,
        (await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.tmall.id}`, 'tied.csv', file)).body.id,
      );
      expect(again).toMatchObject({ imported: 0, duplicates: 30 });

      type Page = { items: Array<{ id: string }>; nextCursor: string | null };
      const listed = await app.get<Page>(`/api/cases?importId=${first.id}&status=all&limit=100`);
      expect(listed.status).toBe(200);
      const [opened] = await app.dataSource.query(
        `SELECT array_agg(c.id ORDER BY c.id) AS ids FROM support_case c JOIN review r ON r.id = c.review_id
          WHERE r.platform = 'tmall' AND r.platform_review_id = ANY($1)`,
        [reviews.map((review) => review.id)],
      );
      expect(listed.body.items.map((item) => item.id).sort()).toEqual(opened.ids);
      expect((await app.get<Page>(`/api/cases?importId=${again.id}&status=all`)).body.items).toEqual([]);

      const outsider = await app.dataSource
        .getRepository(UserEntity)
        .save({ username: 'jd-only', displayName: 'jd-only', role: 'agent', onShift: false });
      await app.dataSource.getRepository(UserShopEntity).save({ userId: outsider.id, shopId: app.shops.jd.id });
      expect((await app.get<Page>(`/api/cases?importId=${first.id}&status=all`, outsider)).body.items).toEqual([]);
      const bad = await app.get<{ code: string }>(`/api/cases?importId=not-a-job`);
      expect(bad.status).toBe(400);
    });

    it('keeps the product title of a file without a product id, for the case and the monthly report', async () => {
      const file = Buffer.from(
        stringify([
          ['评价ID', '商品名称', '评价等级', '评价内容', '评价时间'],
          ['titled-1', '保温杯 500ml', '差评', '盖子漏水', '2026-03-06 10:00:00'],
          ['titled-2', '  保温杯   ５００ｍｌ ', '差评', '杯身掉漆', '2026-03-06 11:00:00'],
          ['titled-3', '保温杯 750ml', '中评', '有点重', '2026-03-06 12:00:00'],
        ]),
      );
      const job = await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.douyin.id}`, 'titles.csv', file);
      expect(await waitForJob(app, job.body.id)).toMatchObject({ imported: 3, rejected: 0 });

      const products = await app.dataSource.query(
        `SELECT p.title, count(*)::int AS reviews FROM review r JOIN product p ON p.id = r.product_id
          WHERE r.platform_review_id LIKE 'titled-%' GROUP BY p.title ORDER BY p.title`,
      );
      expect(products).toEqual([
        { title: '保温杯 500ml', reviews: 2 },
        { title: '保温杯 750ml', reviews: 1 },
      ]);
      const [opened] = await app.dataSource.query(
        `SELECT c.id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = 'titled-3'`,
      );
      const view = await app.get<{ product: { title: string } | null; productModel: string | null }>(
        `/api/cases/${(opened as { id: string }).id}`,
      );
      expect(view.body.product?.title).toBe('保温杯 750ml');

      const report = await app.get<{ topProducts: Array<{ title: string; complaints: number }> }>(
        `/api/reports/monthly?month=2026-03&shopId=${app.shops.douyin.id}`,
        app.users.lead,
      );
      expect(report.status).toBe(200);
      expect(report.body.topProducts.map(({ title, complaints }) => ({ title, complaints }))).toEqual(
        expect.arrayContaining([
          { title: '保温杯 500ml', complaints: 2 },
          { title: '保温杯 750ml', complaints: 1 },
        ]),
      );
    });

    it('refuses a file without the required columns before creating a job', async () => {
      const before = await countRows(app, `SELECT id FROM import_job`);
      const file = Buffer.from(
        stringify([
          ['订单号', '备注'],
          ['1', '无'],
        ]),
      );
      const response = await app.upload<{ code: string; details: { missing: string[] } }>(
        `/api/imports?shopId=${app.shops.jd.id}`,
        'wrong.csv',
        file,
      );
      expect(response.status).toBe(422);
      expect(response.body.code).toBe('import.missing_columns');
      expect(response.body.details.missing).toEqual(['rating', 'text', 'reviewedAt', 'platformReviewId']);
      expect(await countRows(app, `SELECT id FROM import_job`)).toBe(before);
    });

    it.each([
      ['an empty file', 'empty.csv', Buffer.alloc(0), 'import.unreadable_file'],
      [
        'a broken XLSX',
        'broken.xlsx',
        Buffer.concat([Buffer.from('PK\u0003\u0004', 'latin1'), Buffer.alloc(64, 7)]),
        'import.unreadable_file',
      ],
      [
        'a picture renamed to .csv',
        'photo.csv',
        Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46]),
        'import.missing_columns',
      ],
    ])('refuses %s with 422 and creates no job', async (_, name, content, code) => {
      const before = await countRows(app, `SELECT id FROM import_job`);
      const response = await app.upload<{ code: string; message: string }>(
        `/api/imports?shopId=${app.shops.jd.id}`,
        name,
        content,
      );
      expect(response.status).toBe(422);
      expect(response.body.code).toBe(code);
      expect(await countRows(app, `SELECT id FROM import_job`)).toBe(before);
    });

    it('asks for the file when the form has none, and refuses a body that is not a form', async () => {
      const form = new FormData();
      form.append('note', 'no file here');
      const encoded = new Request('http://upload.local', { method: 'POST', body: form });
      const noFile = await app.postRaw<{ code: string }>(
        `/api/imports?shopId=${app.shops.jd.id}`,
        Buffer.from(await encoded.arrayBuffer()),
        { 'content-type': encoded.headers.get('content-type') ?? '' },
      );
      expect(noFile.status).toBe(422);
      expect(noFile.body.code).toBe('import.file_required');
      const text = await app.postRaw(`/api/imports?shopId=${app.shops.jd.id}`, '评价ID,评价内容', {
        'content-type': 'text/csv',
      });
      expect(text.status).toBe(415);
    });

    it('lists the imports of the shops the user works', async () => {
      const { status, body } = await app.get<Array<{ id: string; source: string; rowsRead: number }>>('/api/imports');
      expect(status).toBe(200);
      expect(body.length).toBeGreaterThan(5);
      expect(body.map((job) => job.source)).toEqual(expect.arrayContaining(['file', 'api']));
    });

    it('finishes an interrupted import with every row exactly once', async () => {
      const rows = sampleReviews().slice(400, 1600);
      const file = exportCsv(rows, 401);
      const shop = app.shops.jd;
      const jobId = '6f0e2d1c-0000-4000-8000-00000000abcd';
      const spoolPath = path.join(app.importSpoolDir, jobId);
      await writeFile(spoolPath, file);
      // Its worker reports now: the runner's periodic sweep must not take it before its first batch is in.
      await app.dataSource.query(
        `INSERT INTO import_job (id, shop_id, source, format, file_name, spool_path, status, created_by, heartbeat_at)
         VALUES ($1, $2, 'file', 'csv', 'big.csv', $3, 'running', 'test', now())`,
        [jobId, shop.id, spoolPath],
      );
      // What a worker killed after its first committed batch leaves behind: rows 2–501 and their progress, together,
      // and a heartbeat that has gone stale.
      const importer = app.app.get(ReviewImporter);
      await app.dataSource.transaction(async (manager) => {
        const firstBatch = rows.slice(0, 500).map((row, index) => ({
          rowNumber: index + 2,
          raw: {
            platformReviewId: row.id,
            rating: index % 5 === 0 ? '中评' : '差评',
            text: row.text,
            reviewedAt: '2026-03-05 10:00:00',
          },
        }));
        const outcome = await importer.importRows(manager, {
          shop,
          rows: firstBatch,
          policy: DEFAULT_POLICY,
          now: new Date(),
          source: 'test',
        });
        await manager.query(
          `UPDATE import_job SET rows_read = $2, imported = $3, rows_committed = 501,
                  heartbeat_at = now() - interval '10 minutes'
           WHERE id = $1`,
          [jobId, outcome.rowsRead, outcome.imported],
        );
      });

      await app.app.get(ImportRunner).start(jobId);
      const done = await waitForJob(app, jobId);
      expect(done).toMatchObject({ status: 'done', rowsRead: 1200, imported: 1200, duplicates: 0 });
      const ids = rows.map((row) => row.id);
      expect(
        await countRows(app, `SELECT id FROM review WHERE platform = 'jd' AND platform_review_id = ANY($1)`, [ids]),
      ).toBe(1200);
      expect(
        await countRows(
          app,
          `SELECT c.id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform = 'jd' AND r.platform_review_id = ANY($1)`,
          [ids],
        ),
      ).toBe(1200);

      // Running the whole file again (say the resume point was lost) still doubles nothing.
      const rerun = await waitForJob(
        app,
        (await app.upload<ImportResult>(`/api/imports?shopId=${shop.id}`, 'big.csv', file)).body.id,
      );
      expect(rerun).toMatchObject({ rowsRead: 1200, imported: 0, duplicates: 1200 });
    });
  });

  describe('assignment', () => {
    let day: UserEntity;
    let evening: UserEntity;
    let night: UserEntity;
    const setShift = (users: UserEntity[], onShift: boolean) =>
      app.dataSource.query(`UPDATE app_user SET on_shift = $2 WHERE id = ANY($1)`, [
        users.map((user) => user.id),
        onShift,
      ]);

    beforeAll(async () => {
      const users = app.dataSource.getRepository(UserEntity);
      const agent = (username: string, onShift: boolean) =>
        users.save({ username, displayName: username, role: 'agent', onShift });
      day = await agent('pdd-day', true);
      evening = await agent('pdd-evening', true);
      night = await agent('pdd-night', false);
      await app.dataSource
        .getRepository(UserShopEntity)
        .save([day, evening, night].map((user) => ({ userId: user.id, shopId: app.shops.pinduoduo.id })));
      // The shared test agent works every shop and already carries other shops' cases: off shift here.
      await setShift([app.users.agent], false);
    });
    afterAll(() => setShift([app.users.agent], true));

    const pddItem = (reviewId: string, comment: string, index: number) => ({
      reviewId,
      comment,
      createTime: 1772990000 + index,
      descScore: 1,
      orderSn: `260308-${reviewId}`,
    });

    it('gives new cases to on-shift agents of the shop with the lightest severity-weighted load', async () => {
      const items = ['用了一次就漏电，太危险了', '发货太慢了', '质量一般', '快递太慢', '颜色不对', '有异味'].map(
        (comment, index) => pddItem(`assign-${index}`, comment, index),
      );
      const { body } = await app.postRaw<ImportResult>(
        `/api/intake/pdd.mms.reviews.list?shopId=${app.shops.pinduoduo.id}`,
        JSON.stringify(items),
        { 'content-type': 'application/json' },
      );
      expect(body.imported).toBe(6);
      const rows: Array<{ assignee_id: string | null; severity: string }> = await app.dataSource.query(
        `SELECT c.assignee_id, c.severity FROM support_case c JOIN review r ON r.id = c.review_id
         WHERE r.platform_review_id LIKE 'assign-%' ORDER BY c.reviewed_at`,
      );
      expect(rows[0]?.severity).toBe('critical');
      const weights = DEFAULT_POLICY.assignment.severityWeights;
      const load = (user: UserEntity) =>
        rows
          .filter((row) => row.assignee_id === user.id)
          .reduce((sum, row) => sum + weights[row.severity as keyof typeof weights], 0);
      expect(load(night)).toBe(0);
      expect(rows.every((row) => row.assignee_id === day.id || row.assignee_id === evening.id)).toBe(true);
      // Each case went to the lighter of the two, so they never drift apart by more than one heaviest case.
      expect(Math.abs(load(day) - load(evening))).toBeLessThanOrEqual(weights.critical);
      expect(load(day)).toBeGreaterThan(0);
      expect(load(evening)).toBeGreaterThan(0);
    });

    it('leaves cases in the shop pool when nobody can take them, and shows the pool', async () => {
      await setShift([day, evening], false);
      await app.postRaw(
        `/api/intake/pdd.mms.reviews.list?shopId=${app.shops.pinduoduo.id}`,
        JSON.stringify(pddItem('pool-1', '质量太差', 9)),
        { 'content-type': 'application/json' },
      );
      await setShift([day, evening], true);
      const pool = await app.get<{ items: Array<{ assigneeId: string | null }> }>(
        `/api/cases?assignee=none&shopId=${app.shops.pinduoduo.id}`,
      );
      expect(pool.body.items).toHaveLength(1);
      expect(pool.body.items[0]?.assigneeId).toBeNull();
    });

    it('lets a lead reassign with a reason, recorded as an event, and refuses an agent', async () => {
      const [row] = await app.dataSource.query(
        `SELECT c.id, c.version FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = 'pool-1'`,
      );
      const { id, version } = row as { id: string; version: number };
      const url = `/api/cases/${id}/assignment`;
      const byAgent = await app.post<{ code: string }>(url, {
        expectedVersion: version,
        assigneeId: day.id,
        reason: '我来接',
      });
      expect(byAgent.status).toBe(403);
      expect(byAgent.body.code).toBe('role.lead_required');

      const toALead = await app.post<{ code: string }>(
        url,
        { expectedVersion: version, assigneeId: app.users.lead.id, reason: '主管自己接' },
        app.users.lead,
      );
      expect(toALead.body.code).toBe('assignment.no_shop_access');

      const moved = await app.post<CaseView>(
        url,
        { expectedVersion: version, assigneeId: day.id, reason: '池中积压，分给白班' },
        app.users.lead,
      );
      expect(moved.status).toBe(200);
      expect(moved.body.assignee?.id).toBe(day.id);
      expect(moved.body.events.at(-1)).toMatchObject({
        type: 'case_reassigned',
        data: { from: null, to: day.id, reason: '池中积压，分给白班' },
      });
    });
  });
});
