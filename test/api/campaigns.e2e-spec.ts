import { UserEntity, UserShopEntity } from '@chaping/api/testing';

import { TestApp } from '../support/test-app';

interface Person {
  id: string;
  displayName: string;
}
interface Promotion {
  id: string;
  title: string;
  wording: string;
  writtenBy: Person;
  signOffs: Array<{ step: string; by: Person; at: string }>;
  acknowledgements: Array<{ code: string; note: string }>;
  findings: Array<{ code: string; span: { start: number; end: number }; severity: string }>;
  nextStep: string | null;
  version: number;
}
interface CampaignDetail {
  id: string;
  shopId: string;
  name: string;
  startsAt: string;
  expectedOrders: Array<{ hour: string; orders: number }>;
  minutesPerCase: number;
  promotionCount: number;
  signedOffCount: number;
  quizPublished: boolean;
  active: boolean;
  version: number;
  promotions: Promotion[];
  quiz: unknown;
}

/**
 * Campaign readiness (issue 18 part 2), API side: a lead creates a campaign with expected orders by
 * hour, each promotion's wording is flagged for traps and signed off four times by the right people
 * (the domain's promotionSignOffRefusal), and the case view reads the signed rules while it runs.
 */
describe('campaigns and promotion sign-offs', () => {
  let app: TestApp;
  let shopId: string;
  let teammate: UserEntity;
  let otherAgent: UserEntity;
  let secondLead: UserEntity;
  let outsider: UserEntity;
  let campaignId: string;
  let promotion: Promotion;

  const campaign = (over: Record<string, unknown> = {}) => ({
    shopId,
    name: '双11 大促',
    startsAt: '2026-11-10T20:00:00+08:00',
    endsAt: '2026-11-12T00:00:00+08:00',
    peakStartsAt: '2026-11-11T00:00:00+08:00',
    peakEndsAt: '2026-11-11T02:00:00+08:00',
    expectedOrders: [
      { hour: '2026-11-11T00:00:00+08:00', orders: 1200 },
      { hour: '2026-11-10T20:00:00+08:00', orders: 300 },
    ],
    minutesPerCase: 15,
    negativeRateByCause: { product_quality: 0.01, promotion_rules: 0.005 },
    ...over,
  });
  const trapWording = '前100名下单立减50元；满300元送保温杯';
  const signOff = (user: UserEntity, body: Record<string, unknown>) =>
    app.post<Promotion>(`/api/campaigns/${campaignId}/promotions/${promotion.id}/sign-offs`, body, user);

  beforeAll(async () => {
    app = await TestApp.start('2026-11-01T02:00:00Z');
    shopId = app.shops.tmall.id;
    const users = app.dataSource.getRepository(UserEntity);
    const user = (username: string, role: 'agent' | 'lead') =>
      users.save({ username, displayName: username, role, onShift: true });
    teammate = await user('teammate', 'agent');
    otherAgent = await user('other-agent', 'agent');
    secondLead = await user('experience-lead', 'lead');
    outsider = await user('jd-lead', 'lead');
    await app.dataSource.getRepository(UserShopEntity).save([
      { userId: teammate.id, shopId },
      { userId: otherAgent.id, shopId },
      { userId: secondLead.id, shopId },
      { userId: outsider.id, shopId: app.shops.jd.id },
    ]);
  });
  afterAll(() => app.stop());

  it('lets a lead create a campaign, its hours stored in UTC and in order', async () => {
    const created = await app.post<CampaignDetail>('/api/campaigns', campaign(), app.users.lead);
    expect(created.status).toBe(201);
    campaignId = created.body.id;
    expect(created.body).toMatchObject({
      shopId,
      name: '双11 大促',
      startsAt: '2026-11-10T12:00:00.000Z',
      minutesPerCase: 15,
      promotionCount: 0,
      quizPublished: false,
      active: false,
      version: 1,
      promotions: [],
      quiz: null,
    });
    expect(created.body.expectedOrders).toEqual([
      { hour: '2026-11-10T12:00:00.000Z', orders: 300 },
      { hour: '2026-11-10T16:00:00.000Z', orders: 1200 },
    ]);
    const list = await app.get<{ items: Array<{ id: string }> }>(`/api/campaigns?shopId=${shopId}`);
    expect(list.status).toBe(200);
    expect(list.body.items.map((item) => item.id)).toEqual([campaignId]);
  });

  it('keeps writing to leads of the shop and reading to people of the shop', async () => {
    const byAgent = await app.post('/api/campaigns', campaign(), app.users.agent);
    expect(byAgent).toMatchObject({ status: 403, body: { code: 'role.lead_required' } });
    const elsewhere = await app.post('/api/campaigns', campaign(), outsider);
    expect(elsewhere).toMatchObject({ status: 403, body: { code: 'auth.shop_forbidden' } });
    expect((await app.get(`/api/campaigns/${campaignId}`, outsider)).status).toBe(403);
    expect((await app.get(`/api/campaigns?shopId=${shopId}`, outsider)).status).toBe(403);
    expect((await app.get(`/api/campaigns/active?shopId=${shopId}`, outsider)).status).toBe(403);
    const promotionElsewhere = await app.post(
      `/api/campaigns/${campaignId}/promotions`,
      { title: 'x', wording: 'y' },
      outsider,
    );
    expect(promotionElsewhere.status).toBe(403);
    const missing = await app.get('/api/campaigns/00000000-0000-4000-8000-000000000001');
    expect(missing).toMatchObject({ status: 404, body: { code: 'campaign.not_found' } });
    expect((await app.get('/api/campaigns/not-a-uuid')).status).toBe(400);
    expect((await app.get(`/api/campaigns/${campaignId}`, app.users.agent)).status).toBe(200);
    const [row] = await app.dataSource.query(`SELECT count(*)::int AS n FROM campaign`);
    expect(row.n).toBe(1);
  });

  it.each<[string, Record<string, unknown>, number, string]>([
    [
      '10,000 hours of expected orders',
      {
        expectedOrders: Array.from({ length: 10_000 }, (_, index) => ({
          hour: new Date(Date.UTC(2026, 10, 10, 12) + index * 3_600_000).toISOString(),
          orders: 1,
        })),
      },
      400,
      'request.invalid',
    ],
    ['a date that is not one', { startsAt: '2026-13-45T99:00:00Z' }, 400, 'request.invalid'],
    ['a name of 61 characters', { name: '活'.repeat(61) }, 400, 'request.invalid'],
    ['an unknown cause', { negativeRateByCause: { bribery: 0.1 } }, 400, 'request.invalid'],
    ['a rate above 1', { negativeRateByCause: { product_quality: 2 } }, 400, 'request.invalid'],
    [
      'fractional orders',
      { expectedOrders: [{ hour: '2026-11-11T00:00:00+08:00', orders: 1.5 }] },
      400,
      'request.invalid',
    ],
    ['an end before the start', { endsAt: '2026-11-10T00:00:00+08:00' }, 422, 'campaign.invalid_window'],
    ['40 days', { endsAt: '2026-12-20T20:00:00+08:00' }, 422, 'campaign.invalid_window'],
    ['a peak outside', { peakEndsAt: '2026-11-13T00:00:00+08:00' }, 422, 'campaign.invalid_peak'],
    [
      'an hour outside',
      { expectedOrders: [{ hour: '2026-11-12T01:00:00+08:00', orders: 5 }] },
      422,
      'campaign.hour_outside',
    ],
    [
      'an hour twice',
      {
        expectedOrders: [
          { hour: '2026-11-11T00:00:00+08:00', orders: 5 },
          { hour: '2026-11-10T16:00:00Z', orders: 5 },
        ],
      },
      422,
      'forecast.invalid_hour',
    ],
  ])('refuses %s and stores nothing', async (_, change, status, code) => {
    const response = await app.post('/api/campaigns', campaign(change), app.users.lead);
    expect(response).toMatchObject({ status, body: { code } });
    const [row] = await app.dataSource.query(`SELECT count(*)::int AS n FROM campaign`);
    expect(row.n).toBe(1);
  });

  it('says what to fix in English too', async () => {
    const response = await app.request('POST', '/api/campaigns', {
      body: campaign({ endsAt: '2026-12-20T20:00:00+08:00' }),
      as: app.users.lead,
      language: 'en',
    });
    expect(response.body['message']).toBe('A campaign ends after it starts and lasts at most 31 days');
  });

  it("adds a promotion with the caller as its setter and flags the wording's traps", async () => {
    const oversized = await app.post(
      `/api/campaigns/${campaignId}/promotions`,
      { title: '赠品', wording: '送'.repeat(2001) },
      app.users.lead,
    );
    expect(oversized.status).toBe(400);
    const byAgent = await app.post(
      `/api/campaigns/${campaignId}/promotions`,
      { title: '赠品', wording: trapWording },
      app.users.agent,
    );
    expect(byAgent.status).toBe(403);
    const added = await app.post<Promotion>(
      `/api/campaigns/${campaignId}/promotions`,
      { title: '前100名赠品', wording: trapWording },
      app.users.lead,
    );
    expect(added.status).toBe(201);
    promotion = added.body;
    expect(promotion).toMatchObject({
      title: '前100名赠品',
      wording: trapWording,
      writtenBy: { id: app.users.lead.id, displayName: 'lead' },
      signOffs: [],
      nextStep: 'setter',
      version: 1,
    });
    expect(promotion.findings.map((finding) => [finding.code, finding.severity]).sort()).toEqual([
      ['promotion.first_n_unverifiable', 'warn'],
      ['promotion.threshold_without_paid', 'warn'],
    ]);
    const first = promotion.findings.find((finding) => finding.code === 'promotion.first_n_unverifiable');
    expect(trapWording.slice(first!.span.start, first!.span.end)).toBe('前100名');
  });

  it('refuses signing over an open trap, and takes the setter step once each trap is acknowledged', async () => {
    const open = await signOff(app.users.lead, { step: 'setter', version: 1 });
    expect(open).toMatchObject({ status: 422, body: { code: 'promotion.trap_not_acknowledged' } });
    expect(String((open.body as unknown as Record<string, unknown>)['message'])).toContain('前N名');
    const partly = await signOff(app.users.lead, {
      step: 'setter',
      version: 1,
      acknowledgements: [{ code: 'promotion.first_n_unverifiable', note: '以付款时间为准，后台导出核对' }],
    });
    expect(partly.status).toBe(422);
    const signed = await signOff(app.users.lead, {
      step: 'setter',
      version: 1,
      acknowledgements: [
        { code: 'promotion.first_n_unverifiable', note: '以付款时间为准，后台导出核对' },
        { code: 'promotion.threshold_without_paid', note: '详情页已写明按实付金额计算' },
      ],
    });
    expect(signed.status).toBe(200);
    expect(signed.body).toMatchObject({ nextStep: 'self_review', version: 2 });
    expect(signed.body.signOffs).toEqual([
      { step: 'setter', by: { id: app.users.lead.id, displayName: 'lead' }, at: '2026-11-01T02:00:00.000Z' },
    ]);
    expect(signed.body.acknowledgements).toHaveLength(2);
    promotion = signed.body;
  });

  it('refuses a stale version, steps out of order, and the wrong people', async () => {
    const stale = await signOff(app.users.lead, { step: 'self_review', version: 1 });
    expect(stale).toMatchObject({ status: 409, body: { code: 'promotion.version_conflict' } });
    const outOfOrder = await signOff(teammate, { step: 'teammate', version: 2 });
    expect(outOfOrder).toMatchObject({ status: 422, body: { code: 'promotion.sign_off_out_of_order' } });
    const notSetter = await signOff(secondLead, { step: 'self_review', version: 2 });
    expect(notSetter).toMatchObject({ status: 422, body: { code: 'promotion.setter_required' } });
    const outside = await signOff(outsider, { step: 'self_review', version: 2 });
    expect(outside).toMatchObject({ status: 403, body: { code: 'auth.shop_forbidden' } });
    const badStep = await signOff(app.users.lead, { step: 'ceo', version: 2 });
    expect(badStep.status).toBe(400);
    const self = await signOff(app.users.lead, { step: 'self_review', version: 2 });
    expect(self.body).toMatchObject({ nextStep: 'teammate', version: 3 });
    const sameAgain = await signOff(app.users.lead, { step: 'teammate', version: 3 });
    expect(sameAgain).toMatchObject({ status: 422, body: { code: 'promotion.different_person_required' } });
    const mate = await signOff(teammate, { step: 'teammate', version: 3 });
    expect(mate.body).toMatchObject({ nextStep: 'experience', version: 4 });
    const agentExperience = await signOff(otherAgent, { step: 'experience', version: 4 });
    expect(agentExperience).toMatchObject({ status: 403, body: { code: 'role.lead_required' } });
    const experience = await signOff(secondLead, { step: 'experience', version: 4 });
    expect(experience.status).toBe(200);
    expect(experience.body.nextStep).toBeNull();
    expect(experience.body.signOffs.map((each) => [each.step, each.by.displayName])).toEqual([
      ['setter', 'lead'],
      ['self_review', 'lead'],
      ['teammate', 'teammate'],
      ['experience', 'experience-lead'],
    ]);
    const fifth = await signOff(secondLead, { step: 'experience', version: 5 });
    expect(fifth).toMatchObject({ status: 422, body: { code: 'promotion.already_signed_off' } });
    promotion = experience.body;
  });

  it('pins the signed rules in the case view while the campaign runs, only then', async () => {
    const before = await app.get<{ items: unknown[] }>(`/api/campaigns/active?shopId=${shopId}`);
    expect(before.body.items).toEqual([]);
    app.clock.set('2026-11-11T03:00:00Z');
    const during = await app.get<{ items: unknown[] }>(`/api/campaigns/active?shopId=${shopId}`);
    expect(during.body.items).toEqual([
      { campaignId, campaignName: '双11 大促', promotionId: promotion.id, title: '前100名赠品', wording: trapWording },
    ]);
    const list = await app.get<{ items: Array<Record<string, unknown>> }>(`/api/campaigns?shopId=${shopId}`);
    expect(list.body.items[0]).toMatchObject({ promotionCount: 1, signedOffCount: 1, active: true });
    app.clock.set('2026-11-12T00:00:00+08:00');
    expect((await app.get<{ items: unknown[] }>(`/api/campaigns/active?shopId=${shopId}`)).body.items).toEqual([]);
    app.clock.set('2026-11-01T02:00:00Z');
  });

  it('starts all four sign-offs again when the wording changes, with the changer as setter', async () => {
    const stale = await app.put(
      `/api/campaigns/${campaignId}/promotions/${promotion.id}`,
      { wording: '前100名（以付款时间为准）立减50元；实付满300元送保温杯，送完即止', version: 4 },
      secondLead,
    );
    expect(stale).toMatchObject({ status: 409, body: { code: 'promotion.version_conflict' } });
    const byAgent = await app.put(
      `/api/campaigns/${campaignId}/promotions/${promotion.id}`,
      { wording: 'x', version: promotion.version },
      teammate,
    );
    expect(byAgent.status).toBe(403);
    const tooLong = await app.put(
      `/api/campaigns/${campaignId}/promotions/${promotion.id}`,
      { wording: '送'.repeat(2001), version: promotion.version },
      secondLead,
    );
    expect(tooLong.status).toBe(400);
    const changed = await app.put<Promotion>(
      `/api/campaigns/${campaignId}/promotions/${promotion.id}`,
      { wording: '前100名（以付款时间为准）立减50元；实付满300元送保温杯，送完即止', version: promotion.version },
      secondLead,
    );
    expect(changed.status).toBe(200);
    expect(changed.body).toMatchObject({
      writtenBy: { id: secondLead.id },
      signOffs: [],
      acknowledgements: [],
      findings: [],
      nextStep: 'setter',
      version: promotion.version + 1,
    });
    const oldSetter = await app.post(
      `/api/campaigns/${campaignId}/promotions/${promotion.id}/sign-offs`,
      { step: 'setter', version: changed.body.version },
      app.users.lead,
    );
    expect(oldSetter).toMatchObject({ status: 422, body: { code: 'promotion.setter_required' } });
    const otherCampaignPromotion = await app.put(
      `/api/campaigns/${campaignId}/promotions/00000000-0000-4000-8000-000000000001`,
      { wording: 'x', version: 1 },
      secondLead,
    );
    expect(otherCampaignPromotion).toMatchObject({ status: 404, body: { code: 'promotion.not_found' } });
    const detail = await app.get<CampaignDetail>(`/api/campaigns/${campaignId}`, app.users.agent);
    expect(detail.body.signedOffCount).toBe(0);
    expect(detail.body.promotions[0]?.writtenBy.displayName).toBe('experience-lead');
  });

  describe('the briefing quiz', () => {
    const questions = Array.from({ length: 5 }, (_, index) => ({
      prompt: `第${index + 1}题：满300减30按什么金额计算？`,
      choices: ['实付金额', '标价', '券前价'],
      answer: 0,
    }));
    const quizUrl = () => `/api/campaigns/${campaignId}/quiz`;
    const attempt = (user: UserEntity, answers: unknown) =>
      app.post<Record<string, unknown>>(`${quizUrl()}/attempts`, { answers }, user);

    it('lets a lead write a draft, refusing invalid questions, and hides it from agents', async () => {
      expect((await app.put(quizUrl(), { questions }, app.users.agent)).status).toBe(403);
      const duplicate = await app.put(
        quizUrl(),
        { questions: [{ prompt: '哪个？', choices: ['实付', ' 实付'], answer: 0 }] },
        app.users.lead,
      );
      expect(duplicate).toMatchObject({ status: 422, body: { code: 'quiz.invalid_question', details: { number: 1 } } });
      const tooMany = await app.put(quizUrl(), { questions: Array(21).fill(questions[0]) }, app.users.lead);
      expect(tooMany.status).toBe(400);
      const longPrompt = await app.put(
        quizUrl(),
        { questions: [{ ...questions[0], prompt: '问'.repeat(201) }] },
        app.users.lead,
      );
      expect(longPrompt.status).toBe(400);
      const draft = await app.put<{ version: number; questions: Array<{ answer?: number }> }>(
        quizUrl(),
        { questions },
        app.users.lead,
      );
      expect(draft.status).toBe(200);
      expect(draft.body).toMatchObject({ version: 1, publishedAt: null });
      expect(draft.body.questions[0]?.answer).toBe(0);
      const stale = await app.put(quizUrl(), { questions, version: 7 }, app.users.lead);
      expect(stale).toMatchObject({ status: 409, body: { code: 'quiz.version_conflict' } });
      const again = await app.put(quizUrl(), { questions, version: 1 }, app.users.lead);
      expect(again.body).toMatchObject({ version: 2 });
      const seenByAgent = await app.get<CampaignDetail>(`/api/campaigns/${campaignId}`, app.users.agent);
      expect(seenByAgent.body.quiz).toBeNull();
      const early = await attempt(app.users.agent, [0, 0, 0, 0, 0]);
      expect(early).toMatchObject({ status: 422, body: { code: 'quiz.not_published' } });
    });

    it('publishes only once every promotion has its four sign-offs', async () => {
      const refused = await app.post(`${quizUrl()}/publish`, {}, app.users.lead);
      expect(refused).toMatchObject({
        status: 422,
        body: { code: 'campaign.promotions_not_signed_off', details: { count: 1 } },
      });
      expect((await app.post(`${quizUrl()}/publish`, {}, app.users.agent)).status).toBe(403);
      let version = promotion.version + 1;
      for (const [user, step] of [
        [secondLead, 'setter'],
        [secondLead, 'self_review'],
        [teammate, 'teammate'],
        [app.users.lead, 'experience'],
      ] as const) {
        const signed = await app.post<Promotion>(
          `/api/campaigns/${campaignId}/promotions/${promotion.id}/sign-offs`,
          { step, version },
          user,
        );
        expect(signed.status).toBe(200);
        version = signed.body.version;
      }
      const published = await app.post<{ publishedAt: string }>(`${quizUrl()}/publish`, {}, app.users.lead);
      expect(published.status).toBe(200);
      expect(published.body.publishedAt).toBe('2026-11-01T02:00:00.000Z');
      const change = await app.put(quizUrl(), { questions, version: 3 }, app.users.lead);
      expect(change).toMatchObject({ status: 409, body: { code: 'quiz.already_published' } });
    });

    it('grades an agent, ten seconds between attempts, without showing the answers', async () => {
      const seen = await app.get<CampaignDetail & { quiz: { questions: Array<Record<string, unknown>> } }>(
        `/api/campaigns/${campaignId}`,
        app.users.agent,
      );
      expect(seen.body.quiz.questions[0]).toEqual({
        prompt: '第1题：满300减30按什么金额计算？',
        choices: ['实付金额', '标价', '券前价'],
      });
      expect(seen.body.quiz).toMatchObject({
        mine: { attempts: 0, attemptsLeft: 10, bestCorrect: null, passed: false, lastAttemptAt: null },
      });
      const short = await attempt(app.users.agent, [0, 0]);
      expect(short).toMatchObject({ status: 422, body: { code: 'quiz.answers_mismatch' } });
      expect((await attempt(app.users.agent, [0, 0, 0, 0, 9])).status).toBe(400);
      expect((await attempt(app.users.agent, 'all')).status).toBe(400);
      const failedAt = app.clock.now().toISOString();
      const failed = await attempt(app.users.agent, [1, 0, 2, 0, 0]);
      expect(failed).toMatchObject({ status: 201, body: { correct: 3, total: 5, passed: false, wrong: [0, 2] } });
      // The page reloaded after an attempt learns the wait from the last attempt's time (quizAttemptRefusal).
      const reloaded = await app.get<{ quiz: { mine: Record<string, unknown> } }>(
        `/api/campaigns/${campaignId}`,
        app.users.agent,
      );
      expect(reloaded.body.quiz.mine).toEqual({
        attempts: 1,
        attemptsLeft: 9,
        bestCorrect: 3,
        passed: false,
        lastAttemptAt: failedAt,
      });
      const hurried = await attempt(app.users.agent, [0, 0, 0, 0, 1]);
      expect(hurried).toMatchObject({ status: 422, body: { code: 'quiz.too_soon', details: { seconds: 10 } } });
      app.clock.advanceMinutes(0.2);
      const passed = await attempt(app.users.agent, [0, 0, 0, 0, 1]);
      expect(passed.body).toEqual({ correct: 4, total: 5, passed: true, wrong: [4] });
      expect((await attempt(outsider, [0, 0, 0, 0, 0])).status).toBe(403);
    });

    it('counts at most ten attempts per person, even sent at once', async () => {
      const parallel = await Promise.all(Array.from({ length: 4 }, () => attempt(otherAgent, [1, 1, 1, 1, 1])));
      expect(parallel.map((each) => each.status).sort()).toEqual([201, 422, 422, 422]);
      for (let index = 1; index < 10; index++) {
        app.clock.advanceMinutes(0.2);
        expect((await attempt(otherAgent, [1, 1, 1, 1, 1])).status).toBe(201);
      }
      app.clock.advanceMinutes(0.2);
      const eleventh = await attempt(otherAgent, [0, 0, 0, 0, 0]);
      expect(eleventh).toMatchObject({ status: 422, body: { code: 'quiz.attempts_exhausted' } });
      const [row] = await app.dataSource.query(
        `SELECT count(*)::int AS n FROM campaign_quiz_attempt WHERE user_id = $1`,
        [otherAgent.id],
      );
      expect(row.n).toBe(10);
    });

    it('shows the lead every agent of the shop, those who never tried too', async () => {
      expect((await app.get(`${quizUrl()}/results`, app.users.agent)).status).toBe(403);
      expect((await app.get(`${quizUrl()}/results`, outsider)).status).toBe(403);
      const results = await app.get<{ items: Array<Record<string, unknown>> }>(`${quizUrl()}/results`, app.users.lead);
      expect(results.status).toBe(200);
      expect(results.body.items).toEqual([
        { user: { id: app.users.agent.id, displayName: 'agent' }, attempts: 2, bestCorrect: 4, total: 5, passed: true },
        {
          user: { id: otherAgent.id, displayName: 'other-agent' },
          attempts: 10,
          bestCorrect: 0,
          total: 5,
          passed: false,
        },
        { user: { id: teammate.id, displayName: 'teammate' }, attempts: 0, bestCorrect: null, total: 5, passed: false },
      ]);
      const list = await app.get<{ items: Array<Record<string, unknown>> }>(`/api/campaigns?shopId=${shopId}`);
      expect(list.body.items[0]).toMatchObject({ quizPublished: true, signedOffCount: 1 });
    });
  });
});
