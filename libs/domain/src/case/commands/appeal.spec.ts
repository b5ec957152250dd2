import { aCase, contextAt } from '../../testing';
import type { CommandResult } from '../command-context';
import { fileAppeal, recordAppealResult } from './appeal';

const code = (result: CommandResult) => (result.ok ? null : result.refusal.code);
const appealing = () => aCase().inStage('appealing').flaggedMalicious('extortion');

describe('appeals', () => {
  it('files an appeal with evidence before the deadline and records its result once', () => {
    const filed = fileAppeal(
      appealing().build(),
      { evidenceRefs: ['旺旺聊天截图-0310', ' '], note: '买家要求200元才删评' },
      contextAt(),
    );
    if (!filed.ok) throw new Error(filed.refusal.code);
    expect(filed.state.appeal).toMatchObject({ kind: 'extortion', evidenceRefs: ['旺旺聊天截图-0310'], result: null });
    expect(code(fileAppeal(filed.state, { evidenceRefs: ['x'] }, contextAt()))).toBe('appeal.already_filed');

    const won = recordAppealResult(filed.state, { result: 'won' }, contextAt());
    if (!won.ok) throw new Error(won.refusal.code);
    expect(won.state.appeal?.result).toBe('won');
    expect(code(recordAppealResult(won.state, { result: 'lost' }, contextAt()))).toBe('appeal.result_already_recorded');
  });

  it('refuses an appeal without evidence', () => {
    expect(code(fileAppeal(appealing().build(), { evidenceRefs: ['  '] }, contextAt()))).toBe(
      'appeal.evidence_required',
    );
  });

  it('refuses an appeal 30 days after the review', () => {
    const result = fileAppeal(appealing().build(), { evidenceRefs: ['截图'] }, contextAt('2026-04-09T02:00:01Z'));
    expect(result.ok ? null : result.refusal).toEqual({
      code: 'appeal.deadline_passed',
      params: { deadline: '2026-04-09T02:00:00.000Z' },
    });
    expect(fileAppeal(appealing().build(), { evidenceRefs: ['截图'] }, contextAt('2026-04-09T02:00:00Z')).ok).toBe(
      true,
    );
  });

  it('needs a filed appeal before a result', () => {
    expect(code(recordAppealResult(appealing().build(), { result: 'won' }, contextAt()))).toBe('appeal.not_filed');
  });
});
