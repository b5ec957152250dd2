import type { UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface CaseView {
  version: number;
  assignee: { id: string } | null;
  events: Array<{ type: string }>;
}

interface Answer {
  status: number;
  body: { code?: string; message?: string; assignee?: { id: string } | null };
}

/** An agent takes a case waiting in the pool; agents racing for one case: exactly one gets it. */
describe('claiming a case from the pool', () => {
  let app: TestApp;
  let second: TestApp;
  let agents: UserEntity[];

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    // Two instances on one database, as behind a load balancer: the race is decided by PostgreSQL.
    second = await app.another();
    agents = [app.users.agent];
    for (const name of ['chen', 'lin', 'zhou', 'wu', 'zhao']) {
      agents.push(await app.createUser({ username: name, password: 'agent password 2026', role: 'agent' }));
    }
  });
  afterAll(async () => {
    await second?.stop();
    await app?.stop();
  });

  const claim = (caseId: string, as: UserEntity, language?: string, via = app): Promise<Answer> =>
    via.request('POST', `/api/cases/${caseId}/claim`, { as, language });

  it('gives a pool case to the agent who takes it, with an event in its history', async () => {
    const id = await aNewCase().inPool().openIn(app);
    const taker = agents[1] as UserEntity;
    const answer = await claim(id, taker);
    expect(answer.status).toBe(200);
    expect(answer.body.assignee?.id).toBe(taker.id);
    const view = await app.get<CaseView>(`/api/cases/${id}`, taker);
    expect(view.body.events.map((event) => event.type)).toContain('case_claimed');
    // Gone from everyone's pool, in the taker's own list.
    const pool = await app.get<{ items: Array<{ id: string }> }>('/api/cases?assignee=none', agents[2]);
    expect(pool.body.items.map((item) => item.id)).not.toContain(id);
    const mine = await app.get<{ items: Array<{ id: string }> }>('/api/cases?assignee=me', taker);
    expect(mine.body.items.map((item) => item.id)).toContain(id);
  });

  it('lets exactly one of six agents claiming at once win; the others get 409 with a clear message', async () => {
    for (let round = 0; round < 5; round++) {
      const id = await aNewCase().inPool().openIn(app);
      const answers = await Promise.all(
        agents.map((agent, index) => claim(id, agent, index % 2 ? 'en' : undefined, index % 2 ? second : app)),
      );
      const winners = answers.filter((answer) => answer.status === 200);
      expect(winners).toHaveLength(1);
      const losers = answers.filter((answer) => answer.status !== 200);
      expect(losers.map((answer) => [answer.status, answer.body.code])).toEqual(
        Array(agents.length - 1).fill([409, 'assignment.already_taken']),
      );
      for (const loser of losers) {
        expect(loser.body.message).toMatch(/其他客服领取|Another agent has just taken this case/);
      }
      const [row] = await app.dataSource.query(
        `SELECT c.assignee_id, (SELECT count(*)::int FROM case_event e WHERE e.case_id = c.id AND e.type = 'case_claimed') AS claims
           FROM support_case c WHERE c.id = $1`,
        [id],
      );
      expect(row).toEqual({ assignee_id: winners[0]?.body.assignee?.id, claims: 1 });
    }
  });

  it('refuses a case already taken, a case of your own, and a lead', async () => {
    const taken = await aNewCase().openIn(app); // the factory gives it to app.users.agent
    expect(await claim(taken, agents[3] as UserEntity)).toMatchObject({
      status: 409,
      body: { code: 'assignment.already_taken' },
    });
    expect(await claim(taken, app.users.agent)).toMatchObject({
      status: 422,
      body: { code: 'assignment.unchanged' },
    });
    const pool = await aNewCase().inPool().openIn(app);
    expect(await claim(pool, app.users.lead)).toMatchObject({ status: 403, body: { code: 'assignment.agents_only' } });
    const [before] = await app.dataSource.query(`SELECT assignee_id, version FROM support_case WHERE id = $1`, [pool]);
    expect(before).toEqual({ assignee_id: null, version: expect.any(Number) });
  });

  it('answers 404 for an unknown case and 403 for a case of a shop the agent does not work', async () => {
    expect((await claim('00000000-0000-4000-8000-000000000000', agents[1] as UserEntity)).status).toBe(404);
    const id = await aNewCase().inPool().openIn(app);
    const outsider = agents[5] as UserEntity;
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1`, [outsider.id]);
    const answer = await claim(id, outsider);
    expect({ status: answer.status, code: answer.body.code }).toEqual({ status: 403, code: 'access.case_forbidden' });
  });
});
