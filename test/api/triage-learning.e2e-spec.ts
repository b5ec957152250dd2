import { TaskScheduler, UserEntity, UserShopEntity } from '@chaping/api/testing';
import { isFrozenCorrection, MODEL_VERSION, ROOT_CAUSES, type RootCause } from '@chaping/domain';

import { TestApp } from '../support/test-app';
import { loadLabelledTexts } from '../triage/triage-accuracy';

interface Opened {
  caseId: string;
  key: string;
  label: RootCause;
  suggested: RootCause;
  version: number;
  modelVersion: string;
}

interface History {
  shippedVersion: string;
  shippedActive: boolean;
  versions: Array<{
    version: string;
    labelCount: number;
    frozenCount: number;
    frozenAccuracy: number | null;
    previousAccuracy: number | null;
    active: boolean;
    decision: 'promoted' | 'kept';
    reason: string;
  }>;
}

const RETRAIN_AFTER = 40;
/** Importing a few hundred reviews and training twice takes ~12 s alone, several times that beside other suites. */
const SLOW = 120_000;
const HALF_HOUR = 31;

/**
 * A stream of corrections from the project's labelled reviews: reviews the shipped model never
 * trained on (the holdout) arrive at a JD shop, and an agent corrects every root cause triage got
 * wrong, through the case's triage-override endpoint.
 */
describe('triage learns from corrections', () => {
  let app: TestApp;
  let history: () => Promise<History>;
  const labelled = loadLabelledTexts('holdout');
  let nextId = 88_000_000_000;

  beforeAll(async () => {
    process.env['TRIAGE_RETRAIN_AFTER'] = String(RETRAIN_AFTER);
    app = await TestApp.start('2026-03-10T02:00:00Z');
    history = async () => (await app.get<History>(`/api/shops/${app.shops.jd.id}/triage-models`, app.users.lead)).body;
  });
  afterAll(async () => {
    delete process.env['TRIAGE_RETRAIN_AFTER'];
    await app.stop();
  });

  /** Imports the reviews; returns their cases with what triage suggested. */
  async function importReviews(items: ReadonlyArray<{ text: string; rootCause: RootCause }>): Promise<Opened[]> {
    const ids = items.map(() => String((nextId += 1)));
    const payload = items.map((item, index) => ({
      commentId: ids[index],
      content: item.text,
      creationTime: '2026-03-09 10:00:00',
      score: 1,
    }));
    const pushed = await app.postRaw(
      `/api/intake/jd.getVenderCommentsForJos?shopId=${app.shops.jd.id}`,
      JSON.stringify(payload),
      {
        'content-type': 'application/json',
      },
    );
    expect(pushed.status).toBeLessThan(300);
    const rows: Array<{
      id: string;
      platform_review_id: string;
      suggested: RootCause;
      version: number;
      model: string;
    }> = await app.dataSource.query(
      `SELECT c.id, r.platform_review_id, c.suggested_root_cause AS suggested, c.version,
                c.triage->>'modelVersion' AS model
           FROM support_case c JOIN review r ON r.id = c.review_id WHERE r.platform_review_id = ANY($1)`,
      [ids],
    );
    const byId = new Map(rows.map((row) => [row.platform_review_id, row]));
    return items.map((item, index) => {
      const row = byId.get(ids[index] as string);
      if (!row) throw new Error(`review ${ids[index]} did not open a case`);
      return {
        caseId: row.id,
        key: `jd:${row.platform_review_id}`,
        label: item.rootCause,
        suggested: row.suggested,
        version: row.version,
        modelVersion: row.model,
      };
    });
  }

  async function correct(opened: Opened, rootCause: RootCause): Promise<void> {
    const response = await app.post(`/api/cases/${opened.caseId}/triage-overrides`, {
      expectedVersion: opened.version,
      field: 'rootCause',
      rootCause,
      reason: '与买家沟通后确认的原因',
    });
    expect(response.status).toBe(200);
  }

  /** Runs the scheduler's due tasks half an hour later (the retraining runs every 30 minutes). */
  async function tick(): Promise<string[]> {
    app.clock.advanceMinutes(HALF_HOUR);
    return app.app.get(TaskScheduler).tick();
  }

  it(
    'promotes a model that beats the shipped one on the frozen slice, and intake uses it',
    async () => {
      const opened = await importReviews(labelled.slice(0, 300));
      const wrong = opened.filter((item) => item.suggested !== item.label);
      expect(wrong.length).toBeGreaterThan(RETRAIN_AFTER);
      expect(opened[0]?.modelVersion).toBe(MODEL_VERSION);

      // Fewer corrections than the threshold: nothing is trained yet.
      for (const item of wrong.slice(0, RETRAIN_AFTER - 1)) await correct(item, item.label);
      expect(await tick()).toContain('triage.retrain');
      expect((await history()).versions).toEqual([]);

      for (const item of wrong.slice(RETRAIN_AFTER - 1)) await correct(item, item.label);
      await tick();
      const after = await history();
      expect(after.shippedActive).toBe(false);
      const [trained] = after.versions;
      const frozen = wrong.filter((item) => isFrozenCorrection(item.key)).length;
      expect(trained).toMatchObject({
        version: `${MODEL_VERSION}-r1`,
        labelCount: wrong.length - frozen,
        frozenCount: frozen,
        active: true,
        decision: 'promoted',
        reason: 'better',
      });
      expect(trained?.frozenAccuracy).toBeGreaterThan(trained?.previousAccuracy ?? 1);

      const [next] = await importReviews(labelled.slice(300, 301));
      expect(next?.modelVersion).toBe(`${MODEL_VERSION}-r1`);
    },
    SLOW,
  );

  it(
    'keeps the model when a batch of wrong labels makes the new one worse',
    async () => {
      // Every wrong label lands in training (none in the frozen slice), as a careless batch could.
      const fresh = (await importReviews(labelled.slice(301, 600))).filter((item) => !isFrozenCorrection(item.key));
      const batch = fresh.slice(0, RETRAIN_AFTER * 2);
      for (const item of batch) {
        const wrongCause = ROOT_CAUSES.find((cause) => cause !== item.label && cause !== item.suggested) as RootCause;
        await correct(item, wrongCause);
      }
      await tick();
      const { versions } = await history();
      expect(versions.map((version) => [version.version, version.active, version.decision, version.reason])).toEqual([
        [`${MODEL_VERSION}-r2`, false, 'kept', 'worse'],
        [`${MODEL_VERSION}-r1`, true, 'promoted', 'better'],
      ]);
      expect(versions[0]?.frozenAccuracy).toBeLessThan(versions[0]?.previousAccuracy ?? 0);
    },
    SLOW,
  );

  it('rolls back to an earlier version or the shipped model, and refuses what cannot be rolled back', async () => {
    const url = `/api/shops/${app.shops.jd.id}/triage-models/rollback`;
    const toShipped = await app.post<History>(url, { version: MODEL_VERSION }, app.users.lead);
    expect(toShipped.status).toBe(200);
    expect(toShipped.body.shippedActive).toBe(true);
    expect(toShipped.body.versions.every((version) => !version.active)).toBe(true);

    const again = await app.post<{ code: string; message: string }>(url, { version: MODEL_VERSION }, app.users.lead);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('triage_model.already_active');
    expect(again.body.message).toContain('已在使用中');

    const unknown = await app.post<{ code: string }>(url, { version: '1999.1.1-r9' }, app.users.lead);
    expect(unknown.status).toBe(409);
    expect(unknown.body.code).toBe('triage_model.version_not_found');
    expect((await history()).shippedActive).toBe(true);

    const toR2 = await app.post<History>(url, { version: `${MODEL_VERSION}-r2` }, app.users.lead);
    expect(toR2.status).toBe(200);
    expect(toR2.body.versions.find((version) => version.active)?.version).toBe(`${MODEL_VERSION}-r2`);
    const [next] = await importReviews(labelled.slice(0, 1));
    expect(next?.modelVersion).toBe(`${MODEL_VERSION}-r2`);

    const empty = await app.post<{ code: string }>(url, { version: '' }, app.users.lead);
    expect(empty.status).toBe(400);
  });

  it('shows and rolls back a shop’s models only to its leads and admins', async () => {
    const outsider = await app.dataSource.getRepository(UserEntity).save({
      username: 'lead-of-taobao',
      displayName: 'lead-of-taobao',
      role: 'lead',
      onShift: true,
    });
    await app.dataSource.getRepository(UserShopEntity).save({ userId: outsider.id, shopId: app.shops.taobao.id });
    const base = `/api/shops/${app.shops.jd.id}/triage-models`;
    expect((await app.get<{ code: string }>(base, outsider)).body.code).toBe('auth.shop_forbidden');
    const refused = await app.post<{ code: string }>(`${base}/rollback`, { version: MODEL_VERSION }, outsider);
    expect(refused.status).toBe(403);
    expect((await app.get(base, app.users.agent)).status).toBe(403);
    expect((await history()).versions.find((version) => version.active)?.version).toBe(`${MODEL_VERSION}-r2`);
  });
});
