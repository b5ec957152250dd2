import { rm } from 'node:fs/promises';

import { hashPassword, ImportRunner, TaskScheduler } from '@chaping/api/testing';

import { exportCsv, waitForJob, type ImportResult } from '../support/imports';
import { sampleReviews } from '../support/shared-data';
import { TestApp } from '../support/test-app';

/** Several API instances on one PostgreSQL, as behind a load balancer: nothing that matters is kept in memory. */
describe('more than one instance', () => {
  let first: TestApp;
  let second: TestApp;

  beforeAll(async () => {
    first = await TestApp.start('2026-03-10T02:00:00Z');
    second = await first.another();
  });

  afterAll(async () => {
    await second.app.close();
    await first.stop();
  });

  it('keeps a session working on every instance, and a sign-out ends it everywhere', async () => {
    await first.dataSource.query(`UPDATE app_user SET password_hash = $2 WHERE id = $1`, [
      first.users.agent.id,
      await hashPassword('correct horse battery'),
    ]);
    const login = await first.app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { username: 'agent', password: 'correct horse battery' },
    });
    expect(login.statusCode).toBe(200);
    const cookie = String(login.headers['set-cookie']).split(';')[0] ?? '';
    const me = (app: TestApp) => app.app.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } });
    expect((await me(first)).statusCode).toBe(200);
    expect((await me(second)).json()).toMatchObject({ username: 'agent' });
    const logout = await second.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } });
    expect(logout.statusCode).toBeLessThan(300);
    expect((await me(first)).statusCode).toBe(401);
  });

  it('finishes on another instance an import whose instance went away, every row exactly once', async () => {
    const rows = sampleReviews().slice(0, 1500);
    const leaving = await first.another();
    const upload = await leaving.upload<ImportResult>(
      `/api/imports?shopId=${first.shops.jd.id}`,
      'reviews.csv',
      exportCsv(rows),
    );
    expect(upload.status).toBe(202);
    // The instance that took the upload stops at once (its job goes back to the queue) and its disk is gone.
    await leaving.app.close();
    await rm(leaving.importSpoolDir, { recursive: true, force: true });

    const [stopped] = await first.dataSource.query(`SELECT status, rows_read FROM import_job WHERE id = $1`, [
      upload.body.id,
    ]);
    expect(stopped.status).toBe('queued');
    expect(stopped.rows_read).toBeLessThan(rows.length);

    // Both remaining instances look for work at once; one takes the job, from the file kept in PostgreSQL.
    await Promise.all([second.app.get(ImportRunner).resumeStale(), first.app.get(ImportRunner).resumeStale()]);
    const job = await waitForJob(second, upload.body.id);
    expect(job).toMatchObject({ status: 'done', error: null, rowsRead: rows.length, duplicates: 0 });
    const [counts] = await first.dataSource.query(
      `SELECT (SELECT count(*)::int FROM review WHERE platform_review_id = ANY($1)) AS reviews,
              (SELECT count(DISTINCT platform_review_id)::int FROM review WHERE platform_review_id = ANY($1)) AS distinct_reviews,
              (SELECT attempts FROM import_job WHERE id = $2) AS attempts,
              (SELECT count(*)::int FROM import_file_chunk WHERE job_id = $2) AS chunks_left`,
      [rows.map((row) => row.id), upload.body.id],
    );
    expect(counts.reviews).toBe(counts.distinct_reviews);
    expect(counts.reviews).toBe(job.imported);
    expect(counts.attempts).toBe(2);
    expect(counts.chunks_left).toBe(0);
  });

  it('runs a periodic task once per period however many instances tick', async () => {
    const runsOf = async () =>
      new Map<string, number>(
        (await first.dataSource.query(`SELECT name, runs::int AS runs FROM scheduled_task`)).map(
          (row: { name: string; runs: number }) => [row.name, row.runs],
        ),
      );
    const before = await runsOf();
    expect([...before.keys()].sort()).toEqual([
      'alerts.scan',
      'alerts.send',
      'auth.login_attempt_purge',
      'campaigns.roster_shifts',
      'care.create_due_tasks',
      'cases.fold_queue_counts',
      'connections.pull-due',
      'privacy.retention_purge',
      'replies.send',
      'triage.retrain',
    ]);

    first.clock.advanceMinutes(7 * 60); // past the period of every task
    const third = await first.another();
    const ran = (
      await Promise.all([first, second, third].map((instance) => instance.app.get(TaskScheduler).tick()))
    ).flat();
    await third.app.close();
    expect(new Set(ran).size).toBe(ran.length); // no task ran on two instances
    const after = await runsOf();
    for (const [name, runs] of before) expect(after.get(name)).toBe(runs + 1);

    // Not due again until the next period.
    const again = await Promise.all([first, second].map((instance) => instance.app.get(TaskScheduler).tick()));
    expect(again.flat()).toEqual([]);
    expect(await runsOf()).toEqual(after);
  }, 90_000); // every task runs once, retraining a triage model among them

  it('runs what is due after a tick that was already under way when the clock moved', async () => {
    // The other instance shares the clock, and its own timer would take the due tasks first.
    await second.app.get(TaskScheduler).onApplicationShutdown();
    const scheduler = first.app.get(TaskScheduler);
    const underWay = scheduler.tick();
    first.clock.advanceMinutes(7 * 60);
    const afterMove = scheduler.tick();
    const ran = [...(await underWay), ...(await afterMove)];
    expect(ran.sort()).toEqual([
      'alerts.scan',
      'alerts.send',
      'auth.login_attempt_purge',
      'campaigns.roster_shifts',
      'care.create_due_tasks',
      'cases.fold_queue_counts',
      'connections.pull-due',
      'privacy.retention_purge',
      'replies.send',
      'triage.retrain',
    ]);
  });
});
