import { canWorkCase, type Viewer } from './access-policy';

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
