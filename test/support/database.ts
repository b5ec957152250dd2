import { randomBytes } from 'node:crypto';
import { Client } from 'pg';

import { runMigrations } from '@chaping/api/testing';

export interface TestDatabase {
  url: string;
  drop(): Promise<void>;
}

function adminUrl(): string {
  const url = process.env['TEST_DATABASE_ADMIN_URL'];
  if (!url)
    throw new Error('TEST_DATABASE_ADMIN_URL is not set: run the tests through jest (globalSetup starts PostgreSQL)');
  return url;
}

/** A fresh database with every migration applied, on the run's real PostgreSQL. */
export async function createTestDatabase(serverAdminUrl = adminUrl()): Promise<TestDatabase> {
  const name = `test_${randomBytes(6).toString('hex')}`;
  const admin = new Client({ connectionString: serverAdminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const url = serverAdminUrl.replace(/\/[^/]*$/, `/${name}`);
  await runMigrations(url);
  return {
    url,
    drop: async () => {
      const client = new Client({ connectionString: serverAdminUrl });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}
