import { DataSource } from 'typeorm';

import { apiKeyDigest } from '../common/actor/actor';
import { dataSourceOptions } from '../database/data-source';
import { DEMO_API_KEY, DEMO_LOGINS, DEMO_PASSWORD } from '../database/seed/demo-seed';
import { verifyPassword } from '../users/auth/passwords';
import { ConfigError } from './app-config';

/** How to make the first admin (README, the start banner and the refusals name it). */
export const CREATE_ADMIN_COMMAND = 'npm run admin:create -- --username NAME';

/** What the start banner says about signing in: the demo users to try, or how to make the first admin. */
export interface SignInFacts {
  /** Demo accounts that still open with the demo password (usernames). */
  demoUsers: string[];
  demoApiKey: boolean;
  hasAdmin: boolean;
}

/**
 * What in the database still opens with a published demo credential: demo accounts (not disabled)
 * whose password is the demo password, and the demo intake API key if it was not revoked.
 */
export async function signInFacts(databaseUrl: string): Promise<SignInFacts> {
  const dataSource = await new DataSource(dataSourceOptions(databaseUrl)).initialize();
  try {
    const users: Array<{ username: string; password_hash: string | null }> = await dataSource.query(
      `SELECT username, password_hash FROM app_user
        WHERE username = ANY($1::text[]) AND disabled_at IS NULL AND password_hash IS NOT NULL ORDER BY username`,
      [DEMO_LOGINS.map((login) => login.username)],
    );
    const demoUsers: string[] = [];
    for (const user of users) {
      if (await verifyPassword(user.password_hash, DEMO_PASSWORD)) demoUsers.push(user.username);
    }
    const [row]: Array<{ demo_key: boolean; has_admin: boolean }> = await dataSource.query(
      `SELECT EXISTS (SELECT 1 FROM api_key WHERE key_hash = $1 AND revoked_at IS NULL) AS demo_key,
              EXISTS (SELECT 1 FROM app_user WHERE role = 'admin' AND disabled_at IS NULL) AS has_admin`,
      [apiKeyDigest(DEMO_API_KEY)],
    );
    return { demoUsers, demoApiKey: row?.demo_key ?? false, hasAdmin: row?.has_admin ?? false };
  } finally {
    await dataSource.destroy();
  }
}

/** In production, refuses to start while anything still opens with a demo credential. */
export function refuseDemoCredentialsInProduction(facts: SignInFacts, production: boolean): void {
  if (!production) return;
  const found = [
    ...facts.demoUsers.map((username) => `user ${username}`),
    ...(facts.demoApiKey ? ['the demo intake API key'] : []),
  ];
  if (found.length > 0) {
    throw new ConfigError(
      `NODE_ENV=production but the database still has demo credentials (${found.join(', ')}): disable those accounts and revoke the key as an admin, or use a database without demo data`,
    );
  }
}
