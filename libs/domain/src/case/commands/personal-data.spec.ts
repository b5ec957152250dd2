import { aCase, contextAt } from '../../testing';
import { revealPersonalData } from './personal-data';

describe('revealPersonalData', () => {
  it('records who saw which field and why, and changes nothing else', () => {
    const state = aCase().build();
    const result = revealPersonalData(state, { field: 'phone', reason: '买家要求电话回访' }, contextAt());
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state).toBe(state);
    expect(result.events).toEqual([
      expect.objectContaining({
        type: 'personal_data_revealed',
        actorId: 'agent-1',
        data: { field: 'phone', reason: '买家要求电话回访' },
      }),
    ]);
  });

  it("lets an agent see it only on a case assigned to them; a lead on any case of the team's", () => {
    const pool = aCase().with({ assigneeId: null }).build();
    const reason = { field: 'phone', reason: '买家要求电话回访' } as const;
    const asAgent = revealPersonalData(pool, reason, contextAt());
    expect(asAgent.ok ? null : asAgent.refusal.code).toBe('privacy.not_assigned');
    expect(revealPersonalData(pool, reason, contextAt(undefined, 'lead')).ok).toBe(true);
  });

  it('needs a reason a lead can review later', () => {
    const result = revealPersonalData(aCase().build(), { field: 'address', reason: ' 看看 ' }, contextAt());
    expect(result.ok ? null : result.refusal.code).toBe('privacy.reason_required');
  });
});
