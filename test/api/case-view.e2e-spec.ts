import { aNewCase } from '../factories/case-factory';
import { TestApp } from '../support/test-app';

interface EarlierCase {
  id: string;
  shopName: string;
  stage: string;
  reviewedAt: string;
  outcome: string | null;
  specialNotes: string | null;
}

/** What the case view reads besides the case: the buyer's earlier cases and their notes. */
describe('the case view', () => {
  let app: TestApp;

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });
  afterAll(() => app.stop());

  const day = (n: number) => `2026-03-${String(n).padStart(2, '0')}T01:00:00Z`;

  /** Closes a case as its record says, with the notes left for whoever contacts the buyer next. */
  async function recordDirectly(caseId: string, specialNotes: string) {
    await app.dataSource.query(
      `UPDATE support_case SET stage = 'recorded', closed_at = reviewed_at + interval '2 days',
         record = jsonb_build_object('productModel', '保温杯', 'rootCause', 'product_quality', 'actionsTaken', '换新',
           'outcome', 'revised_positive', 'specialNotes', $2::text, 'recordedAt', reviewed_at + interval '2 days')
       WHERE id = $1`,
      [caseId, specialNotes],
    );
  }

  it("lists the buyer's earlier cases newest first, capped, with the special notes left on them", async () => {
    const buyer = { platformBuyerId: `returning-${process.pid}`, nickname: '老买家' };
    const oldest = await aNewCase().withBuyer(buyer).reviewedOn(day(1)).openIn(app);
    await recordDirectly(oldest, '脾气急，先道歉再说明');
    const older: string[] = [];
    for (let n = 2; n <= 11; n++) older.push(await aNewCase().withBuyer(buyer).reviewedOn(day(n)).openIn(app));
    const current = await aNewCase().withBuyer(buyer).reviewedOn(day(12)).openIn(app);
    // Neither a later case of the buyer nor another buyer's case is "earlier".
    await aNewCase().withBuyer(buyer).reviewedOn(day(13)).openIn(app);
    await aNewCase().reviewedOn(day(5)).openIn(app);
    // The same platform buyer id on another platform is another person.
    await aNewCase().onPlatform('jd').withBuyer(buyer).reviewedOn(day(6)).openIn(app);

    const response = await app.get<EarlierCase[]>(`/api/cases/${current}/earlier-cases`);
    expect(response.status).toBe(200);
    expect(response.body.map((item) => item.id)).toEqual(older.reverse());

    await app.dataSource.query(`UPDATE support_case SET reviewed_at = $2 WHERE id = $1`, [
      oldest,
      '2026-03-11T12:00:00Z',
    ]);
    const [first] = (await app.get<EarlierCase[]>(`/api/cases/${current}/earlier-cases`)).body;
    expect(first).toMatchObject({
      id: oldest,
      stage: 'recorded',
      outcome: 'revised_positive',
      specialNotes: '脾气急，先道歉再说明',
    });
  });

  it('answers 404 for an unknown case and nothing for a buyer without earlier cases', async () => {
    const alone = await aNewCase().openIn(app);
    expect((await app.get(`/api/cases/${alone}/earlier-cases`)).body).toEqual([]);
    const missing = await app.get<{ code: string }>('/api/cases/00000000-0000-4000-8000-000000000000/earlier-cases');
    expect(missing.status).toBe(404);
  });
});
