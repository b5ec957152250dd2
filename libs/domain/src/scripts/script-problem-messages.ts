import { stageLabel, type Locale } from '../refusals/labels';
import type { ScriptProblem, ScriptProblemCode } from './script-checks';
import type { BuyerReaction } from './script-types';

type Words = Readonly<Record<Locale, string>>;

const REACTION_LABELS: Readonly<Record<BuyerReaction, Words>> = {
  cooperative: { 'zh-CN': '配合', en: 'cooperative' },
  angry: { 'zh-CN': '生气', en: 'angry' },
  refuses: { 'zh-CN': '拒绝', en: 'refuses' },
  hesitant: { 'zh-CN': '犹豫', en: 'hesitant' },
  demands_money: { 'zh-CN': '索要钱款', en: 'demands money' },
};

/** The parts of a problem's path (`steps[0].branches.angry.lines[1].zh-CN`) as an editor names them. */
const PLACES: Readonly<Record<string, (n: number, l: Locale) => string>> = {
  steps: (n, l) => (l === 'zh-CN' ? `第${n}步` : `step ${n}`),
  lines: (n, l) => (l === 'zh-CN' ? `话术第${n}句` : `line ${n}`),
  tips: (n, l) => (l === 'zh-CN' ? `提示第${n}条` : `tip ${n}`),
  checks: (n, l) => (l === 'zh-CN' ? `勾选项第${n}项` : `check ${n}`),
};

const WORDS: Readonly<Record<string, Words>> = {
  title: { 'zh-CN': '标题', en: 'title' },
  version: { 'zh-CN': '版本', en: 'version' },
  steps: { 'zh-CN': '步骤', en: 'steps' },
  id: { 'zh-CN': '编号', en: 'id' },
  suggests: { 'zh-CN': '建议的下一步', en: 'suggested next step' },
  'zh-CN': { 'zh-CN': '中文', en: 'Chinese' },
  en: { 'zh-CN': '英文', en: 'English' },
};

function placeOf(path: string, locale: Locale): string {
  const parts: string[] = [];
  const tokens = path.split('.');
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const indexed = /^(\w+)\[(\d+)\]$/.exec(token);
    const place = indexed ? PLACES[indexed[1] ?? ''] : undefined;
    if (indexed && place) {
      parts.push(place(Number(indexed[2]) + 1, locale));
    } else if (token === 'branches') {
      const reaction = tokens[++i] ?? '';
      const label = REACTION_LABELS[reaction as BuyerReaction]?.[locale] ?? reaction;
      parts.push(locale === 'zh-CN' ? `买家「${label}」时` : `when the buyer: ${label}`);
    } else {
      parts.push(WORDS[token]?.[locale] ?? token);
    }
  }
  return parts.join(' · ');
}

const quote = (text: string, locale: Locale) => (locale === 'zh-CN' ? `「${text}」` : `"${text}"`);

const WHAT: Readonly<Record<ScriptProblemCode, (detail: string, l: Locale) => string>> = {
  bad_version: (_d, l) => (l === 'zh-CN' ? '版本号必须是正整数' : 'the version must be a positive whole number'),
  no_steps: (_d, l) => (l === 'zh-CN' ? '话术至少需要一个步骤' : 'a script needs at least one step'),
  duplicate_step_id: (d, l) =>
    l === 'zh-CN' ? `步骤编号${quote(d, l)}重复` : `the step id ${quote(d, l)} is used twice`,
  duplicate_check_id: (d, l) =>
    l === 'zh-CN' ? `勾选项编号${quote(d, l)}重复` : `the check id ${quote(d, l)} is used twice`,
  duplicate_version: (_d, l) => (l === 'zh-CN' ? '同一版本出现了两次' : 'this version exists twice'),
  missing_translation: (d, l) =>
    l === 'zh-CN' ? `缺少${WORDS[d]?.[l] ?? d}文本` : `the ${WORDS[d]?.[l] ?? d} text is missing`,
  unknown_placeholder: (d, l) => (l === 'zh-CN' ? `没有叫 {${d}} 的变量` : `there is no variable called {${d}}`),
  placeholder_mismatch: (_d, l) =>
    l === 'zh-CN' ? '中文和英文用到的变量不一致' : 'the Chinese and English texts use different variables',
  review_link: (d, l) =>
    l === 'zh-CN'
      ? `${quote(d, l)}把利益与评价挂钩，平台禁止`
      : `${quote(d, l)} ties a benefit to the review, which the platforms forbid`,
  benefit_with_review: (d, l) =>
    l === 'zh-CN'
      ? `同时提到利益和评价(${d})：对买家说的话不能这样写，提示中只能用来说明禁止`
      : `names a benefit and the review together (${d}): never in what the buyer hears, in a tip only to forbid it`,
  unknown_suggestion: (d, l) =>
    l === 'zh-CN' ? `建议的下一步${quote(d, l)}不存在` : `the suggested next step ${quote(d, l)} does not exist`,
  unreachable_suggestion: (d, l) => {
    const [from = '', to = ''] = d.split(' → ').map((stage) => stageLabel(stage, l));
    return l === 'zh-CN'
      ? `工单不能从「${from}」直接转到「${to}」`
      : `a case cannot move from "${from}" straight to "${to}"`;
  },
};

/** A script check's problem as a lead reads it: where in the template, and what to change. */
export function scriptProblemMessage(problem: ScriptProblem, locale: Locale): string {
  const place = placeOf(problem.path, locale);
  const what = WHAT[problem.code](problem.detail, locale);
  return locale === 'zh-CN' ? `${place}：${what}` : `${place}: ${what}`;
}
