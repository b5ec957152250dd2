import 'reflect-metadata';

import path from 'node:path';

import { createApp } from './bootstrap/create-app';
import { ConfigError, loadConfig, REPO_ROOT } from './config/app-config';
import { CREATE_ADMIN_COMMAND, refuseDemoCredentialsInProduction, signInFacts } from './config/start-checks';
import { marketplaceOptionsFromEnv } from './connections/connections.tokens';
import { loadConnectionKeyring } from './connections/credential-cipher';
import { connectDemoShop, startDemoMarketplace } from './connections/demo-marketplace';
import { runMigrations } from './database/data-source';
import { EmbeddedPostgresError, startEmbeddedPostgres } from './database/embedded-postgres';
import { DEMO_API_KEY, DEMO_LOGINS, DEMO_PASSWORD, seedDemoData } from './database/seed/demo-seed';

const log = (line: string) => console.log(`[start] ${line}`);

async function main(): Promise<void> {
  const config = loadConfig();
  const database = config.databaseUrl
    ? { url: config.databaseUrl, dataDir: null, stop: async () => undefined }
    : await startEmbeddedPostgres({
        dataDir: config.embeddedDataDir,
        port: config.embeddedPort,
        database: 'chaping',
        log,
      });
  log(
    config.databaseUrl
      ? 'Using the PostgreSQL at DATABASE_URL'
      : `Embedded PostgreSQL on port ${config.embeddedPort}, data in ${database.dataDir}`,
  );

  const applied = await runMigrations(database.url);
  if (applied.length > 0) log(`Applied migrations: ${applied.join(', ')}`);
  if (config.seedDemoData) {
    const seeded = await seedDemoData(database.url);
    if (seeded) {
      log(`Seeded demo data: ${seeded.cases} cases in ${seeded.shops} shops`);
      log(`Demo intake API key (X-Api-Key) for shop ${seeded.apiKeyShopId}: ${DEMO_API_KEY}`);
    }
  }
  const facts = await signInFacts(database.url);
  try {
    refuseDemoCredentialsInProduction(facts, config.production);
  } catch (error) {
    await database.stop();
    throw error;
  }

  // DEMO_MARKETPLACE=1: a simulated Taobao gateway with new reviews every minute (never in production).
  const demoMarketplace =
    process.env['DEMO_MARKETPLACE'] === '1' && !config.production ? await startDemoMarketplace() : null;
  const app = await createApp({
    databaseUrl: database.url,
    connections: {
      keyring: loadConnectionKeyring(process.env, {
        production: config.production,
        dataDir: path.join(REPO_ROOT, '.data'),
      }),
      marketplace: {
        ...marketplaceOptionsFromEnv(process.env),
        ...(demoMarketplace ? { topGatewayUrl: demoMarketplace.gatewayUrl, checkEverySeconds: 10 } : {}),
      },
    },
    webDist: config.webDist,
    importSpoolDir: config.importSpoolDir,
    trustProxy: config.trustProxy,
    secureCookies: config.secureCookies,
    requestTimeoutMs: config.requestTimeoutMs,
  });
  await app.listen({ port: config.port, host: config.host });
  if (demoMarketplace && (await connectDemoShop(app))) {
    log(
      `Demo marketplace: a simulated Taobao shop is connected at ${demoMarketplace.gatewayUrl}; new reviews arrive every minute`,
    );
  }

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: finishing requests, then stopping`);
    // The API first — Nest closes the HTTP server (in-flight requests finish, new ones get 503)
    // before the shutdown hooks stop the jobs and the pool — then PostgreSQL.
    await app.close().catch((error: unknown) => console.error(error));
    await demoMarketplace?.stop();
    await database.stop().catch((error: unknown) => console.error(error));
    process.exit(0);
  };
  process.once('SIGINT', () => void stop('SIGINT'));
  process.once('SIGTERM', () => void stop('SIGTERM'));

  const url = `http://localhost:${config.port}`;
  console.log(
    [
      '',
      `  差评工单 is running at ${url}`,
      `  API docs: ${url}/api/docs   health: ${url}/api/health`,
      ...signInLines(facts),
      '  Ctrl-C stops the app and its database.',
      '',
    ].join('\n'),
  );
}

/** The banner's sign-in lines: demo users only while they exist with the demo password. */
function signInLines(facts: Awaited<ReturnType<typeof signInFacts>>): string[] {
  const demo = DEMO_LOGINS.filter((login) => facts.demoUsers.includes(login.username));
  if (demo.length > 0) {
    return [
      `  Demo users (password: ${DEMO_PASSWORD}):`,
      ...demo.map((login) => `    ${login.username.padEnd(8)} ${login.role.padEnd(6)} ${login.displayName}`),
    ];
  }
  return facts.hasAdmin ? [] : [`  No admin yet: create one with ${CREATE_ADMIN_COMMAND}`];
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`Configuration: ${error.message}`);
  // Said in one line, with what to do: a stack trace would only hide it.
  else if (error instanceof EmbeddedPostgresError) console.error(`[start] ${error.message}`);
  else console.error(error);
  process.exit(1);
});
