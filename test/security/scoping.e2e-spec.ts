import type { UserEntity } from '@chaping/api/testing';

import { aNewCase } from '../factories/case-factory';
import { followScript } from '../support/case-commands';
import { TestApp } from '../support/test-app';

interface CaseView {
  version: number;
  shopId: string;
  compensations: Array<{ status: string; approvalReasons: string[] }>;
}

interface Policy {
  contact: { maxPhoneCallsPerCase: number; minMinutesBetweenPhoneCalls: number };
  compensation: { limitsFen: { cash: { medium: number } } };
  platforms: { taobao: { allowsRevisionRequest: boolean } };
  privacy: { retentionDaysAfterClose: number };
}

interface PolicyLevel {
  policy: Policy;
  own: Record<string, unknown>;
  origins: Record<string, 'shop' | 'organisation' | 'default'>;
}

/**
 * A lead works some shops, not the whole seller: they set the policy and call scripts of their own
 * shops, see the staff and the triage corrections of their own shops, and nothing above or beside.
 * Shop A is the Taobao test shop (the lead's), shop B the JD one (not theirs).
 */
describe('a lead acts for their own shops only', () => {
  let app: TestApp;
  let admin: UserEntity;
  let leadOfA: UserEntity;
  let agentOfB: UserEntity;
  const shopA = () => app.shops.taobao.id;
  const shopB = () => app.shops.jd.id;
  const note = '双11期间调整本店额度';

  /** A user working the given shops only. */
  async function working(username: string, role: 'agent' | 'lead' | 'admin', shopIds: string[]) {
    const user = await app.createUser({ username, password: 'a long enough password', role });
    await app.dataSource.query(`DELETE FROM user_shop WHERE user_id = $1 AND NOT (shop_id = ANY($2::uuid[]))`, [
      user.id,
      shopIds,
    ]);
    return user;
  }

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
    admin = await working('scoping-admin', 'admin', []);
    leadOfA = await working('lead-a', 'lead', [app.shops.taobao.id]);
    agentOfB = await working('agent-b', 'agent', [app.shops.jd.id]);
  });
  afterAll(() => app.stop());

  const organisationPolicy = async () => (await app.get<Policy>('/api/policy', admin)).body;

  describe('refuses what is not theirs (403, nothing changed)', () => {
    const template = async () =>
      (await app.get<Array<{ id: string }>>(`/api/scripts?shopId=${shopA()}`, leadOfA)).body.find(
        (script) => script.id === 'contacting.generic',
      );
    const cases: Array<[string, () => Promise<{ status: number; body: { code?: string } }>]> = [
      ["put shop B's policy", () => app.put(`/api/policy/shops/${shopB()}`, { policy: {}, note }, leadOfA)],
      [
        "put the organisation's default",
        async () => app.put('/api/policy', { policy: await organisationPolicy(), note }, leadOfA),
      ],
      ["read shop B's policy level", () => app.get(`/api/policy/level?shopId=${shopB()}`, leadOfA)],
      ["read shop B's policy history", () => app.get(`/api/policy/history?shopId=${shopB()}`, leadOfA)],
      ["read shop B's policy in force", () => app.get(`/api/policy?shopId=${shopB()}`, leadOfA)],
      [
        "save a script version in shop B's library",
        async () =>
          app.post(
            `/api/scripts/contacting.generic/versions`,
            { template: await template(), note, shopId: shopB() },
            leadOfA,
          ),
      ],
      [
        "save a script version in the organisation's library",
        async () => app.post(`/api/scripts/contacting.generic/versions`, { template: await template(), note }, leadOfA),
      ],
      ["read shop B's scripts", () => app.get(`/api/scripts?shopId=${shopB()}`, leadOfA)],
      [
        "read shop B's script versions",
        () => app.get(`/api/scripts/contacting.generic/versions?shopId=${shopB()}`, leadOfA),
      ],
    ];

    it.each(cases)('%s', async (_, send) => {
      const before: unknown[] = await app.dataSource.query(
        `SELECT (SELECT count(*) FROM policy_change) AS policies, (SELECT count(*) FROM script_template) AS scripts`,
      );
      const response = await send();
      expect(response.status).toBe(403);
      expect(response.body.code).toMatch(/^(auth\.shop_forbidden|role\.admin_required)$/);
      expect(
        await app.dataSource.query(
          `SELECT (SELECT count(*) FROM policy_change) AS policies, (SELECT count(*) FROM script_template) AS scripts`,
        ),
      ).toEqual(before);
    });
  });

  it('lists only the accounts working one of the lead’s shops; admins see all', async () => {
    const names = async (as: UserEntity) =>
      (await app.get<Array<{ username: string }>>('/api/users', as)).body.map((user) => user.username);
    const seenByLead = await names(leadOfA);
    expect(seenByLead).toEqual(expect.arrayContaining(['lead-a', 'agent', 'lead']));
    expect(seenByLead).not.toContain('agent-b');
    expect(seenByLead).not.toContain('scoping-admin');
    expect(await names(admin)).toEqual(expect.arrayContaining(['lead-a', 'agent-b', 'scoping-admin']));
  });

  it('counts only the triage corrections made in the lead’s shops', async () => {
    const inB = await aNewCase().onPlatform('jd').openIn(app);
    const view = (await app.get<CaseView>(`/api/cases/${inB}`)).body;
    const overridden = await app.post(`/api/cases/${inB}/triage-overrides`, {
      expectedVersion: view.version,
      field: 'severity',
      severity: 'critical',
      reason: '买家说漏电，有安全隐患',
    });
    expect(overridden.status).toBe(200);
    const stats = async (as: UserEntity) =>
      (await app.get<{ triaged: number; overrides: number }>('/api/triage/overrides', as)).body;
    expect((await stats(admin)).overrides).toBe(1);
    expect(await stats(leadOfA)).toEqual({ triaged: 0, overrides: 0, byChange: [] });
  });

  describe('resolves each value shop → organisation → default', () => {
    beforeAll(async () => {
      const organisation = await organisationPolicy();
      organisation.compensation.limitsFen.cash.medium = 1200;
      expect((await app.put('/api/policy', { policy: organisation, note }, admin)).status).toBe(200);
      const own = { compensation: { limitsFen: { cash: { medium: 500 } } } };
      expect((await app.put(`/api/policy/shops/${shopA()}`, { policy: own, note }, leadOfA)).status).toBe(200);
    });

    it("gives shop B the organisation's default and shop A its own value, and says which is which", async () => {
      const cash = async (shopId: string, as: UserEntity) =>
        (await app.get<Policy>(`/api/policy?shopId=${shopId}`, as)).body.compensation.limitsFen.cash.medium;
      expect(await cash(shopB(), agentOfB)).toBe(1200);
      expect(await cash(shopA(), leadOfA)).toBe(500);
      const level = (await app.get<PolicyLevel>(`/api/policy/level?shopId=${shopA()}`, leadOfA)).body;
      expect(level.origins['compensation.limitsFen.cash.medium']).toBe('shop');
      expect(level.origins['compensation.limitsFen.cash.high']).toBe('organisation');
      expect(level.own).toEqual({ compensation: { limitsFen: { cash: { medium: 500 } } } });
    });

    it.each([
      ['shop A', 'taobao', 'pending_approval', ['over_limit']],
      ['shop B', 'jd', 'approved', []],
    ] as const)('applies the cash limit of %s to its cases', async (_, platform, status, reasons) => {
      const id = await aNewCase().onPlatform(platform).openIn(app);
      const step = async (path: string, body: Record<string, unknown>) => {
        if (path === 'transitions') await followScript(app, id);
        const { version } = (await app.get<CaseView>(`/api/cases/${id}`)).body;
        const response = await app.post<CaseView>(`/api/cases/${id}/${path}`, { expectedVersion: version, ...body });
        expect(response.status).toBe(200);
        return response.body;
      };
      await step('contact-attempts', { channel: 'im', outcome: 'reached' });
      await step('transitions', { to: 'apologised' });
      await step('root-cause', { rootCause: 'product_quality' });
      await step('transitions', { to: 'resolving' });
      await step('remedy', { type: 'exchange', status: 'done' });
      await step('transitions', { to: 'compensating' });
      const proposed = await step('compensations', {
        type: 'cash',
        amountFen: 800,
        note: '漏水弄湿了买家的包，赔偿清洗费',
      });
      expect(proposed.compensations[0]).toMatchObject({ status, approvalReasons: reasons });
    });

    it('resets shop A to the inherited values with an empty override, kept in its history', async () => {
      expect(
        (await app.put(`/api/policy/shops/${shopA()}`, { policy: {}, note: '恢复组织默认' }, leadOfA)).status,
      ).toBe(200);
      const level = (await app.get<PolicyLevel>(`/api/policy/level?shopId=${shopA()}`, leadOfA)).body;
      expect(level.policy.compensation.limitsFen.cash.medium).toBe(1200);
      expect(level.origins['compensation.limitsFen.cash.medium']).toBe('organisation');
      const history = await app.get<Array<{ note: string }>>(`/api/policy/history?shopId=${shopA()}`, leadOfA);
      expect(history.body.map((entry) => entry.note)).toEqual(['恢复组织默认', note]);
    });
  });

  describe('keeps the legal lines locked on both levels (422, nothing changed)', () => {
    const lines: Array<[string, Record<string, unknown>, string]> = [
      ['a 4th call per case', { contact: { maxPhoneCallsPerCase: 4 } }, 'policy.contact.maxPhoneCallsPerCase'],
      [
        'calls 30 minutes apart',
        { contact: { minMinutesBetweenPhoneCalls: 30 } },
        'policy.contact.minMinutesBetweenPhoneCalls',
      ],
      [
        'asking Taobao buyers to revise a review',
        { platforms: { taobao: { allowsRevisionRequest: true } } },
        'policy.platforms.taobao.allowsRevisionRequest',
      ],
    ];
    const merged = (base: Policy, patch: Record<string, unknown>): Policy => {
      const result = structuredClone(base) as unknown as Record<string, Record<string, unknown>>;
      for (const [section, values] of Object.entries(patch)) {
        for (const [key, value] of Object.entries(values as Record<string, unknown>)) {
          const current = result[section]?.[key];
          (result[section] as Record<string, unknown>)[key] =
            typeof value === 'object' ? { ...(current as object), ...(value as object) } : value;
        }
      }
      return result as unknown as Policy;
    };
    let changesBefore: unknown;
    const changes = () => app.dataSource.query(`SELECT count(*)::int AS n FROM policy_change`);
    beforeEach(async () => {
      changesBefore = await changes();
    });
    afterEach(async () => {
      expect(await changes()).toEqual(changesBefore);
    });

    it.each(lines)('refuses %s for a shop', async (_, patch, field) => {
      const refused = await app.put<{ code: string; details: { fields: Array<{ field: string }> } }>(
        `/api/policy/shops/${shopA()}`,
        { policy: patch, note },
        leadOfA,
      );
      expect([refused.status, refused.body.code]).toEqual([422, 'policy.legal_line']);
      expect(refused.body.details.fields.map((entry) => entry.field)).toContain(field);
    });

    it.each(lines)('refuses %s for the organisation', async (_, patch, field) => {
      const refused = await app.put<{ code: string; details: { fields: Array<{ field: string }> } }>(
        '/api/policy',
        { policy: merged(await organisationPolicy(), patch), note },
        admin,
      );
      expect([refused.status, refused.body.code]).toEqual([422, 'policy.legal_line']);
      expect(refused.body.details.fields.map((entry) => entry.field)).toContain(field);
    });

    it('keeps retention days the organisation’s: a shop cannot set its own', async () => {
      const refused = await app.put<{ code: string; details: { fields: Array<{ field: string }> } }>(
        `/api/policy/shops/${shopA()}`,
        { policy: { privacy: { retentionDaysAfterClose: 1 } }, note },
        leadOfA,
      );
      expect(refused.status).toBe(400);
      expect(refused.body.details.fields.map((entry) => entry.field)).toEqual(['policy.privacy']);
      expect((await organisationPolicy()).privacy.retentionDaysAfterClose).toBe(180);
    });
  });
});
