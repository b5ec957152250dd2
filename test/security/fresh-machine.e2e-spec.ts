import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chmod, mkdtemp, rm, stat } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { Client } from 'pg';

import { freePort } from '../support/free-port';

const CLUSTER = path.resolve(__dirname, '../../apps/api/src/database/postgres-cluster.mjs');

/** What the launcher `npm start` and `npm test` share does, in a process of its own as they run it. */
const LAUNCH = `
import { createInterface } from 'node:readline';
const { PostgresCluster } = await import(process.argv[1]);
const logs = [];
const cluster = await PostgresCluster.prepare({
  dataDir: process.argv[2],
  port: Number(process.argv[3]),
  persistent: false,
  log: (line) => logs.push(line),
  postgresFlags: ['-c', 'unix_socket_directories=', '-c', 'fsync=off'],
});
await cluster.initialise();
await cluster.start();
console.log(JSON.stringify({ dataDir: cluster.dataDir, logs }));
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'quit') {
    await cluster.stop();
    console.log('bye');
    process.exit(0);
  }
}
`;

/**
 * Issue 14: cloned as root into a folder other users cannot enter (mktemp -d, /root), the embedded
 * PostgreSQL's own OS user could not reach its data and the start died with a stack trace.
 */
describe('the embedded PostgreSQL on a fresh machine', () => {
  let folder: string;
  beforeAll(async () => {
    folder = await mkdtemp(path.join(os.tmpdir(), 'chaping-clone-'));
    await chmod(folder, 0o700);
  });
  afterAll(() => rm(folder, { recursive: true, force: true }));

  it('starts and answers with its data asked for inside a mode-700 folder, and removes it on stop', async () => {
    expect((await stat(folder)).mode & 0o777).toBe(0o700);
    const asked = path.join(folder, 'project', '.data', 'postgres');
    const port = await freePort();
    const child = spawn(process.execPath, ['--input-type=module', '-e', LAUNCH, CLUSTER, asked, String(port)], {
      stdio: ['pipe', 'pipe', 'inherit'],
    });
    const lines = createInterface({ input: child.stdout })[Symbol.asyncIterator]();
    const exited = new Promise((resolve) => child.once('exit', resolve));
    try {
      const first = await Promise.race([lines.next(), exited.then(() => ({ value: 'exited' }))]);
      const started = JSON.parse(String(first.value)) as { dataDir: string; logs: string[] };
      if (process.getuid?.() === 0) {
        // Root runs PostgreSQL as "postgres", which cannot enter the folder: the data moves, and says so.
        expect(started.dataDir.startsWith(folder)).toBe(false);
        expect(started.logs.join('\n')).toContain(`cannot reach ${path.dirname(asked)}`);
      } else {
        expect(started.dataDir).toBe(asked);
      }

      const client = new Client({ connectionString: `postgres://postgres:postgres@127.0.0.1:${port}/postgres` });
      await client.connect();
      const { rows } = await client.query<{ answer: number }>('SELECT 6 * 7 AS answer');
      await client.end();
      expect(rows).toEqual([{ answer: 42 }]);

      child.stdin.write('quit\n');
      expect((await lines.next()).value).toBe('bye');
      expect(existsSync(started.dataDir)).toBe(false);
    } finally {
      child.kill();
    }
  }, 120_000);
});
