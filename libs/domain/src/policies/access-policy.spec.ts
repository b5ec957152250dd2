import { canWorkCase, shiftChangeRefusal, type Viewer } from './access-policy';

describe('who may work a case', () => {
  const agent: Viewer = { id: 'agent-1', role: 'agent', shopIds: ['shop-a'] };
  const lead: Viewer = { id: 'lead-1', role: 'lead', shopIds: ['shop-a'] };
  const admin: Viewer = { id: 'admin-1', role: 'admin', shopIds: [] };

  it.each([
    ['an agent, their own case', agent, { shopId: 'shop-a', assigneeId: 'agent-1' }, true],
    ['an agent, their own case in a shop they left', agent, { shopId: 'shop-b', assigneeId: 'agent-1' }, false],
    [
      'an agent of no shop, their own case',
      { ...agent, shopIds: [] },
      { shopId: 'shop-a', assigneeId: 'agent-1' },
      false,
    ],
    ['an agent, the pool of their shop', agent, { shopId: 'shop-a', assigneeId: null }, true],
    ["an agent, another agent's case", agent, { shopId: 'shop-a', assigneeId: 'agent-2' }, false],
    ['an agent, the pool of another shop', agent, { shopId: 'shop-b', assigneeId: null }, false],
    ['a lead, any case of their shop', lead, { shopId: 'shop-a', assigneeId: 'agent-2' }, true],
    ['a lead, another shop', lead, { shopId: 'shop-b', assigneeId: 'agent-1' }, false],
    ['an admin, anything', admin, { shopId: 'shop-z', assigneeId: 'agent-9' }, true],
  ])('%s → %p', (_, viewer, owned, allowed) => {
    expect(canWorkCase(viewer, owned)).toBe(allowed);
  });
});

describe('who may put an agent on or off shift', () => {
  const agent: Viewer = { id: 'agent-1', role: 'agent', shopIds: ['shop-a'] };
  const colleague: Viewer = { id: 'agent-2', role: 'agent', shopIds: ['shop-a'] };
  const elsewhere: Viewer = { id: 'agent-3', role: 'agent', shopIds: ['shop-b'] };
  const lead: Viewer = { id: 'lead-1', role: 'lead', shopIds: ['shop-a'] };
  const admin: Viewer = { id: 'admin-1', role: 'admin', shopIds: [] };

  it.each([
    ['the agent, themselves', agent, agent, null],
    ['an agent, a colleague of the same shop', agent, colleague, 'shift.not_your_agent'],
    ['a lead, an agent of their shop', lead, agent, null],
    ['a lead, an agent of another shop', lead, elsewhere, 'shift.not_your_agent'],
    ['a lead, an agent of no shop', lead, { ...agent, shopIds: [] }, 'shift.not_your_agent'],
    ['an admin, any agent', admin, elsewhere, null],
    ['a lead, themselves', lead, lead, 'shift.agents_only'],
    ['an admin, a lead', admin, lead, 'shift.agents_only'],
  ])('%s → %p', (_, viewer, target, code) => {
    expect(shiftChangeRefusal(viewer, target)?.code ?? null).toBe(code);
  });
});
