import { LOCALES } from '../refusals/labels';
import { BUYER_TYPES, CONTACT_CHANNELS, ROOT_CAUSES, STAGES } from '../shared/vocabulary';
import { BUYER_REACTIONS, STEP_CONDITIONS } from './script-types';

type Json = Record<string, unknown>;

const isObject = (value: unknown): value is Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const isText = (value: unknown): boolean =>
  isObject(value) &&
  LOCALES.every((locale) => typeof value[locale] === 'string') &&
  Object.keys(value).length === LOCALES.length;
const isId = (value: unknown): boolean => typeof value === 'string' && /^[a-z0-9._-]{1,80}$/.test(value);
const oneOf = (list: readonly string[], value: unknown) => typeof value === 'string' && list.includes(value);

/**
 * Whether submitted JSON has the shape of a ScriptTemplate (a lead's edit arrives as JSON); the
 * content rules are checkScriptTemplate's. Returns the problems as "path: what is wrong".
 */
export function scriptTemplateShapeProblems(value: unknown): string[] {
  const problems: string[] = [];
  const need = (ok: boolean, path: string, what: string) => {
    if (!ok) problems.push(`${path}: ${what}`);
  };
  const texts = (list: unknown, path: string) => {
    need(Array.isArray(list) && list.every(isText), path, 'must be a list of { "zh-CN", "en" } texts');
  };
  if (!isObject(value)) return ['template: must be an object'];
  need(isId(value['id']), 'id', 'must be lower-case letters, digits, . _ -');
  need(Number.isInteger(value['version']), 'version', 'must be a whole number');
  need(oneOf(STAGES, value['stage']), 'stage', 'must be a workflow stage');
  const causes = value['rootCauses'];
  need(
    causes === 'any' || (Array.isArray(causes) && causes.every((cause) => oneOf(ROOT_CAUSES, cause))),
    'rootCauses',
    'must be "any" or root causes',
  );
  const buyers = value['buyerTypes'];
  need(
    buyers === 'any' || (Array.isArray(buyers) && buyers.every((type) => oneOf(BUYER_TYPES, type))),
    'buyerTypes',
    'must be "any" or buyer types',
  );
  need(isText(value['title']), 'title', 'must be a { "zh-CN", "en" } text');
  const steps = value['steps'];
  if (!Array.isArray(steps)) return [...problems, 'steps: must be a list'];
  steps.forEach((step: unknown, index) => {
    const path = `steps[${index}]`;
    if (!isObject(step)) return problems.push(`${path}: must be an object`);
    need(isId(step['id']), `${path}.id`, 'must be lower-case letters, digits, . _ -');
    need(isText(step['title']), `${path}.title`, 'must be a { "zh-CN", "en" } text');
    need(
      step['channel'] === undefined || oneOf(CONTACT_CHANNELS, step['channel']),
      `${path}.channel`,
      'must be a channel',
    );
    need(
      step['onlyIf'] === undefined || oneOf(STEP_CONDITIONS, step['onlyIf']),
      `${path}.onlyIf`,
      'must be a known condition',
    );
    texts(step['lines'], `${path}.lines`);
    texts(step['tips'], `${path}.tips`);
    const checks = step['checks'];
    need(
      Array.isArray(checks) && checks.every((check) => isObject(check) && isId(check['id']) && isText(check['text'])),
      `${path}.checks`,
      'must be a list of { id, text }',
    );
    const branches = step['branches'];
    if (!isObject(branches)) return problems.push(`${path}.branches: must be an object`);
    for (const [reaction, branch] of Object.entries(branches)) {
      const at = `${path}.branches.${reaction}`;
      need(oneOf(BUYER_REACTIONS, reaction), at, 'is not a buyer reaction');
      if (!isObject(branch)) {
        problems.push(`${at}: must be an object`);
        continue;
      }
      texts(branch['lines'], `${at}.lines`);
      if (branch['tips'] !== undefined) texts(branch['tips'], `${at}.tips`);
      need(
        branch['suggests'] === undefined || typeof branch['suggests'] === 'string',
        `${at}.suggests`,
        'must be text',
      );
    }
    return undefined;
  });
  return problems;
}
