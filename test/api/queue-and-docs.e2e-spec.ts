import { QueueCountsFolder } from '@chaping/api/testing';
import { CASE_TEXT_LIMITS } from '@chaping/domain';

import { aNewCase } from '../factories/case-factory';
import { expectQueueCountsToMatchCases } from '../support/queue-counts';
import { TestApp } from '../support/test-app';

interface Page {
  items: Array<{
    id: string;
    stage: string;
    severity: string;
    platform: string;
    urgencyAt: string;
    reviewText: string;
  }>;
  nextCursor: string | null;
}

describe('the queue, health and the OpenAPI document', () => {
  let app: TestApp;
  const opened: string[] = [];

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    const severities = ['low', 'medium', 'high', 'critical'] as const;
    for (let i = 0; i < 23; i++) {
      opened.push(
        await aNewCase()
          .onPlatform(i % 2 === 0 ? 'jd' : 'douyin')
          .withSeverity(severities[i % 4] ?? 'low')
          .reviewedOn(`2026-03-0${1 + (i % 9)}T0${i % 10}:00:00Z`)
          .withRootCause(
            i === 7 ? 'logistics_damage' : 'product_quality',
            i === 7 ? '快递把外箱压扁了，杯子磕出一个坑' : undefined,
          )
          .openIn(app),
      );
    }
  });

  afterAll(async () => {
    await app.stop();
  });

  it('pages through every open case once, most urgent first', async () => {
    const seen: Page['items'] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const url: string = `/api/cases?limit=5${cursor ? `&cursor=${cursor}` : ''}`;
      const page = await app.get<Page>(url);
      expect(page.status).toBe(200);
      seen.push(...page.body.items);
      cursor = page.body.nextCursor;
      pages++;
    } while (cursor && pages < 20);
    expect(pages).toBe(5);
    expect(seen.map((item) => item.id).sort()).toEqual([...opened].sort());
    const urgency = seen.map((item) => item.urgencyAt);
    expect([...urgency].sort()).toEqual(urgency);
  });

  it('counts open cases per stage, overdue first contacts and the pool, for "me" and for the pool', async () => {
    const mine = await app.get<{
      byStage: Array<{ stage: string; count: number }>;
      overdueFirstContact: number;
      pool: number;
    }>('/api/cases/counts?assignee=me');
    expect(mine.status).toBe(200);
    expect(mine.body.byStage.find((entry) => entry.stage === 'new')?.count).toBe(23);
    expect(mine.body.byStage.reduce((sum, entry) => sum + entry.count, 0)).toBe(23);
    expect(mine.body.pool).toBe(0);
    const myQueue = await app.get<{ items: Array<{ firstContactDueAt: string }> }>('/api/cases?assignee=me&limit=100');
    expect(myQueue.body.items).toHaveLength(23);
    const overdue = myQueue.body.items.filter((item) => Date.parse(item.firstContactDueAt) < app.clock.now().getTime());
    expect(overdue.length).toBeGreaterThan(0);
    expect(mine.body.overdueFirstContact).toBe(overdue.length);
    const leadsOwn = await app.request<{ byStage: Array<{ count: number }> }>('GET', '/api/cases/counts?assignee=me', {
      as: app.users.lead,
    });
    expect(leadsOwn.body.byStage.every((entry) => entry.count === 0)).toBe(true);
    expect((await app.get('/api/cases/counts?assignee=nobody')).status).toBe(400);
  });

  it('sends security headers and no CORS permission to other origins', async () => {
    const response = await app.app.inject({
      method: 'OPTIONS',
      url: '/api/cases',
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'POST' },
    });
    expect(response.headers['access-control-allow-origin']).toBeUndefined();
    const health = await app.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': expect.stringContaining('max-age='),
    });
    expect(health.headers['content-security-policy']).toContain("default-src 'self'");
    const docs = await app.app.inject({ method: 'GET', url: '/api/docs' });
    expect(docs.body).not.toMatch(/<script>(?!\s*<\/script>)/);
  });

  it('lists the shops the user works, for the queue filter', async () => {
    const { status, body } = await app.get<Array<{ name: string; platform: string }>>('/api/shops');
    expect(status).toBe(200);
    expect(body.map((shop) => shop.platform).sort()).toEqual(['douyin', 'jd', 'pinduoduo', 'taobao', 'tmall']);
  });

  it('filters by platform, severity, stage and text', async () => {
    const jd = await app.get<Page>('/api/cases?platform=jd&limit=100');
    expect(jd.body.items).toHaveLength(12);
    expect(jd.body.items.every((item) => item.platform === 'jd')).toBe(true);
    const critical = await app.get<Page>('/api/cases?severity=critical&limit=100');
    expect(critical.body.items.every((item) => item.severity === 'critical')).toBe(true);
    expect(critical.body.items.length).toBe(5);
    const closed = await app.get<Page>('/api/cases?stage=recorded');
    expect(closed.body.items).toEqual([]);
    const text = await app.get<Page>(`/api/cases?q=${encodeURIComponent('压扁')}`);
    expect(text.body.items.map((item) => item.id)).toEqual([opened[7]]);
    const wildcard = await app.get<Page>(`/api/cases?q=${encodeURIComponent('%')}`);
    expect(wildcard.body.items).toEqual([]);
  });

  it('rejects bad query parameters with a message per field', async () => {
    const bad = await app.get<{ code: string; details: { fields: Array<{ field: string }> } }>(
      '/api/cases?stage=lost&limit=1000&cursor=xyz',
    );
    expect(bad.status).toBe(400);
    expect(bad.body.details.fields.map((detail) => detail.field).sort()).toEqual(['limit', 'stage']);
    const cursor = await app.get<{ code: string; details: { fields: Array<{ field: string }> } }>(
      '/api/cases?cursor=not-a-cursor',
    );
    expect(cursor).toMatchObject({
      status: 400,
      body: { code: 'request.invalid', details: { fields: [{ field: 'cursor' }] } },
    });
  });

  it('reports the database in /api/health', async () => {
    const health = await app.get<{ status: string; info: { database: { status: string } } }>('/api/health');
    expect(health).toMatchObject({ status: 200, body: { status: 'ok', info: { database: { status: 'up' } } } });
  });

  it('documents every endpoint in the OpenAPI document generated from the code', async () => {
    const document = await app.get<{ paths: Record<string, Record<string, { responses: Record<string, unknown> }>> }>(
      '/api/docs-json',
    );
    expect(document.status).toBe(200);
    const paths = Object.keys(document.body.paths);
    for (const path of [
      '/api/cases',
      '/api/cases/{id}',
      '/api/cases/{id}/transitions',
      '/api/cases/{id}/contact-attempts',
      '/api/cases/{id}/compensations/{compensationId}/approve',
      '/api/cases/{id}/replies/{replyId}/publish',
      '/api/cases/{id}/appeal/result',
      '/api/cases/{id}/record',
      '/api/cases/{id}/reopen',
      '/api/health',
    ]) {
      expect(paths).toContain(path);
    }
    expect(Object.keys(document.body.paths['/api/cases/{id}/transitions']?.['post']?.responses ?? {})).toEqual(
      expect.arrayContaining(['200', '400', '409', '422']),
    );
    const page = await app.app.inject({ method: 'GET', url: '/api/docs' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
  });

  it('states the one error body and the length limits the validators enforce', async () => {
    type Schema = { properties?: Record<string, Record<string, unknown>> };
    const document = await app.get<{ components: { schemas: Record<string, Schema> } }>('/api/docs-json');
    const { schemas } = document.body.components;
    expect(Object.keys(schemas['ErrorBodyDto']?.properties ?? {}).sort()).toEqual(
      ['code', 'details', 'message', 'requestId', 'statusCode'].sort(),
    );
    expect(schemas['ErrorBodyDto']?.properties?.['details']).toMatchObject({ type: 'object' });
    // The record needs 10 characters of what was done (the domain's rule), not the 1 it used to state.
    expect(schemas['RecordAndCloseDto']?.properties?.['actionsTaken']).toMatchObject({
      minLength: 10,
      maxLength: 2000,
    });
    // Limits only the validator knew: MinLength(1) on the method of a revision request.
    expect(schemas['RevisionRequestDto']?.properties?.['method']).toMatchObject({ minLength: 1, maxLength: 100 });
    expect(schemas['ReopenDto']?.properties?.['reason']).toMatchObject({ maxLength: 500 });
  });

  it("states every case text limit the web's fields stop at, so a form never sends what the API refuses", async () => {
    const document = await app.get<{
      components: { schemas: Record<string, { properties: Record<string, unknown> }> };
    }>('/api/docs-json');
    const field = (schema: string, property: string) =>
      document.body.components.schemas[schema]?.properties[property] as { maxLength?: number } | undefined;
    const stated: Record<keyof typeof CASE_TEXT_LIMITS, number | undefined> = {
      contactNote: field('LogContactAttemptDto', 'note')?.maxLength,
      doNotContactReason: field('DoNotContactDto', 'reason')?.maxLength,
      revealReason: field('RevealDto', 'reason')?.maxLength,
      triageReason: field('TriageOverrideDto', 'reason')?.maxLength,
      remedyNote: field('RecordRemedyDto', 'note')?.maxLength,
      compensationNote: field('ProposeCompensationDto', 'note')?.maxLength,
      appealNote: field('FileAppealDto', 'note')?.maxLength,
      appealResultNote: field('AppealResultDto', 'note')?.maxLength,
      reopenReason: field('ReopenDto', 'reason')?.maxLength,
      actionsTaken: field('RecordAndCloseDto', 'actionsTaken')?.maxLength,
      specialNotes: field('RecordAndCloseDto', 'specialNotes')?.maxLength,
    };
    expect(stated).toEqual(CASE_TEXT_LIMITS);
    // And the validator holds the same line, before it looks for the case: one character over is a 400.
    const over = await app.post<{ details: unknown }>('/api/cases/00000000-0000-4000-8000-000000000000/compensations', {
      expectedVersion: 1,
      type: 'coupon',
      amountFen: 500,
      note: '杯'.repeat(CASE_TEXT_LIMITS.compensationNote + 1),
    });
    expect(over.status).toBe(400);
    expect(JSON.stringify(over.body.details)).toContain('note');
  });

  it('keeps the queue counters equal to the cases themselves through reassignments, moves, deletes, folding and concurrent writers', async () => {
    const folder = app.app.get(QueueCountsFolder);
    const countersMatchCases = (db: Pick<typeof app.dataSource, 'query'> = app.dataSource) =>
      expectQueueCountsToMatchCases((sql) => db.query(sql));
    await countersMatchCases();

    const [first, second, third] = opened;
    const version = async (id: string | undefined) =>
      (await app.get<{ version: number }>(`/api/cases/${id}`)).body.version;
    const toPool = await app.post(
      `/api/cases/${first}/assignment`,
      { expectedVersion: await version(first), assigneeId: null, reason: '退回公共池重新分配' },
      app.users.lead,
    );
    expect(toPool.status).toBe(200);
    const leadsCounts = await app.get<{ pool: number; byStage: Array<{ stage: string; count: number }> }>(
      '/api/cases/counts',
      app.users.lead,
    );
    expect(leadsCounts.body.pool).toBe(1);
    expect(leadsCounts.body.byStage.find((entry) => entry.stage === 'new')?.count).toBe(opened.length);
    await countersMatchCases();

    // Several rows in one statement, then writers racing each other and two folds.
    await app.dataSource.query(`UPDATE support_case SET stage = 'contacting' WHERE id = ANY($1)`, [[second, third]]);
    await countersMatchCases();
    const racing = opened.slice(3, 13).map((id, index) =>
      app.dataSource.transaction(async (manager) => {
        await manager.query(`UPDATE support_case SET stage = $2 WHERE id = $1`, [
          id,
          index % 2 === 0 ? 'apologised' : 'resolving',
        ]);
        await manager.query(`UPDATE support_case SET stage = 'resolving' WHERE id = $1`, [opened[13 + (index % 5)]]);
      }),
    );
    await Promise.all([...racing, folder.fold(), folder.fold()]);
    await countersMatchCases();
    await folder.fold();
    await countersMatchCases();
    const [{ rows }] = await app.dataSource.query(`SELECT count(*)::int AS rows FROM queue_count`);
    const [{ keys }] = await app.dataSource.query(
      `SELECT count(DISTINCT (shop_id, assignee_id, stage))::int AS keys FROM support_case`,
    );
    expect(rows).toBe(keys);

    await app.dataSource
      .transaction(async (manager) => {
        await manager.query(`DELETE FROM case_event WHERE case_id = $1`, [third]);
        await manager.query(`DELETE FROM support_case WHERE id = $1`, [third]);
        await countersMatchCases(manager);
        throw new Error('roll back: cases are never deleted by the app');
      })
      .catch((error: Error) => expect(error.message).toContain('roll back'));
    await countersMatchCases();
  });
});
