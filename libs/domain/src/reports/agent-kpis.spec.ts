import { DEFAULT_KPI_WEIGHTS, KPI_MIN_SAMPLE, metricScores, scoreAgents, type AgentKpis } from './agent-kpis';

const agent = (patch: Partial<AgentKpis> & Pick<AgentKpis, 'agentId'>): AgentKpis => ({
  agentName: patch.agentId,
  casesClosed: 0,
  firstContactHours: null,
  resolutionRate: null,
  revisedRate: null,
  compensationPerCaseFen: null,
  qaScore: null,
  ...patch,
});

describe('agent KPIs', () => {
  const team = [
    agent({
      agentId: 'a',
      casesClosed: 10,
      firstContactHours: 2,
      resolutionRate: 0.8,
      revisedRate: 0.5,
      compensationPerCaseFen: 500,
      qaScore: 90,
    }),
    agent({
      agentId: 'b',
      casesClosed: 5,
      firstContactHours: 6,
      resolutionRate: 0.4,
      revisedRate: 0.2,
      compensationPerCaseFen: 1500,
      qaScore: 70,
    }),
  ];

  it('puts every measure on a 0–100 scale: against the busiest, as a rate, or against the team mean', () => {
    // Mean first contact 4 h: 2 h → 100·(1 − 2/8) = 75, 6 h → 25. Mean compensation ¥10: ¥5 → 75, ¥15 → 25.
    expect(metricScores(team)).toEqual([
      {
        casesClosed: 100,
        firstContactHours: 75,
        resolutionRate: 80,
        revisedRate: 50,
        compensationPerCaseFen: 75,
        qaScore: 90,
      },
      {
        casesClosed: 50,
        firstContactHours: 25,
        resolutionRate: 40,
        revisedRate: 20,
        compensationPerCaseFen: 25,
        qaScore: 70,
      },
    ]);
  });

  it('weighs the scores with the lead’s weights, best agent first', () => {
    const scored = scoreAgents([...team].reverse(), DEFAULT_KPI_WEIGHTS);
    // a: (100·20 + 75·20 + 80·20 + 50·10 + 75·10 + 90·20) / 100 = 81.5
    // b: (50·20 + 25·20 + 40·20 + 20·10 + 25·10 + 70·20) / 100 = 41.5
    expect(scored.map((row) => [row.agentId, row.composite])).toEqual([
      ['a', 81.5],
      ['b', 41.5],
    ]);
    const onlyQa = {
      ...DEFAULT_KPI_WEIGHTS,
      casesClosed: 0,
      firstContactHours: 0,
      resolutionRate: 0,
      revisedRate: 0,
      compensationPerCaseFen: 0,
    };
    expect(scoreAgents(team, onlyQa).map((row) => row.composite)).toEqual([90, 70]);
  });

  it('ranks no one below the minimum sample: one closed case does not outrank a steady period', () => {
    const lucky = agent({ agentId: 'lucky', casesClosed: 1, resolutionRate: 1, revisedRate: 1, qaScore: 100 });
    const steady = agent({
      agentId: 'steady',
      casesClosed: KPI_MIN_SAMPLE,
      resolutionRate: 0.6,
      revisedRate: 0.4,
      qaScore: 70,
    });
    const scored = scoreAgents([lucky, steady], DEFAULT_KPI_WEIGHTS);
    expect(scored.map((row) => [row.agentId, row.ranked])).toEqual([
      ['steady', true],
      ['lucky', false],
    ]);
    // The lucky agent's composite is higher; it is still listed after the ranked one.
    expect(scored[1]?.composite).toBeGreaterThan(scored[0]?.composite ?? 100);
  });

  it('leaves out what could not be measured instead of counting it as zero', () => {
    const scored = scoreAgents([agent({ agentId: 'new', casesClosed: 0, qaScore: 60 })], DEFAULT_KPI_WEIGHTS);
    expect(scored[0]?.scores).toEqual({ qaScore: 60 });
    expect(scored[0]?.composite).toBe(60);
    expect(scoreAgents([agent({ agentId: 'idle' })], DEFAULT_KPI_WEIGHTS)[0]?.composite).toBeNull();
  });
});
