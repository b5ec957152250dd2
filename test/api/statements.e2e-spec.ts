import { Client } from 'pg';

import { aNewCase } from '../factories/case-factory';
import { followScript } from '../support/case-commands';
import { TestApp } from '../support/test-app';

/**
 * SQL statements per request on the hot paths, counted at the driver: each one is a round trip to
 * PostgreSQL, and on a campaign day these paths carry the load (target: at most 3 per request).
 */
describe('SQL statements per request', () => {
  const originalQuery = Client.prototype.query;
  let recording: string[] | null = null;
  let app: TestApp;
  let caseIds: string[];

  beforeAll(async () => {
    Client.prototype.query = function (this: Client, ...args: unknown[]) {
      const [statement] = args;
      recording?.push(typeof statement === 'string' ? statement : String((statement as { text?: unknown })?.text));
      return (originalQuery as (...rest: unknown[]) => unknown).apply(this, args);
    } as typeof originalQuery;
    app = await TestApp.start('2026-03-10T02:00:00Z');
    caseIds = [];
    for (let i = 0; i < 5; i++) caseIds.push(await aNewCase().openIn(app));
    // The agent prepared each case by its script, so a move to contacting is let through.
    for (const caseId of caseIds) await followScript(app, caseId);
    await app.sessionCookie(app.users.lead);
    await app.sessionCookie(app.users.agent);
  });

  afterAll(async () => {
    Client.prototype.query = originalQuery;
    await app.stop();
  });

  /** The statements one request sends: the fewest of three runs (a background task may slip into one). */
  async function statementsOf(send: () => Promise<{ status: number }>): Promise<string[]> {
    const runs: string[][] = [];
    for (let run = 0; run < 3; run++) {
      const sent: string[] = [];
      recording = sent;
      const response = await send();
      recording = null;
      expect(response.status).toBeLessThan(300);
      runs.push(sent);
    }
    return runs.reduce((fewest, run) => (run.length < fewest.length ? run : fewest));
  }

  it('reads one case, its children and its history in 1 statement, the session checked in it', async () => {
    const statements = await statementsOf(() => app.get(`/api/cases/${caseIds[0]}`));
    expect(statements).toHaveLength(1);
    expect(statements[0]).toMatch(/user_session/);
  });

  it('reads a queue page in at most 3 statements, for an agent and for a lead', async () => {
    for (const user of [app.users.agent, app.users.lead]) {
      const statements = await statementsOf(() => app.get('/api/cases?limit=50', user));
      expect(statements.length).toBeLessThanOrEqual(3);
    }
  });

  it('reads the queue counters in at most 3 statements', async () => {
    const statements = await statementsOf(() => app.get('/api/cases/counts', app.users.lead));
    expect(statements.length).toBeLessThanOrEqual(3);
  });

  it('applies a transition in 3 statements: session, case and its script, the write, the case view', async () => {
    let index = 1;
    const statements = await statementsOf(() =>
      app.post(`/api/cases/${caseIds[index++]}/transitions`, { expectedVersion: 1, to: 'contacting' }),
    );
    expect(statements).toHaveLength(3);
    const [load, write] = statements;
    expect(load).toMatch(/user_session/);
    // The script gate reads the shop's script versions and the ticks with the case.
    expect(load).toMatch(/case_script_tick/);
    // The compare-and-set on the version and the event appended, in one statement.
    expect(write).toMatch(/UPDATE "support_case"[\s\S]*INSERT INTO case_event/);
  });

  it('writes a command that adds children in one transaction', async () => {
    const contacting: string[] = [];
    for (let i = 0; i < 3; i++) {
      const caseId = await aNewCase().openIn(app);
      await followScript(app, caseId);
      await app.post(`/api/cases/${caseId}/transitions`, { expectedVersion: 1, to: 'contacting' });
      contacting.push(caseId);
    }
    const statements = await statementsOf(() =>
      app.post(`/api/cases/${contacting.pop()}/contact-attempts`, {
        expectedVersion: 2,
        channel: 'phone',
        outcome: 'no_answer',
      }),
    );
    const begin = statements.indexOf('START TRANSACTION');
    const commit = statements.indexOf('COMMIT');
    const inside = statements.slice(begin + 1, commit);
    expect(begin).toBeGreaterThan(0);
    // The case's compare-and-set with its event, then the attempt, all inside the transaction.
    expect(inside).toEqual([
      expect.stringMatching(/UPDATE "support_case"[\s\S]*INSERT INTO case_event/),
      expect.stringMatching(/INSERT INTO "contact_attempt"/),
    ]);
  });
});
