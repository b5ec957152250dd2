import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';

import { TaskScheduler } from '@chaping/api/testing';

import { waitForJob, type ImportResult } from '../support/imports';
import { TestApp } from '../support/test-app';
import { bombXlsx } from '../support/xlsx-bombs';

const MB = 1024 * 1024;

/** An order report as a Taobao back-office exports it: Chinese headers, Beijing wall-clock times, yuan. */
const orderCsv = (rows: ReadonlyArray<Record<string, string>>): Buffer =>
  Buffer.from(stringify(rows as Array<Record<string, string>>, { header: true, bom: true }));

const row = (id: string, over: Record<string, string> = {}) => ({
  订单编号: id,
  买家ID: `buyer-${id}`,
  买家会员名: `t**${id.slice(-2)}`,
  商品ID: 'sku-fan',
  宝贝标题: '落地扇 静音款',
  实付金额: '699.00',
  订单创建时间: '2026-03-02 10:00:00',
  确认收货时间: '2026-03-06 18:30:00',
  ...over,
});

/**
 * Care orders from a file (issue 18): an order export goes through the review import's machinery —
 * the same upload limits and bomb checks, progress, rejected rows with reasons, resumable batches —
 * and importing it again doubles nothing.
 */
describe('care orders from a file', () => {
  let app: TestApp;
  let shopId: string;
  const upload = (name: string, file: Buffer) =>
    app.upload<ImportResult & { kind: string }>(`/api/imports?shopId=${shopId}&kind=care_orders`, name, file);
  const counts = async () => {
    const [counted] = await app.dataSource.query(
      `SELECT (SELECT count(*)::int FROM trade_order WHERE shop_id = $1) AS orders,
              (SELECT count(*)::int FROM care_task WHERE shop_id = $1) AS tasks,
              (SELECT count(*)::int FROM support_case WHERE shop_id = $1) AS cases`,
      [shopId],
    );
    return counted as { orders: number; tasks: number; cases: number };
  };

  const file = orderCsv([
    row('810001'),
    row('810002', { 实付金额: '88.00' }),
    row('810003', { 确认收货时间: '' }), // not delivered yet
    row('810004', { 确认收货时间: '昨天下午' }),
    row('810005', { 实付金额: '六百九十九', 订单编号: '81 0005' }),
    row('810006', { 买家ID: '' }), // the order stands for the buyer
  ]);

  beforeAll(async () => {
    app = await TestApp.start('2026-03-07T02:00:00Z', {
      importLimits: { maxExpandedBytes: 4 * MB, maxRows: 300, maxSharedStrings: 2_000, maxSharedStringBytes: MB },
    });
    shopId = app.shops.taobao.id;
  });
  afterAll(() => app.stop());

  it('imports the delivered orders, skips undelivered ones, and lists every bad row with its reason', async () => {
    const started = await upload('订单报表.csv', file);
    expect(started.status).toBe(202);
    expect(started.body.kind).toBe('care_orders');
    const done = await waitForJob(app, started.body.id);
    expect(done).toMatchObject({
      status: 'done',
      error: null,
      rowsRead: 6,
      imported: 3,
      updated: 0,
      duplicates: 0,
      skipped: 1,
      rejected: 2,
    });
    const { body } = await app.get<{ rejections: unknown[] }>(`/api/imports/${started.body.id}/rejections`);
    expect(body.rejections).toEqual([
      { row: 5, field: 'deliveredAt', reason: 'invalid_date', value: '昨天下午' },
      { row: 6, field: 'orderAmountFen', reason: 'invalid_amount', value: '六百九十九' },
      { row: 6, field: 'platformOrderId', reason: 'invalid_id', value: '81 0005' },
    ]);
    const orders = await app.dataSource.query(
      `SELECT o.platform_order_id, o.amount_fen, o.delivered_at, b.platform_buyer_id, b.nickname
         FROM trade_order o JOIN buyer b ON b.id = o.buyer_id WHERE o.shop_id = $1 ORDER BY 1`,
      [shopId],
    );
    expect(orders).toEqual([
      {
        platform_order_id: '810001',
        amount_fen: 69_900,
        delivered_at: new Date('2026-03-06T10:30:00Z'),
        platform_buyer_id: 'buyer-810001',
        nickname: 't**01',
      },
      expect.objectContaining({ platform_order_id: '810002', amount_fen: 8_800 }),
      expect.objectContaining({ platform_order_id: '810006', platform_buyer_id: '810006' }),
    ]);
    const { body: listed } = await app.get<Array<{ id: string; kind: string }>>('/api/imports');
    expect(listed.find((job) => job.id === started.body.id)?.kind).toBe('care_orders');
  });

  it('creates the care tasks of the imported orders, and a re-import doubles neither orders nor tasks', async () => {
    app.clock.set('2026-03-07T11:00:00Z'); // a day after delivery, 19:00 in Beijing
    await app.app.get(TaskScheduler).tick();
    const before = await counts();
    // First-time buyers are chosen by default: all three delivered orders get their day-1 task.
    expect(before).toEqual({ orders: 3, tasks: 3, cases: 0 });

    const again = await waitForJob(app, (await upload('订单报表.csv', file)).body.id);
    expect(again).toMatchObject({ status: 'done', imported: 0, updated: 0, duplicates: 3, skipped: 1, rejected: 2 });
    app.clock.advanceMinutes(15);
    await app.app.get(TaskScheduler).tick();
    expect(await counts()).toEqual(before);
  });

  it('takes a later export that brings a delivery and corrects another, as XLSX with date cells', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('订单');
    sheet.addRow(['Order ID', 'Buyer ID', 'Amount', 'Delivered at', 'Promised by']);
    sheet.addRow(['810003', 'buyer-810003', '699.00', new Date('2026-03-07T01:00:00Z'), null]);
    sheet.addRow(['810001', 'buyer-810001', '699.00', new Date('2026-03-06T12:00:00Z'), null]);
    sheet.addRow(['810002', 'buyer-810002', '88.00', '2026-03-06 18:30:00', '2026-03-05 23:59:59']);
    const done = await waitForJob(
      app,
      (await upload('orders.xlsx', Buffer.from(await workbook.xlsx.writeBuffer()))).body.id,
    );
    // 810003 was skipped while undelivered: it is new now.
    expect(done).toMatchObject({ status: 'done', rowsRead: 3, imported: 1, updated: 2, duplicates: 0, rejected: 0 });
    const [late] = await app.dataSource.query(
      `SELECT delivered_at, promised_by FROM trade_order WHERE platform_order_id = '810002' AND shop_id = $1`,
      [shopId],
    );
    expect(late).toEqual({
      delivered_at: new Date('2026-03-06T10:30:00Z'),
      promised_by: new Date('2026-03-05T15:59:59Z'),
    });
    expect((await counts()).orders).toBe(4);
  });

  it('refuses an order file without a delivery column before creating a job, naming what is missing', async () => {
    const [before] = await app.dataSource.query(`SELECT count(*)::int AS n FROM import_job`);
    const response = await app.upload<{ code: string; message: string; details: { missing: string[] } }>(
      `/api/imports?shopId=${shopId}&kind=care_orders`,
      'no-delivery.csv',
      orderCsv([{ 订单编号: '1', 宝贝标题: '落地扇' }]),
    );
    expect(response.status).toBe(422);
    expect(response.body.code).toBe('import.missing_columns');
    expect(response.body.details.missing).toEqual(['deliveredAt']);
    const [after] = await app.dataSource.query(`SELECT count(*)::int AS n FROM import_job`);
    expect(after.n).toBe(before.n);
  });

  it('refuses an unknown kind of file with 400', async () => {
    const response = await app.upload(`/api/imports?shopId=${shopId}&kind=invoices`, 'x.csv', file);
    expect(response.status).toBe(400);
  });

  it('refuses a zip bomb sent as an order file with 413, and keeps nothing', async () => {
    const before = await counts();
    const response = await upload('bomb.xlsx', bombXlsx({ rows: [{ data: ' '.repeat(MB), times: 3 }] }));
    expect(response.status).toBe(413);
    expect(response.body).toMatchObject({ code: 'import.file_too_large_expanded' });
    expect(await counts()).toEqual(before);
    const [jobs] = await app.dataSource.query(
      `SELECT count(*)::int AS n FROM import_job WHERE file_name = 'bomb.xlsx'`,
    );
    expect(jobs.n).toBe(0);
  });

  it('fails an order file over the row limit with the limit named', async () => {
    const long = orderCsv(Array.from({ length: 400 }, (_, index) => row(String(820_000 + index))));
    const done = await waitForJob(app, (await upload('long.csv', long)).body.id);
    expect(done.status).toBe('failed');
    expect(done.error).toBe('import.too_many_rows {"maxRows":300}');
  });

  it('gives an order a review brought first its order time from the file (the campaign forecast counts by it)', async () => {
    const review = await app.postRaw(
      `/api/intake/taobao.traderates.get?shopId=${shopId}`,
      JSON.stringify({
        tid: '830001',
        oid: '930001',
        result: 'bad',
        content: '风扇噪音很大',
        created: '2026-03-06 20:00:00',
        nick: 't**01',
        item_title: '落地扇 静音款',
        num_iid: 'sku-fan',
      }),
      { 'content-type': 'application/json' },
      app.users.lead,
    );
    expect(review.status).toBeLessThan(300);
    const orderTime = async () =>
      (
        await app.dataSource.query(
          `SELECT ordered_at FROM trade_order WHERE platform_order_id = '830001' AND shop_id = $1`,
          [shopId],
        )
      )[0].ordered_at as Date | null;
    expect(await orderTime()).toBeNull();
    const done = await waitForJob(app, (await upload('later.csv', orderCsv([row('830001')]))).body.id);
    expect(done).toMatchObject({ status: 'done', rejected: 0 });
    expect(await orderTime()).toEqual(new Date('2026-03-02T02:00:00Z'));
  });
});
