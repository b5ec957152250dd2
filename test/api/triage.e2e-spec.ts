import { TestApp } from '../support/test-app';

interface Triage {
  rootCause: string;
  subCause: string | null;
  confidence: number;
  evidence: Array<{ phrase: string; start: number; end: number; rootCause: string }>;
  misclick: boolean;
  maliciousSignals: Array<{ kind: string; phrase: string }>;
  severity: string;
}

interface CaseView {
  id: string;
  version: number;
  rootCause: string | null;
  severity: string;
  triage: { rootCause: string; evidence: Array<{ phrase: string }> } | null;
  events: Array<{ type: string; data: Record<string, unknown> }>;
}

describe('triage', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });
  afterAll(() => app.stop());

  const triage = (body: unknown) => app.request<Triage & { code?: string }>('POST', '/api/triage', { body });

  it('names the cause with the phrases that show it, at their place in the text', async () => {
    const text = '包装完好没有破损，就是快递太慢了，等了一个星期才到';
    const { status, body } = await triage({ text, rating: 'negative' });
    expect(status).toBe(200);
    expect(body.rootCause).toBe('logistics_delay');
    expect(body.confidence).toBeGreaterThan(0);
    expect(body.evidence.length).toBeGreaterThan(0);
    for (const evidence of body.evidence) expect(text.slice(evidence.start, evidence.end)).toBe(evidence.phrase);
    // "没有破损" is a negation: it must not count as damage.
    expect(body.evidence.some((evidence) => evidence.rootCause === 'logistics_damage')).toBe(false);
  });

  it('answers only a signed-in user or an integration key', async () => {
    const anonymous = await app.request<{ code: string }>('POST', '/api/triage', {
      body: { text: '物流太慢', rating: 'negative' },
      as: null,
    });
    expect(anonymous.status).toBe(401);
    expect(anonymous.body.code).toBe('auth.missing_actor');
  });

  it('spots a mis-click and a demand for money', async () => {
    expect((await triage({ text: '很好，很满意，下次还来', rating: 'negative' })).body).toMatchObject({
      misclick: true,
    });
    const threat = await triage({ text: '不赔我五百块钱，我就天天给你们差评', rating: 'negative' });
    expect(threat.body.maliciousSignals.map((signal) => signal.kind)).toContain('extortion');
  });

  it.each([
    ['a rating that is not neutral or negative', { text: '还行', rating: 'positive' }, 'rating'],
    ['no text', { rating: 'negative' }, 'text'],
    ['a text over 2000 characters', { text: '差'.repeat(2001), rating: 'negative' }, 'text'],
    ['an unknown field', { text: '差', rating: 'negative', extra: 1 }, 'extra'],
  ])('answers %s with 400 naming the field', async (_, body, field) => {
    const response = await app.request<{ code: string; details: { fields: Array<{ field: string }> } }>(
      'POST',
      '/api/triage',
      {
        body,
      },
    );
    expect(response.status).toBe(400);
    expect(response.body.details.fields.map((detail) => detail.field)).toContain(field);
  });

  it('stores the suggestion on a new case and counts the agent’s override', async () => {
    const item = {
      commentId: '77000000001',
      content: '衣服质量太差，洗一次就起球',
      creationTime: '2026-03-09 10:00:00',
      score: 1,
    };
    await app.postRaw(`/api/intake/jd.getVenderCommentsForJos?shopId=${app.shops.jd.id}`, JSON.stringify(item), {
      'content-type': 'application/json',
    });
    const [row] = await app.dataSource.query(
      `SELECT c.id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = '77000000001'`,
    );
    const caseId = (row as { id: string }).id;
    const opened = (await app.get<CaseView>(`/api/cases/${caseId}`)).body;
    expect(opened.triage?.rootCause).toBe('product_quality');
    expect(opened.rootCause).toBe('product_quality');

    const url = `/api/cases/${caseId}/triage-overrides`;
    const noReason = await app.post<{ code: string }>(url, {
      expectedVersion: opened.version,
      field: 'rootCause',
      rootCause: 'not_as_described',
      reason: ' ',
    });
    expect(noReason.status).toBe(422);
    expect(noReason.body.code).toBe('triage.reason_required');

    const missingValue = await app.post<{ code: string }>(url, {
      expectedVersion: opened.version,
      field: 'severity',
      reason: '漏电',
    });
    expect(missingValue.status).toBe(400);

    const overridden = await app.post<CaseView>(url, {
      expectedVersion: opened.version,
      field: 'rootCause',
      rootCause: 'not_as_described',
      subCause: 'misleading_listing',
      reason: '买家说详情页写的是不起球面料',
    });
    expect(overridden.status).toBe(200);
    expect(overridden.body.rootCause).toBe('not_as_described');
    expect(overridden.body.events.at(-1)).toMatchObject({
      type: 'triage_overridden',
      data: { field: 'rootCause', before: 'product_quality', after: 'not_as_described' },
    });

    const stats = await app.request<{ triaged: number; overrides: number; byChange: unknown[] }>(
      'GET',
      '/api/triage/overrides',
      {
        as: app.users.lead,
      },
    );
    expect(stats.body).toEqual({
      triaged: 1,
      overrides: 1,
      byChange: [{ field: 'rootCause', from: 'product_quality', to: 'not_as_described', count: 1 }],
    });
  });
});
