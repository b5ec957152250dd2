import type { ScriptProblem } from './script-checks';
import { scriptProblemMessage } from './script-problem-messages';

const problem = (path: string, code: ScriptProblem['code'], detail: string): ScriptProblem => ({
  templateId: 'apology',
  version: 2,
  path,
  code,
  detail,
});

describe('script problem messages', () => {
  it.each([
    [
      problem('steps[0].lines[0].zh-CN', 'review_link', '好评返现'),
      '第1步 · 话术第1句 · 中文：「好评返现」把利益与评价挂钩，平台禁止',
      'step 1 · line 1 · Chinese: "好评返现" ties a benefit to the review, which the platforms forbid',
    ],
    [
      problem('steps[1].branches.demands_money.tips[2].en', 'missing_translation', 'en'),
      '第2步 · 买家「索要钱款」时 · 提示第3条 · 英文：缺少英文文本',
      'step 2 · when the buyer: demands money · tip 3 · English: the English text is missing',
    ],
    [
      problem('steps[0].branches.angry.suggests', 'unreachable_suggestion', 'new → recorded'),
      '第1步 · 买家「生气」时 · 建议的下一步：工单不能从「新建」直接转到「已归档」',
      'step 1 · when the buyer: angry · suggested next step: a case cannot move from "new" straight to "recorded"',
    ],
  ])('names the place and the problem for people (%#)', (value, zh, en) => {
    expect(scriptProblemMessage(value, 'zh-CN')).toBe(zh);
    expect(scriptProblemMessage(value, 'en')).toBe(en);
  });

  it.each(
    (
      [
        'bad_version',
        'no_steps',
        'duplicate_step_id',
        'duplicate_check_id',
        'duplicate_version',
        'missing_translation',
        'unknown_placeholder',
        'placeholder_mismatch',
        'review_link',
        'benefit_with_review',
        'unknown_suggestion',
        'unreachable_suggestion',
      ] as const
    ).flatMap((code) => (['zh-CN', 'en'] as const).map((locale) => [code, locale] as const)),
  )('%s in %s shows no code or path', (code, locale) => {
    const message = scriptProblemMessage(problem('steps[3].checks[1].id', code, 'x'), locale);
    expect(message).not.toContain(code);
    expect(message).not.toMatch(/steps\[|checks\[|undefined/);
  });
});
