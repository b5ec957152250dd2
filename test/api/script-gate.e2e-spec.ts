import { UserEntity, UserShopEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { caseCommands, type ErrorBody } from '../support/case-commands';
import { TestApp } from '../support/test-app';

interface CaseView {
  version: number;
  stage: string;
  events: Array<{ type: string; caseVersion: number; data: Record<string, unknown> }>;
}
interface Ticks {
  script: string | null;
  checkIds: string[];
}

/**
 * The script of a case's stage holds the next stage on the server too: the agent's ticks are kept
 * per case and script version (they survive a reload, with an event in the history), and a stage
 * move is refused until every check-off of the branch the case took is done, naming what is left.
 */
describe('the script gate', () => {
  let app: TestApp;
  const { command, expectRefused } = caseCommands<CaseView>(() => app);

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });
  afterAll(() => app.stop());

  const ticks = (caseId: string, as?: UserEntity) => app.get<Ticks>(`/api/cases/${caseId}/script-ticks`, as);
  const tick = (caseId: string, body: Record<string, unknown>, as?: UserEntity) =>
    app.post<Ticks & ErrorBody>(`/api/cases/${caseId}/script-ticks`, body, as);

  /** A case whose buyer answered on IM, apologised to, the cause confirmed: its script asks for ticks. */
  async function anApologisedCase(): Promise<{ id: string; script: string }> {
    const id = await aNewCase().openIn(app);
    await command(id, 'contact-attempts', { channel: 'im', outcome: 'reached' });
    await command(id, 'transitions', { to: 'apologised' });
    await command(id, 'root-cause', { rootCause: 'product_quality' });
    const { body } = await ticks(id);
    if (!body.script) throw new Error('no script for the apologised stage');
    return { id, script: body.script };
  }

  it('refuses the next stage until the script is done, naming the missing check-offs in words', async () => {
    const { id, script } = await anApologisedCase();
    expect(script).toMatch(/^apologised\.[a-z_.]+@\d+$/);
    const refused = await expectRefused(
      id,
      'transitions',
      { to: 'resolving' },
      { status: 422, code: 'script.incomplete' },
    );
    expect(refused.message).toContain('已让买家完整说明情况');
    expect(refused.message).not.toMatch(/listened|restated|apologise\b/);

    const english = await app.request<ErrorBody>('POST', `/api/cases/${id}/transitions`, {
      body: { expectedVersion: (await app.get<CaseView>(`/api/cases/${id}`)).body.version, to: 'resolving' },
      language: 'en',
    });
    expect(english.body.message).toContain('Let the buyer explain in full');

    for (const checkId of ['apologised', 'listened', 'restated']) {
      expect((await tick(id, { script, checkId, ticked: true })).status).toBe(200);
    }
    const moved = await command(id, 'transitions', { to: 'resolving' });
    expect(moved.stage).toBe('resolving');
    // The history names the script the server held the move to.
    expect(moved.events.at(-1)).toMatchObject({ type: 'stage_changed', data: { to: 'resolving', script } });
  });

  it('keeps the ticks per case and script version, with an event for each in the history', async () => {
    const { id, script } = await anApologisedCase();
    const before = (await app.get<CaseView>(`/api/cases/${id}`)).body;
    expect((await tick(id, { script, checkId: 'listened', ticked: true })).body).toEqual({
      script,
      checkIds: ['listened'],
    });
    // Ticking twice changes nothing and writes no second event.
    await tick(id, { script, checkId: 'listened', ticked: true });
    // A reload reads them back.
    expect((await ticks(id)).body).toEqual({ script, checkIds: ['listened'] });
    expect((await tick(id, { script, checkId: 'listened', ticked: false })).body).toEqual({ script, checkIds: [] });

    const after = (await app.get<CaseView>(`/api/cases/${id}`)).body;
    // A tick is not a change of the case: its version stays, so an open case view is not made stale.
    expect(after.version).toBe(before.version);
    const events = after.events.filter(
      (event) => event.type === 'script_check_ticked' && event.data['script'] === script,
    );
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ checkId: 'listened', ticked: true, textZh: '已让买家完整说明情况', script }),
      expect.objectContaining({ checkId: 'listened', ticked: false, textEn: 'Let the buyer explain in full' }),
    ]);
    expect(events.every((event) => event.caseVersion === before.version)).toBe(true);
    // Another case's ticks are its own.
    const other = await anApologisedCase();
    expect((await ticks(other.id)).body.checkIds).toEqual([]);
  });

  it('refuses what a hand may not tick, and input that is not a tick', async () => {
    const { id, script } = await anApologisedCase();
    expect(await tick(id, { script, checkId: 'cause_confirmed', ticked: false })).toMatchObject({
      status: 422,
      body: { code: 'script.check_by_action' },
    });
    expect(await tick(id, { script, checkId: 'no_such_check', ticked: true })).toMatchObject({
      status: 422,
      body: { code: 'script.check_unknown' },
    });
    const [scriptId] = script.split('@');
    expect(await tick(id, { script: `${scriptId}@99`, checkId: 'listened', ticked: true })).toMatchObject({
      status: 422,
      body: { code: 'script.not_followed' },
    });
    expect(await tick(id, { script: 'contacting.generic@1', checkId: 'follow_up_sent', ticked: true })).toMatchObject({
      status: 422,
      body: { code: 'script.not_followed' },
    });
    for (const body of [
      { script, checkId: 'listened' },
      { script, checkId: 'listened', ticked: 'yes' },
      { script, checkId: 'x'.repeat(61), ticked: true },
      { script, checkId: "listened'; DROP TABLE case_script_tick; --", ticked: true },
      { script: 'apologised.generic', checkId: 'listened', ticked: true },
      { script, checkId: 'listened', ticked: true, extra: 1 },
    ]) {
      const response = await tick(id, body);
      expect({ status: response.status, code: response.body.code }).toEqual({ status: 400, code: 'request.invalid' });
    }
    expect((await ticks(id)).body.checkIds).toEqual([]);
  });

  it('lets only who may work the case read or tick its script', async () => {
    const { id, script } = await anApologisedCase();
    const colleague = await app.dataSource
      .getRepository(UserEntity)
      .save({ username: `colleague-${process.pid}`, displayName: '同事', role: 'agent', onShift: true });
    await app.dataSource.getRepository(UserShopEntity).save({ userId: colleague.id, shopId: app.shops.taobao.id });
    expect(await ticks(id, colleague)).toMatchObject({ status: 403, body: { code: 'access.case_forbidden' } });
    expect(await tick(id, { script, checkId: 'listened', ticked: true }, colleague)).toMatchObject({
      status: 403,
      body: { code: 'access.case_forbidden' },
    });
    const anonymous = await app.request('POST', `/api/cases/${id}/script-ticks`, {
      body: { script, checkId: 'listened', ticked: true },
      as: null,
    });
    expect(anonymous.status).toBe(401);
    // The shop's lead may.
    expect((await tick(id, { script, checkId: 'listened', ticked: true }, app.users.lead)).status).toBe(200);
    expect((await ticks(id)).body.checkIds).toEqual(['listened']);
  });

  it('never holds the way to an appeal', async () => {
    const { id } = await anApologisedCase();
    const { version } = (await app.get<CaseView>(`/api/cases/${id}`)).body;
    // Sent as it is, nothing ticked: a malicious review is appealed whatever the script says.
    const moved = await app.post<CaseView>(`/api/cases/${id}/transitions`, {
      expectedVersion: version,
      to: 'appealing',
      maliciousKind: 'extortion',
    });
    expect(moved).toMatchObject({ status: 200, body: { stage: 'appealing' } });
  });
});
