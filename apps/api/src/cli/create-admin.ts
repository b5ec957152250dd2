import 'reflect-metadata';

import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { DataSource } from 'typeorm';

import { passwordWeakness } from '@chaping/domain';

import { loadConfig } from '../config/app-config';
import { dataSourceOptions, runMigrations } from '../database/data-source';
import { startEmbeddedPostgres } from '../database/embedded-postgres';
import { hashPassword } from '../users/auth/passwords';

/** A refusal the command explains in one line (exit code 1). */
export class CreateAdminError extends Error {}

export interface NewAdmin {
  username: string;
  displayName: string;
  password: string;
  /** Add an admin even though one exists (e.g. the only admin forgot their password). */
  force: boolean;
}

const USERNAME = /^[A-Za-z0-9._-]{3,40}$/;

const PASSWORD_PROBLEMS: Record<NonNullable<ReturnType<typeof passwordWeakness>>, string> = {
  too_short: 'the password needs at least 10 characters, not counting spaces at either end',
  like_username: 'the password must not contain the username',
  too_common: 'the password is too common or too simple; choose one that is harder to guess',
};

/**
 * Creates an admin account on the database at `databaseUrl` (migrated). Refuses while an active
 * admin exists unless `force`, a taken username, and a weak password (the app's own policy).
 */
export async function createAdmin(databaseUrl: string, admin: NewAdmin): Promise<{ id: string }> {
  if (!USERNAME.test(admin.username)) {
    throw new CreateAdminError('the username must be 3–40 letters, digits, dots, dashes or underscores');
  }
  const weakness = passwordWeakness(admin.password, admin.username);
  if (weakness) throw new CreateAdminError(PASSWORD_PROBLEMS[weakness]);
  const passwordHash = await hashPassword(admin.password);
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    return await dataSource.transaction(async (manager) => {
      // Two commands at once must not both find no admin.
      await manager.query('SELECT pg_advisory_xact_lock(727403)');
      const admins: Array<{ username: string }> = await manager.query(
        `SELECT username FROM app_user WHERE role = 'admin' AND disabled_at IS NULL ORDER BY username`,
      );
      if (admins.length > 0 && !admin.force) {
        throw new CreateAdminError(
          `an admin already exists (${admins.map((row) => row.username).join(', ')}); pass --force to add another`,
        );
      }
      const taken: unknown[] = await manager.query(`SELECT 1 FROM app_user WHERE username = $1`, [admin.username]);
      if (taken.length > 0) throw new CreateAdminError(`the username ${admin.username} is taken`);
      const [created]: Array<{ id: string }> = await manager.query(
        `INSERT INTO app_user (username, display_name, role, password_hash, on_shift, password_changed_at)
         VALUES ($1, $2, 'admin', $3, false, now()) RETURNING id`,
        [admin.username, admin.displayName, passwordHash],
      );
      if (!created) throw new Error('INSERT returned no row');
      return created;
    });
  } finally {
    await dataSource.destroy();
  }
}

/** The password: ADMIN_PASSWORD, else the first line of standard input (a pipe, or typed). */
async function readPassword(): Promise<string> {
  const fromEnv = process.env['ADMIN_PASSWORD'];
  if (fromEnv) return fromEnv;
  if (process.stdin.isTTY) process.stderr.write('Password for the new admin (shown as typed), then Enter: ');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) {
    chunks.push(chunk as Buffer);
    if (Buffer.concat(chunks).includes(10)) break;
  }
  return (Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '').replace(/\r$/, '');
}

/** A running app's embedded PostgreSQL, if one answers on the configured port. */
async function runningEmbedded(port: number): Promise<string | null> {
  const url = `postgres://postgres:postgres@127.0.0.1:${port}/chaping`;
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    return url;
  } catch {
    return null;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      username: { type: 'string' },
      'display-name': { type: 'string' },
      force: { type: 'boolean', default: false },
    },
  });
  if (!values.username) {
    throw new CreateAdminError(
      'usage: npm run admin:create -- --username NAME [--display-name NAME] [--force]  (password from ADMIN_PASSWORD or stdin)',
    );
  }
  const password = await readPassword();
  const config = loadConfig();
  const reused = config.databaseUrl ?? (await runningEmbedded(config.embeddedPort));
  const database = reused
    ? { url: reused, stop: async () => undefined }
    : await startEmbeddedPostgres({ dataDir: config.embeddedDataDir, port: config.embeddedPort, database: 'chaping' });
  try {
    await runMigrations(database.url);
    await createAdmin(database.url, {
      username: values.username,
      displayName: values['display-name'] ?? values.username,
      password,
      force: values.force,
    });
    console.log(`Created admin ${values.username}; sign in at the app and create shops and accounts there.`);
  } finally {
    await database.stop();
  }
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(`admin:create: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  });
}
