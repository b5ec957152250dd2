/**
 * `npm run seed:large`: 1,000,000 realistic cases over 24 months in 20 shops with 5,000 products,
 * in an embedded PostgreSQL kept at .data/large-pg (LARGE_PG_DATA overrides). Accounts: lead,
 * admin and agent<shop>-<n>, password chaping-demo. Open the app on it with
 *   EMBEDDED_PG_DATA=.data/large-pg npm start
 */
import { openLargeDatabase } from './large-database';

void (async () => {
  const database = await openLargeDatabase();
  await database.stop();
})().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
