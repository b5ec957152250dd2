import { aNewCase } from '../factories/case-factory';
import { caseCommands } from '../support/case-commands';
import { TestApp } from '../support/test-app';

interface CaseView {
  version: number;
  compensations: Array<{ id: string; status: string }>;
}

interface PendingCompensation {
  id: string;
  caseId: string;
  caseVersion: number;
  amountFen: number;
  limitFen: number;
  approvalReasons: string[];
  severity: string;
  rootCause: string | null;
  rootCauseConfirmed: boolean;
  maliciousKind: string | null;
  buyerHistory: Array<{ caseId: string; type: string; amountFen: number; status: string; proposedAt: string }>;
}

/** What the lead sees before deciding a compensation: the limit crossed, the case and the buyer's history. */
describe('the approval queue', () => {
  let app: TestApp;
  const { command, toCompensating } = caseCommands<CaseView>(() => app);

  beforeAll(async () => {
    app = await TestApp.start('2026-03-10T02:00:00Z');
  });
  afterAll(() => app.stop());

  const pendingFor = async (caseId: string) => {
    const queue = await app.request<PendingCompensation[]>('GET', '/api/compensations/pending', { as: app.users.lead });
    expect(queue.status).toBe(200);
    return queue.body.find((item) => item.caseId === caseId);
  };

  it("shows the limit crossed, the case's severity and cause, and the buyer's earlier compensations", async () => {
    const buyer = { platformBuyerId: `approvals-buyer-${process.pid}`, nickname: 'l**y' };
    const earlier = await aNewCase().withBuyer(buyer).openIn(app);
    await toCompensating(earlier);
    const within = await command(earlier, 'compensations', {
      type: 'coupon',
      amountFen: 1000,
      note: '杯子有划痕，送一张优惠券表示歉意',
    });
    await command(earlier, `compensations/${within.compensations[0]?.id}/mark-paid`, {});

    app.clock.advanceMinutes(60 * 24 * 3);
    const id = await aNewCase().withBuyer(buyer).withSeverity('high').openIn(app);
    await toCompensating(id);
    await command(id, 'compensations', { type: 'cash', amountFen: 8800, note: '漏水弄湿了买家的包，赔偿清洗费' });

    const pending = await pendingFor(id);
    expect(pending).toMatchObject({
      amountFen: 8800,
      // The policy's cash limit for a high-severity case.
      limitFen: 2000,
      approvalReasons: ['over_limit', 'buyer_already_compensated'],
      severity: 'high',
      rootCause: 'product_quality',
      rootCauseConfirmed: true,
      maliciousKind: null,
    });
    expect(pending?.buyerHistory).toEqual([
      {
        id: within.compensations[0]?.id,
        caseId: earlier,
        type: 'coupon',
        amountFen: 1000,
        status: 'paid',
        proposedAt: expect.any(String),
      },
    ]);
    // The other case of the buyer is not in the queue: it needs nobody's decision.
    expect(await pendingFor(earlier)).toBeUndefined();
  });

  it('refuses to approve on a case found malicious after the proposal, and still lets the lead reject it', async () => {
    const id = await aNewCase().openIn(app);
    await toCompensating(id);
    const proposed = await command(id, 'compensations', { type: 'cash', amountFen: 5000, note: '补偿清洗费用' });
    await command(id, 'root-cause', { rootCause: 'malicious' });

    const pending = await pendingFor(id);
    expect(pending).toMatchObject({ rootCause: 'malicious', approvalReasons: ['over_limit'] });

    const approve = await app.post<{ code: string; message: string }>(
      `/api/cases/${id}/compensations/${pending?.id}/approve`,
      { expectedVersion: pending?.caseVersion },
      app.users.lead,
    );
    expect({ status: approve.status, code: approve.body.code }).toEqual({
      status: 422,
      code: 'compensation.malicious_case',
    });
    expect(approve.body.message).toContain('恶意');

    const rejected = await command(
      id,
      `compensations/${proposed.compensations[0]?.id}/reject`,
      { note: '恶意差评，不予补偿' },
      app.users.lead,
    );
    expect(rejected.compensations.map((c) => c.status)).toEqual(['rejected']);
    expect(await pendingFor(id)).toBeUndefined();
  });

  it('refuses a second proposal while the first waits for a lead, saying so', async () => {
    const id = await aNewCase().openIn(app);
    await toCompensating(id);
    await command(id, 'compensations', { type: 'cash', amountFen: 9000, note: '补偿清洗费用' });
    const current = (await app.get<CaseView>(`/api/cases/${id}`)).body;
    const second = await app.request<{ code: string; message: string }>('POST', `/api/cases/${id}/compensations`, {
      body: { expectedVersion: current.version, type: 'coupon', amountFen: 500, note: '再送一张券表示歉意' },
      language: 'en',
    });
    expect({ status: second.status, code: second.body.code }).toEqual({
      status: 422,
      code: 'compensation.awaiting_decision',
    });
    expect(second.body.message).toBe(
      'A compensation is still waiting for a team lead; wait until it is approved or rejected',
    );
  });
});
