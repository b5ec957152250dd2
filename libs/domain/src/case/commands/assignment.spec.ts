import { aCase, contextAt } from '../../testing';
import type { CommandResult } from '../command-context';
import { claimCase, claimRefusal } from './assignment';

const code = (result: CommandResult) => (result.ok ? null : result.refusal.code);
const inPool = () => aCase().with({ assigneeId: null });

describe('claimCase', () => {
  it("gives a pool case to the agent who takes it, and says so in the case's history", () => {
    const result = claimCase(inPool().inStage('contacting').build(), contextAt('2026-03-10T03:00:00Z'));
    if (!result.ok) throw new Error(result.refusal.code);
    expect(result.state.assigneeId).toBe('agent-1');
    expect(result.events).toEqual([
      {
        type: 'case_claimed',
        actorId: 'agent-1',
        at: new Date('2026-03-10T03:00:00Z'),
        data: { from: null, to: 'agent-1' },
      },
    ]);
  });

  it.each([
    ['taken by another agent', { assigneeId: 'agent-2' }, 'agent', 'assignment.already_taken'],
    ['already the agent’s own', { assigneeId: 'agent-1' }, 'agent', 'assignment.unchanged'],
    ['closed', { assigneeId: null, stage: 'recorded' }, 'agent', 'stage.case_closed'],
    ['in the pool, claimed by a lead', { assigneeId: null }, 'lead', 'assignment.agents_only'],
    ['in the pool, claimed by an admin', { assigneeId: null }, 'admin', 'assignment.agents_only'],
  ] as const)('refuses a case %s', (_, patch, role, expected) => {
    const state = aCase().with(patch).build();
    const ctx = contextAt(undefined, role);
    expect(code(claimCase(state, ctx))).toBe(expected);
    // The queue disables its button with the same answer.
    expect(claimRefusal(state, ctx.actor)?.code).toBe(expected);
  });

  it('lets the queue offer the claim on a pool case', () => {
    expect(claimRefusal({ stage: 'new', assigneeId: null }, { id: 'agent-1', role: 'agent' })).toBeNull();
  });
});
