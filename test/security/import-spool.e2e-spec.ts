import { randomUUID } from 'node:crypto';
import { mkdtemp, readdir, utimes, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';

import { exportCsv, waitForJob, type ImportResult } from '../support/imports';
import { TestApp } from '../support/test-app';

/** Uploaded files wait in the spool folder for their job; none may stay once no job will read it. */
describe('import spool files', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start();
  });
  afterAll(() => app.stop());

  const importFile = async (name: string, file: Buffer) => {
    const response = await app.upload<ImportResult>(`/api/imports?shopId=${app.shops.jd.id}`, name, file);
    expect(response.status).toBe(202);
    return waitForJob(app, response.body.id);
  };

  it('removes the file of an import that fails', async () => {
    // The header is fine (the upload is accepted); a quote left open further down fails the job.
    const broken = Buffer.concat([
      exportCsv([{ id: 'spool-1', text: '质量很差' }]),
      Buffer.from('spool-2,"4100000000000000002,600123456789\n'),
    ]);
    const job = await importFile('broken.csv', broken);

    expect(job.status).toBe('failed');
    expect(job.error).toMatch(/^import\.unreadable_file /);
    expect(await readdir(app.importSpoolDir)).toEqual([]);
  });

  it('removes at start the files no job will read again, and keeps those of live jobs and uploads', async () => {
    const done = await importFile('done.csv', exportCsv([{ id: 'spool-3', text: '发货太慢' }]));
    expect(done.status).toBe('done');
    const [failed] = await app.dataSource.query(`SELECT id FROM import_job WHERE status = 'failed' LIMIT 1`);
    // A job another instance is working on now (its heartbeat is fresh).
    const [live] = await app.dataSource.query(
      `INSERT INTO import_job (shop_id, source, format, status, created_by, started_at, heartbeat_at)
       VALUES ($1, 'file', 'csv', 'running', $2, now(), now()) RETURNING id`,
      [app.shops.jd.id, app.users.agent.id],
    );

    const spool = await mkdtemp(path.join(os.tmpdir(), 'chaping-spool-'));
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    const put = async (name: string, modified?: Date) => {
      await writeFile(path.join(spool, name), 'x');
      if (modified) await utimes(path.join(spool, name), modified, modified);
      return name;
    };
    await put(randomUUID(), hourAgo); // no job, untouched for an hour: left by a crash
    await put(`${randomUUID()}.partial`, hourAgo); // a copy from PostgreSQL cut by a crash
    const arriving = await put(randomUUID()); // no job yet: an upload still arriving
    await put(done.id);
    await put((failed as { id: string }).id);
    const ofLive = await put((live as { id: string }).id);
    const notOurs = await put('README.txt', hourAgo);
    expect((await readdir(spool)).length).toBe(7);

    // A restart: a new instance on this spool folder.
    const restarted = await app.another(spool);
    try {
      expect((await readdir(spool)).sort()).toEqual([arriving, ofLive, notOurs].sort());
    } finally {
      await restarted.stop();
    }
  });
});
