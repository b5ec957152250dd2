import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface Page {
  items: Array<{ id: string; stage: string }>;
  nextCursor: string | null;
}

describe('the queue’s archive: closed cases can be listed and found', () => {
  let app: TestApp;
  let open: string;
  let closed: string;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    open = await aNewCase().withText('杯子漏水，客服不回复').openIn(app);
    closed = await aNewCase().withText('去年买的杯子漏水，已经处理过').openIn(app);
    // Closing through every stage is the workflow tests' job; here only the stage matters.
    const record = {
      productModel: '保温杯',
      rootCause: 'product_quality',
      actionsTaken: '换货',
      outcome: 'unchanged',
      specialNotes: '',
      recordedAt: '2026-03-09T02:00:00Z',
    };
    await app.dataSource.query(
      `UPDATE support_case SET stage = 'recorded', record = $2, closed_at = now() WHERE id = $1`,
      [closed, record],
    );
  });

  afterAll(async () => {
    await app.stop();
  });

  const ids = async (url: string) => {
    const page = await app.get<Page>(url);
    expect([page.status, page.body]).toEqual([200, expect.anything()]);
    return page.body.items.map((item) => item.id);
  };

  it('lists open cases by default, the archive with status=closed and both with status=all', async () => {
    expect(await ids('/api/cases')).toEqual([open]);
    expect(await ids('/api/cases?status=closed')).toEqual([closed]);
    expect((await ids('/api/cases?status=all')).sort()).toEqual([open, closed].sort());
  });

  it('searches closed cases too, unless the search asks for open ones only', async () => {
    const query = encodeURIComponent('杯子漏水');
    expect((await ids(`/api/cases?q=${query}`)).sort()).toEqual([open, closed].sort());
    expect(await ids(`/api/cases?q=${query}&status=open`)).toEqual([open]);
    expect(await ids(`/api/cases?q=${query}&status=closed`)).toEqual([closed]);
  });

  it('refuses an unknown status with a message a person can act on, and a search longer than 100 characters', async () => {
    const bad = await app.get<{ code: string; message: string; details: { fields: Array<{ field: string }> } }>(
      `/api/cases?status=archived&q=${'好'.repeat(101)}`,
    );
    expect(bad.status).toBe(400);
    expect(bad.body.code).toBe('request.invalid');
    expect(bad.body.details.fields.map((field) => field.field).sort()).toEqual(['q', 'status']);
    expect(bad.body.message).not.toMatch(/\bundefined\b/);
  });
});
