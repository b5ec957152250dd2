import type { ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';

import { ImportRunner } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { API_MAIN, signIn, startNodeProcess, stopNodeProcess } from '../support/app-process';
import { followScript } from '../support/case-commands';
import { expectConsistentHistory } from '../support/case-history';
import { createTestDatabase } from '../support/database';
import { freePort } from '../support/free-port';
import { exportCsv, type ImportResult } from '../support/imports';
import { PostgresProcess } from '../support/postgres-process';
import { sampleReviews } from '../support/shared-data';
import { TestApp } from '../support/test-app';

interface CaseView {
  version: number;
  stage: string;
  events: Array<{ type: string; caseVersion: number }>;
  compensations: Array<{ id: string; status: string; amountFen: number }>;
}

interface ErrorBody {
  code: string;
  message: string;
}

/** Drives a new case to the compensating stage through the real commands. */
async function aCaseReadyForCompensation(app: TestApp, buyerId?: string): Promise<{ id: string; version: number }> {
  const id = await (buyerId ? aNewCase().withBuyer({ platformBuyerId: buyerId }) : aNewCase()).openIn(app);
  let version = 1;
  for (const [path, body] of [
    ['contact-attempts', { channel: 'im', outcome: 'reached', note: '买家在线' }],
    ['transitions', { to: 'apologised' }],
    ['root-cause', { rootCause: 'product_quality', subCause: 'defect' }],
    ['transitions', { to: 'resolving' }],
    ['remedy', { type: 'exchange', status: 'done', note: '已换新' }],
    ['transitions', { to: 'compensating' }],
  ] as const) {
    if (path === 'transitions') await followScript(app, id);
    const response = await app.post<CaseView>(`/api/cases/${id}/${path}`, { expectedVersion: version, ...body });
    expect(response.status).toBe(200);
    version = response.body.version;
  }
  return { id, version };
}

describe('faults: retries, races and stops', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });

  afterAll(async () => {
    await app.stop();
  });

  it('lets exactly one of 50 concurrent transitions on one version win, with one event for it', async () => {
    const id = await aNewCase().openIn(app);
    await followScript(app, id);
    const before = (await app.get<CaseView>(`/api/cases/${id}`)).body;
    const attempts = await Promise.all(
      Array.from({ length: 50 }, () =>
        app.post<ErrorBody>(`/api/cases/${id}/transitions`, { expectedVersion: before.version, to: 'contacting' }),
      ),
    );
    const statuses = attempts.map((attempt) => attempt.status);
    expect(statuses.filter((status) => status === 200)).toHaveLength(1);
    expect(statuses.filter((status) => status === 409)).toHaveLength(49);
    expect(attempts.find((attempt) => attempt.status === 409)?.body.code).toBe('case.version_conflict');
    const after = (await app.get<CaseView>(`/api/cases/${id}`)).body;
    expect(after.version).toBe(before.version + 1);
    expect(after.events).toHaveLength(before.events.length + 1);
    expect(after.events.filter((event) => event.type === 'stage_changed')).toHaveLength(1);
    expectConsistentHistory(after);
  });

  it('pays a compensation once when the request is retried with the same idempotency key', async () => {
    const { id, version } = await aCaseReadyForCompensation(app);
    const body = {
      expectedVersion: version,
      type: 'coupon',
      amountFen: 1500,
      note: '杯子漏水给您添麻烦了，送一张15元券',
    };
    const send = (key: string, payload: unknown = body) =>
      app.request<CaseView & ErrorBody>('POST', `/api/cases/${id}/compensations`, {
        body: payload,
        headers: { 'idempotency-key': key },
      });

    // A client that never heard back sends the same request again — here five times at once, then once more.
    const retries = await Promise.all(Array.from({ length: 5 }, () => send('pay-2f1c9a7e-once')));
    expect(retries.map((retry) => retry.status)).toEqual([200, 200, 200, 200, 200]);
    const late = await send('pay-2f1c9a7e-once');
    expect(late.status).toBe(200);
    expect(late.body.compensations).toHaveLength(1);
    expect(await app.count('compensation', id)).toBe(1);

    const [compensation] = late.body.compensations;
    const paid = await Promise.all(
      Array.from({ length: 3 }, () =>
        app.request<CaseView>('POST', `/api/cases/${id}/compensations/${compensation?.id}/mark-paid`, {
          body: { expectedVersion: late.body.version },
          headers: { 'idempotency-key': 'paid-2f1c9a7e-once' },
        }),
      ),
    );
    expect(paid.map((response) => response.status)).toEqual([200, 200, 200]);
    const view = (await app.get<CaseView>(`/api/cases/${id}`)).body;
    expect(view.compensations).toEqual([expect.objectContaining({ status: 'paid', amountFen: 1500 })]);
    expect(view.events.filter((event) => event.type === 'compensation_paid')).toHaveLength(1);
    expectConsistentHistory(view);

    // The same key for a different request is a mistake the client must hear about.
    const reused = await send('pay-2f1c9a7e-once', { ...body, amountFen: 3000 });
    expect(reused.status).toBe(422);
    expect(reused.body.code).toBe('idempotency.key_reused');
    const badKey = await send('short');
    expect(badKey.status).toBe(400);
    expect(await app.count('compensation', id)).toBe(1);
  });

  it("asks a lead to approve a buyer's second compensation even when two are proposed on two cases at once", async () => {
    const buyers = ['same-buyer-1', 'same-buyer-2', 'same-buyer-3', 'same-buyer-4'];
    const proposals = await Promise.all(
      buyers.map(async (buyer) => {
        const cases = [await aCaseReadyForCompensation(app, buyer), await aCaseReadyForCompensation(app, buyer)];
        return cases.map((ready) =>
          app.post<CaseView & { compensations: Array<{ approvalReasons: string[] }> }>(
            `/api/cases/${ready.id}/compensations`,
            { expectedVersion: ready.version, type: 'coupon', amountFen: 1000, note: '给您添麻烦了，送一张10元券' },
          ),
        );
      }),
    );
    for (const pair of proposals) {
      const answers = await Promise.all(pair);
      expect(answers.map((answer) => answer.status)).toEqual([200, 200]);
      const reasons = answers.map((answer) => answer.body.compensations[0]?.approvalReasons ?? []);
      // One of the two went through on its own; the other waits for a lead.
      expect(reasons.filter((reason) => reason.includes('buyer_already_compensated'))).toHaveLength(1);
    }
  });

  it('finishes the requests in flight when it stops, and takes no new connections', async () => {
    const stopping = await app.another();
    const base = await stopping.listen();
    const id = await aNewCase().openIn(app);
    await followScript(app, id);
    const cookie = await stopping.sessionCookie(app.users.agent);
    // Hold the case's row so the command is still in flight when the stop begins.
    const holder = new Client({ connectionString: app.database.url });
    await holder.connect();
    await holder.query('BEGIN');
    await holder.query(`SELECT 1 FROM support_case WHERE id = $1 FOR UPDATE`, [id]);
    const inFlight = fetch(`${base}/api/cases/${id}/transitions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie, connection: 'close' },
      body: JSON.stringify({ expectedVersion: 1, to: 'contacting' }),
    });
    await new Promise((resolve) => setTimeout(resolve, 300));
    const closed = stopping.app.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    await expect(fetch(`${base}/api/health`)).rejects.toThrow();
    await holder.query('COMMIT');
    await holder.end();
    const response = await inFlight;
    expect(response.status).toBe(200);
    expect(((await response.json()) as CaseView).stage).toBe('contacting');
    await closed;
    expect((await app.get<CaseView>(`/api/cases/${id}`)).body.version).toBe(2);
  });
});

describe('faults: PostgreSQL stopped and started again mid-traffic', () => {
  let server: PostgresProcess;
  let app: TestApp;

  beforeAll(async () => {
    server = await PostgresProcess.start();
    app = await TestApp.start('2026-03-10T02:00:00Z', { database: await createTestDatabase(server.adminUrl) });
  }, 60_000);

  afterAll(async () => {
    await app.stop().catch(() => undefined);
    await server.quit();
  });

  it('answers 503 while it is down, recovers by itself, and never leaves a command half-applied', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 30; i++) ids.push(await aNewCase().openIn(app));
    await app.sessionCookie(app.users.agent);
    const answers: Array<{ id: string; status: number; code?: string }> = [];
    const contact = async (id: string) => {
      const response = await app.post<ErrorBody>(`/api/cases/${id}/contact-attempts`, {
        expectedVersion: 1,
        channel: 'im',
        outcome: 'reached',
        note: '买家在线',
      });
      answers.push({ id, status: response.status, code: response.body.code });
    };

    // Traffic before, during and after the outage; the server stops while commands are running.
    const traffic = (async () => {
      for (const id of ids) {
        await contact(id);
        await new Promise((resolve) => setTimeout(resolve, 40));
      }
    })();
    await new Promise((resolve) => setTimeout(resolve, 200));
    await server.stop();
    const whileDown = await app.get<ErrorBody>(`/api/cases/${ids[0]}`);
    expect(whileDown.status).toBe(503);
    expect(whileDown.body.code).toBe('database.unavailable');
    expect(whileDown.body.message.length).toBeGreaterThan(3);
    expect((await app.app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(503);
    await new Promise((resolve) => setTimeout(resolve, 300));
    await server.start();
    await traffic;

    // Back by itself: the pool reconnects, no restart of the app.
    let health = 0;
    for (let attempt = 0; attempt < 50 && health !== 200; attempt++) {
      health = (await app.app.inject({ method: 'GET', url: '/api/health' })).statusCode;
      if (health !== 200) await new Promise((resolve) => setTimeout(resolve, 100));
    }
    expect(health).toBe(200);
    expect(answers.some((answer) => answer.status === 503)).toBe(true);
    expect(answers.some((answer) => answer.status === 200)).toBe(true);
    // Each answer is the command applied (200) or the database unavailable (503): listed if not.
    expect(
      answers.filter(
        (answer) => answer.status !== 200 && !(answer.status === 503 && answer.code === 'database.unavailable'),
      ),
    ).toEqual([]);

    // Every case is either untouched or fully moved: state, attempt and events together.
    for (const id of ids) {
      const view = (await app.get<CaseView>(`/api/cases/${id}`)).body;
      const attempts = await app.count('contact_attempt', id);
      const applied = answers.find((answer) => answer.id === id)?.status === 200;
      if (applied) expect(view).toMatchObject({ version: 2, stage: 'contacting' });
      expect(attempts).toBe(view.version - 1);
      expect(view.stage).toBe(attempts === 1 ? 'contacting' : 'new');
      expectConsistentHistory(view);
    }
  }, 60_000);
});

describe('faults: the app killed in the middle of an import', () => {
  const password = 'killed mid import 1';
  let app: TestApp;
  let spoolDir: string;
  const processes: ChildProcess[] = [];

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    // This in-process instance takes no import work: only the processes under test do.
    await app.app.get(ImportRunner).beforeApplicationShutdown();
    await app.createUser({ username: 'importer', password });
    spoolDir = await mkdtemp(path.join(os.tmpdir(), 'chaping-killed-'));
  });

  afterAll(async () => {
    await Promise.all(processes.map((child) => stopNodeProcess(child, 'SIGKILL')));
    await app.stop();
    await rm(spoolDir, { recursive: true, force: true });
  });

  /** `node apps/api/dist/main.js` on the test database, as `npm start` runs it. */
  async function startApi(): Promise<string> {
    const port = await freePort();
    const url = `http://127.0.0.1:${port}`;
    const env = {
      DATABASE_URL: app.database.url,
      PORT: String(port),
      HOST: '127.0.0.1',
      SEED_DEMO_DATA: 'false',
      IMPORT_SPOOL_DIR: spoolDir,
    };
    processes.push(await startNodeProcess([API_MAIN], env, `${url}/api/health`));
    return url;
  }

  const jobRow = async (jobId: string) =>
    (
      await app.dataSource.query(
        `SELECT status, rows_read, rows_committed, heartbeat_at < now() - interval '30 seconds' AS stale
           FROM import_job WHERE id = $1`,
        [jobId],
      )
    )[0] as { status: string; rows_read: number; rows_committed: number; stale: boolean };

  async function poll<T>(what: string, read: () => Promise<T>, done: (value: T) => boolean, ms = 60_000) {
    for (const start = Date.now(); Date.now() - start < ms; await new Promise((resolve) => setTimeout(resolve, 50))) {
      const value = await read();
      if (done(value)) return value;
    }
    throw new Error(`timed out waiting for ${what}`);
  }

  async function upload(baseUrl: string, cookie: string, file: Buffer): Promise<ImportResult> {
    const form = new FormData();
    form.append('file', new Blob([new Uint8Array(file)]), 'reviews.csv');
    const response = await fetch(`${baseUrl}/api/imports?shopId=${app.shops.jd.id}`, {
      method: 'POST',
      headers: { cookie },
      body: form,
    });
    expect(response.status).toBe(202);
    return (await response.json()) as ImportResult;
  }

  it('resumes after a restart and holds every row exactly once, also when the file is imported again', async () => {
    const rows = sampleReviews().slice(0, 4000);
    const file = exportCsv(rows);
    const first = await startApi();
    const job = await upload(first, await signIn(first, 'importer', password), file);

    // Killed (SIGKILL: no shutdown hook runs) once some batches are committed and before the end.
    const atKill = await poll(
      'a committed batch',
      () => jobRow(job.id),
      // The job is queued until the app claims it; stop at a committed batch (or at an end, which fails below).
      (row) => row.rows_committed > 0 || row.status === 'done' || row.status === 'failed',
    );
    await stopNodeProcess(processes.pop() as ChildProcess, 'SIGKILL');
    expect(atKill.status).toBe('running');
    const killed = await jobRow(job.id);
    expect(killed.rows_read).toBeLessThan(rows.length);

    // Its heartbeat goes stale; the restarted app takes the job up where the last batch committed.
    await poll(
      'the heartbeat to go stale',
      () => jobRow(job.id),
      (row) => row.stale,
      45_000,
    );
    const second = await startApi();
    const finished = await poll(
      'the import to finish',
      () => jobRow(job.id),
      (row) => row.status !== 'running' && row.status !== 'queued',
    );
    expect(finished).toMatchObject({ status: 'done', rows_read: rows.length });

    const ids = rows.map((row) => row.id);
    const [stored] = await app.dataSource.query(
      `SELECT count(*)::int AS reviews, count(DISTINCT r.platform_review_id)::int AS distinct_reviews,
              count(c.id)::int AS cases, count(DISTINCT c.id)::int AS distinct_cases
         FROM review r LEFT JOIN support_case c ON c.review_id = r.id
        WHERE r.platform = 'jd' AND r.platform_review_id = ANY($1)`,
      [ids],
    );
    const cookie = await signIn(second, 'importer', password);
    const result = (await (
      await fetch(`${second}/api/imports/${job.id}`, { headers: { cookie } })
    ).json()) as ImportResult;
    expect(result).toMatchObject({ status: 'done', rowsRead: rows.length, duplicates: 0 });
    expect(stored.reviews).toBe(stored.distinct_reviews);
    expect(stored.cases).toBe(stored.distinct_cases);
    expect(stored.reviews).toBe(result.imported + result.skipped);
    expect(result.imported + result.skipped + result.rejected).toBe(rows.length);

    // The same file again: nothing new, nothing doubled.
    const again = await upload(second, cookie, file);
    await poll(
      'the second import',
      () => jobRow(again.id),
      (row) => row.status === 'done',
    );
    const rerun = (await (
      await fetch(`${second}/api/imports/${again.id}`, { headers: { cookie } })
    ).json()) as ImportResult;
    expect(rerun).toMatchObject({ imported: 0, rowsRead: rows.length });
    expect(rerun.duplicates).toBe(result.imported + result.updated);
  }, 150_000);
});
