import { Client } from 'pg';

import {
  apiKeyDigest,
  ConfigError,
  createAdmin,
  CreateAdminError,
  DEMO_API_KEY,
  loadConfig,
  refuseDemoCredentialsInProduction,
  seedDemoData,
  signInFacts,
} from '@chaping/api/testing';

import { createTestDatabase, type TestDatabase } from '../support/database';

describe('production defaults: no demo data, a first-admin command', () => {
  describe('configuration', () => {
    it.each([
      ['local npm start', {}, { production: false, seedDemoData: true }],
      ['local, demo data turned off', { SEED_DEMO_DATA: 'false' }, { production: false, seedDemoData: false }],
      ['production', { NODE_ENV: 'production' }, { production: true, seedDemoData: false }],
      ['production, demo data off', { NODE_ENV: 'production', SEED_DEMO_DATA: 'false' }, { seedDemoData: false }],
    ])('%s', (_, env, expected) => {
      expect(loadConfig(env)).toMatchObject(expected);
    });

    it.each(['true', '1', 'yes'])('refuses SEED_DEMO_DATA=%s in production, in one line', (value) => {
      const load = () => loadConfig({ NODE_ENV: 'production', SEED_DEMO_DATA: value });
      expect(load).toThrow(ConfigError);
      expect(load).toThrow(/^SEED_DEMO_DATA=true is refused with NODE_ENV=production[^\n]*admin:create/);
    });
  });

  describe('the database at start', () => {
    let database: TestDatabase;
    let client: Client;
    beforeAll(async () => {
      database = await createTestDatabase();
      client = new Client({ connectionString: database.url });
      await client.connect();
    });
    afterAll(async () => {
      await client.end();
      await database.drop();
    });

    it('offers the first-admin command on an empty database, and starts in production', async () => {
      const facts = await signInFacts(database.url);
      expect(facts).toEqual({ demoUsers: [], demoApiKey: false, hasAdmin: false });
      expect(() => refuseDemoCredentialsInProduction(facts, true)).not.toThrow();
    });

    // Seeding hashes four passwords and writes 200 cases: over 30 s under the whole npm test.
    it('refuses to start in production while demo credentials open anything, and starts once they are gone', async () => {
      await seedDemoData(database.url, new Date('2026-11-23T02:00:00Z'));
      const seeded = await signInFacts(database.url);
      expect(seeded).toMatchObject({ demoUsers: ['admin', 'agent1', 'agent2', 'lead'], demoApiKey: true });
      expect(() => refuseDemoCredentialsInProduction(seeded, false)).not.toThrow();
      expect(() => refuseDemoCredentialsInProduction(seeded, true)).toThrow(
        /^NODE_ENV=production but the database still has demo credentials \(user admin, user agent1, .*the demo intake API key\)/,
      );

      await client.query(`UPDATE app_user SET disabled_at = now() WHERE username IN ('agent1', 'agent2', 'lead')`);
      await client.query(`UPDATE app_user SET password_hash = NULL WHERE username = 'admin'`);
      await client.query(`UPDATE api_key SET revoked_at = now() WHERE key_hash = $1`, [apiKeyDigest(DEMO_API_KEY)]);
      const cleaned = await signInFacts(database.url);
      expect(() => refuseDemoCredentialsInProduction(cleaned, true)).not.toThrow();
    }, 120_000);
  });

  describe('the first-admin command', () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await createTestDatabase();
    });
    afterAll(() => database.drop());
    const admin = (username: string, password = 'a long admin secret', force = false) =>
      createAdmin(database.url, { username, displayName: username, password, force });

    it.each([
      ['a weak password', 'boss', '   short   ', /at least 10 characters/],
      ['a common password', 'boss', 'qwertyuiop', /too common/],
      ['a bad username', 'a b', 'a long admin secret', /3–40 letters/],
    ])('refuses %s', async (_, username, password, message) => {
      await expect(admin(username, password)).rejects.toThrow(CreateAdminError);
      await expect(admin(username, password)).rejects.toThrow(message);
    });

    it('creates the first admin; refuses a second one unless forced', async () => {
      expect(await admin('boss')).toMatchObject({ id: expect.any(String) });
      await expect(admin('boss2')).rejects.toThrow(/an admin already exists \(boss\); pass --force/);
      await expect(admin('boss', 'another long secret', true)).rejects.toThrow(/taken/);
      expect(await admin('boss2', 'another long secret', true)).toMatchObject({ id: expect.any(String) });
      expect((await signInFacts(database.url)).hasAdmin).toBe(true);
    });
  });
});
