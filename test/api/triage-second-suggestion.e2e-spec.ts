import { TriageModelRepository } from '@chaping/api/testing';
import { LEXICON_VERSION, MODEL_VERSION } from '@chaping/domain';

import { TestApp } from '../support/test-app';

interface CaseView {
  id: string;
  version: number;
  suggestedRootCause: string | null;
  rootCause: string | null;
  triage: {
    rootCause: string;
    secondCause: string | null;
    disagreement: boolean;
    needsChecking: boolean;
    decidedBy: string | null;
    modelVersion: string | null;
    evidence: Array<{ phrase: string; start: number; end: number }>;
  } | null;
  events: Array<{ type: string; data: Record<string, unknown> }>;
}

interface QueueRow {
  id: string;
  rootCause: string | null;
  secondCause: string | null;
  disagreement: boolean;
  needsChecking: boolean;
}

/** The phrases name a colour that differs from the pictures; the model reads the rude service more. */
const DISPUTED = '颜色和图片不一样，客服态度也很差';
const PLAIN = '尺码偏小，建议买大一码';

describe('triage’s second suggestion and disagreement flag', () => {
  let app: TestApp;
  let nextId = 66_000_000_000;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });
  afterAll(() => app.stop());

  async function importReview(content: string): Promise<CaseView> {
    const commentId = String((nextId += 1));
    const item = { commentId, content, creationTime: '2026-03-09 10:00:00', score: 1 };
    const pushed = await app.postRaw(
      `/api/intake/jd.getVenderCommentsForJos?shopId=${app.shops.jd.id}`,
      JSON.stringify(item),
      { 'content-type': 'application/json' },
    );
    expect(pushed.status).toBeLessThan(300);
    const [row] = await app.dataSource.query(
      `SELECT c.id FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = $1`,
      [commentId],
    );
    return (await app.get<CaseView>(`/api/cases/${(row as { id: string }).id}`)).body;
  }

  async function queueRow(caseId: string): Promise<QueueRow | undefined> {
    const page = await app.get<{ items: QueueRow[] }>(`/api/cases?shopId=${app.shops.jd.id}&limit=100`);
    expect(page.status).toBe(200);
    return page.body.items.find((item) => item.id === caseId);
  }

  it('returns the second suggestion and the flag on the case view and the queue row', async () => {
    const disputed = await importReview(DISPUTED);
    expect(disputed.rootCause).toBe('not_as_described');
    expect(disputed.triage).toMatchObject({
      rootCause: 'not_as_described',
      secondCause: 'service_attitude',
      disagreement: true,
      needsChecking: true,
      decidedBy: 'lexicon',
      modelVersion: MODEL_VERSION,
    });
    for (const item of disputed.triage?.evidence ?? []) expect(DISPUTED.slice(item.start, item.end)).toBe(item.phrase);
    expect(await queueRow(disputed.id)).toMatchObject({
      rootCause: 'not_as_described',
      secondCause: 'service_attitude',
      disagreement: true,
      needsChecking: true,
    });

    const plain = await importReview(PLAIN);
    expect(plain.triage).toMatchObject({ rootCause: 'size_fit', disagreement: false, needsChecking: false });
    expect(plain.triage?.secondCause).not.toBeNull();
    expect(await queueRow(plain.id)).toMatchObject({ disagreement: false, needsChecking: false });
  });

  it('takes the second suggestion in one command, recorded as a correction with the versions that suggested', async () => {
    const opened = await importReview(DISPUTED);
    const url = `/api/cases/${opened.id}/triage-overrides`;
    const command = { expectedVersion: opened.version, field: 'rootCause', via: 'second_suggestion', reason: '' };

    const another = await app.post<{ code: string; message: string }>(url, { ...command, rootCause: 'size_fit' });
    expect(another.status).toBe(422);
    expect(another.body.code).toBe('triage.not_second_suggestion');
    expect(another.body.message).toContain('服务态度');

    const unknownVia = await app.post<{ code: string }>(url, { ...command, rootCause: 'service_attitude', via: 'x' });
    expect(unknownVia.status).toBe(400);

    const taken = await app.post<CaseView>(url, { ...command, rootCause: 'service_attitude' });
    expect(taken.status).toBe(200);
    expect(taken.body.rootCause).toBe('service_attitude');
    expect(taken.body.suggestedRootCause).toBe('not_as_described');
    expect(taken.body.triage).toMatchObject({ disagreement: true, needsChecking: false });
    expect(taken.body.events.at(-1)).toMatchObject({
      type: 'triage_overridden',
      data: { field: 'rootCause', before: 'not_as_described', after: 'service_attitude', via: 'second_suggestion' },
    });
    expect(await queueRow(opened.id)).toMatchObject({ rootCause: 'service_attitude', needsChecking: false });

    // The label retraining reads: this case's correction, with the lexicon and model that made the suggestion.
    const corrections = await app.app.get(TriageModelRepository).corrections(app.dataSource.manager, app.shops.jd.id);
    expect(corrections.find((row) => row.case_id === opened.id)).toMatchObject({
      root_cause: 'service_attitude',
      text: DISPUTED,
      lexicon_version: LEXICON_VERSION,
      model_version: MODEL_VERSION,
    });

    const again = await app.post<{ code: string }>(url, {
      ...command,
      expectedVersion: taken.body.version,
      rootCause: 'service_attitude',
    });
    expect(again.status).toBe(422);
    expect(again.body.code).toBe('triage.unchanged');
  });

  it('refuses the one-click correction where triage made no second suggestion', async () => {
    // A case opened before the second suggestion existed: its stored triage has neither key.
    const opened = await importReview(PLAIN);
    await app.dataSource.query(
      `UPDATE support_case SET triage = triage - 'secondCause' - 'disagreement' WHERE id = $1`,
      [opened.id],
    );
    const old = (await app.get<CaseView>(`/api/cases/${opened.id}`)).body;
    expect(old.triage).toMatchObject({ secondCause: null, disagreement: false, needsChecking: false });
    const refused = await app.post<{ code: string }>(`/api/cases/${opened.id}/triage-overrides`, {
      expectedVersion: old.version,
      field: 'rootCause',
      rootCause: 'other',
      via: 'second_suggestion',
      reason: '',
    });
    expect(refused.status).toBe(422);
    expect(refused.body.code).toBe('triage.no_second_suggestion');
  });
});
