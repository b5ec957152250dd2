import { canMoveAlongEdge, CLOSING_STAGES } from '../case/stages';
import { findBenefit, findReviewLink } from '../compliance/rules';
import { LOCALES } from '../refusals/labels';
import { STAGES } from '../shared/vocabulary';
import type { Stage } from '../shared/vocabulary';
import { placeholdersIn } from './render';
import { SCRIPT_ACTIONS, SCRIPT_VARIABLES } from './script-types';
import type { BilingualText, ScriptLibrary, ScriptSuggestion, ScriptTemplate } from './script-types';

/** Whether a text is read out to the buyer (or published) or is guidance for the agent only. */
export type ScriptTextKind = 'spoken' | 'guidance';

export interface ScriptText {
  /** Where the text sits, e.g. `steps[1].branches.angry.lines[0]`. */
  readonly path: string;
  readonly kind: ScriptTextKind;
  readonly text: BilingualText;
}

/** Every text of a template, with where it sits and whether the buyer hears it. */
export function scriptTexts(template: ScriptTemplate): ScriptText[] {
  const texts: ScriptText[] = [{ path: 'title', kind: 'guidance', text: template.title }];
  template.steps.forEach((step, s) => {
    const at = `steps[${s}]`;
    texts.push({ path: `${at}.title`, kind: 'guidance', text: step.title });
    step.lines.forEach((text, i) => texts.push({ path: `${at}.lines[${i}]`, kind: 'spoken', text }));
    step.tips.forEach((text, i) => texts.push({ path: `${at}.tips[${i}]`, kind: 'guidance', text }));
    step.checks.forEach((check, i) => texts.push({ path: `${at}.checks[${i}]`, kind: 'guidance', text: check.text }));
    for (const [reaction, branch] of Object.entries(step.branches)) {
      branch.lines.forEach((text, i) =>
        texts.push({ path: `${at}.branches.${reaction}.lines[${i}]`, kind: 'spoken', text }),
      );
      branch.tips?.forEach((text, i) =>
        texts.push({ path: `${at}.branches.${reaction}.tips[${i}]`, kind: 'guidance', text }),
      );
    }
  });
  return texts;
}

/** Words that name the review or the rating itself. */
const REVIEW_WORDS = /评价|评论|差评|中评|追评|评分|打分|星级|\breviews?\b|\bratings?\b|\brate\b|\bstars?\b/i;

/** Guidance may name a benefit and the review together only to forbid linking them. */
const PROHIBITION = /不得|不要|不能|绝不|禁止|切勿|不可|不附带|\bnever\b|\bdo not\b|\bdon't\b|\bmust not\b/i;

export const mentionsReview = (text: string): string | null => REVIEW_WORDS.exec(text)?.[0] ?? null;

export type ScriptProblemCode =
  | 'bad_version'
  | 'no_steps'
  | 'duplicate_step_id'
  | 'duplicate_check_id'
  | 'duplicate_version'
  | 'missing_translation'
  | 'unknown_placeholder'
  | 'placeholder_mismatch'
  | 'review_link'
  | 'benefit_with_review'
  | 'unknown_suggestion'
  | 'unreachable_suggestion';

export interface ScriptProblem {
  readonly templateId: string;
  readonly version: number;
  readonly path: string;
  readonly code: ScriptProblemCode;
  readonly detail: string;
}

/**
 * Everything wrong with one template: what a lead's edit must pass before it becomes a new version.
 * Compliance (DESIGN §4): no text may use wording that ties a benefit to a rating (findReviewLink);
 * a text the buyer hears never names a benefit and the review together; guidance may do so only to forbid it.
 */
export function checkScriptTemplate(template: ScriptTemplate): ScriptProblem[] {
  const problems: ScriptProblem[] = [];
  const problem = (path: string, code: ScriptProblemCode, detail: string) =>
    problems.push({ templateId: template.id, version: template.version, path, code, detail });

  if (!Number.isInteger(template.version) || template.version < 1) {
    problem('version', 'bad_version', String(template.version));
  }
  if (template.steps.length === 0) problem('steps', 'no_steps', template.id);

  const stepIds = new Set<string>();
  const checkIds = new Set<string>();
  template.steps.forEach((step, s) => {
    if (stepIds.has(step.id)) problem(`steps[${s}].id`, 'duplicate_step_id', step.id);
    stepIds.add(step.id);
    step.checks.forEach((check, c) => {
      if (checkIds.has(check.id)) problem(`steps[${s}].checks[${c}].id`, 'duplicate_check_id', check.id);
      checkIds.add(check.id);
    });
    for (const [reaction, branch] of Object.entries(step.branches)) {
      if (branch.suggests === undefined) continue;
      const path = `steps[${s}].branches.${reaction}.suggests`;
      const reachable = suggestionReachable(template.stage, branch.suggests);
      if (reachable === null) problem(path, 'unknown_suggestion', branch.suggests);
      else if (!reachable) problem(path, 'unreachable_suggestion', `${template.stage} → ${branch.suggests}`);
    }
  });

  for (const { path, kind, text } of scriptTexts(template)) {
    for (const locale of LOCALES) {
      if (text[locale].trim() === '') problem(`${path}.${locale}`, 'missing_translation', locale);
      for (const name of placeholdersIn(text[locale])) {
        if (!(SCRIPT_VARIABLES as readonly string[]).includes(name)) {
          problem(`${path}.${locale}`, 'unknown_placeholder', name);
        }
      }
      const link = findReviewLink(text[locale]);
      if (link) problem(`${path}.${locale}`, 'review_link', link.phrase);
      const benefit = findBenefit(text[locale]);
      const review = mentionsReview(text[locale]);
      if (benefit && review && (kind === 'spoken' || !PROHIBITION.test(text[locale]))) {
        problem(`${path}.${locale}`, 'benefit_with_review', `${benefit} + ${review}`);
      }
    }
    const zh = placeholdersIn(text['zh-CN']).sort().join(',');
    const en = placeholdersIn(text.en).sort().join(',');
    if (zh !== en) problem(path, 'placeholder_mismatch', `zh-CN {${zh}} ≠ en {${en}}`);
  }
  return problems;
}

/** Problems of every template, plus an id and version used twice. */
export function checkScriptLibrary(library: ScriptLibrary): ScriptProblem[] {
  const seen = new Set<string>();
  const problems: ScriptProblem[] = [];
  for (const template of library) {
    const key = `${template.id}@${template.version}`;
    if (seen.has(key)) {
      problems.push({
        templateId: template.id,
        version: template.version,
        path: 'version',
        code: 'duplicate_version',
        detail: key,
      });
    }
    seen.add(key);
    problems.push(...checkScriptTemplate(template));
  }
  return problems;
}

/** Null for a suggestion that is neither a stage nor an action; otherwise whether the case can follow it. */
function suggestionReachable(from: Stage, suggestion: ScriptSuggestion): boolean | null {
  if ((SCRIPT_ACTIONS as readonly string[]).includes(suggestion)) return true;
  if (!(STAGES as readonly string[]).includes(suggestion)) return null;
  const to = suggestion as Stage;
  return canMoveAlongEdge(from, to) || (to === 'recorded' && CLOSING_STAGES.includes(from));
}
