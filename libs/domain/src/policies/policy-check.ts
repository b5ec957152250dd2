import { LEGAL_QUIET_HOURS, windowCovers } from './contact-policy';
import { DEFAULT_POLICY, type Policy } from './policy-config';

export interface PolicyProblem {
  /** Dotted path, e.g. `contact.maxPhoneCallsPerCase`. */
  readonly field: string;
  /** What is wrong, in English (the API's validation message). */
  readonly message: string;
  /** The same, in Chinese, for the settings page. */
  readonly messageZh: string;
  /** A line the law or the marketplaces draw (not a malformed value): the API answers 422. */
  readonly legalLine?: true;
}

/** Platforms whose rules (since 2021) forbid sellers to ask for a review change at all. */
const NO_REVISION_REQUESTS = ['taobao', 'tmall', 'jd'] as const;
const CLOCK_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;

function compareShape(candidate: unknown, template: unknown, path: string, problems: PolicyProblem[]): void {
  if (typeof template === 'number') {
    if (typeof candidate !== 'number' || !Number.isInteger(candidate) || candidate < 0) {
      problems.push({ field: path, message: 'must be a whole number, 0 or more', messageZh: '须为不小于 0 的整数' });
    }
    return;
  }
  if (typeof template === 'boolean') {
    if (typeof candidate !== 'boolean')
      problems.push({ field: path, message: 'must be true or false', messageZh: '须为是或否' });
    return;
  }
  if (typeof template === 'string') {
    if (typeof candidate !== 'string' || !candidate.trim())
      problems.push({ field: path, message: 'must be text', messageZh: '不能为空' });
    else if (CLOCK_TIME.test(template) && !CLOCK_TIME.test(candidate)) {
      problems.push({ field: path, message: 'must be a time of day as HH:mm', messageZh: '须为 HH:mm 格式的时间' });
    }
    return;
  }
  if (typeof candidate !== 'object' || candidate === null || Array.isArray(candidate)) {
    problems.push({ field: path, message: 'must be an object', messageZh: '须为一组设置' });
    return;
  }
  const given = candidate as Record<string, unknown>;
  const expected = template as Record<string, unknown>;
  for (const key of Object.keys(expected))
    compareShape(given[key], expected[key], path ? `${path}.${key}` : key, problems);
  for (const key of Object.keys(given)) {
    if (!(key in expected))
      problems.push({
        field: path ? `${path}.${key}` : key,
        message: 'is not a policy setting',
        messageZh: '不是政策设置项',
      });
  }
}

/**
 * Whether a policy a lead submits may be put in force: the shape of the defaults, and the lines
 * the law and the marketplaces draw (DESIGN §4) — no more than 3 calls per case, calls at least an
 * hour apart, quiet hours covering at least 21:00–08:00, and no revision requests where the
 * platform forbids them.
 */
export function checkPolicy(candidate: unknown): PolicyProblem[] {
  const problems: PolicyProblem[] = [];
  compareShape(candidate, DEFAULT_POLICY, '', problems);
  if (problems.length > 0) return problems;
  const policy = candidate as Policy;
  if (policy.contact.maxPhoneCallsPerCase < 1 || policy.contact.maxPhoneCallsPerCase > 3) {
    problems.push({
      field: 'contact.maxPhoneCallsPerCase',
      legalLine: true,
      message: 'must be 1 to 3: calling a buyer again and again about a review is harassment',
      messageZh: '须为 1–3 次：为一条评价反复致电买家属于骚扰',
    });
  }
  if (policy.contact.minMinutesBetweenPhoneCalls < 60) {
    problems.push({
      field: 'contact.minMinutesBetweenPhoneCalls',
      legalLine: true,
      message: 'must be at least 60 minutes',
      messageZh: '两次电话至少间隔 60 分钟',
    });
  }
  if (!windowCovers(policy.contact.quietHours, LEGAL_QUIET_HOURS)) {
    const { start, end } = LEGAL_QUIET_HOURS;
    problems.push({
      field: 'contact.quietHours',
      legalLine: true,
      message: `quiet hours must cover at least ${start}–${end} in the buyer's time zone: they may be widened, never shortened`,
      messageZh: `须至少覆盖买家当地时间 ${start}–${end}：免打扰时段只能延长，不能缩短`,
    });
  }
  for (const platform of NO_REVISION_REQUESTS) {
    if (policy.platforms[platform].allowsRevisionRequest) {
      problems.push({
        field: `platforms.${platform}.allowsRevisionRequest`,
        legalLine: true,
        message: `must stay false: ${platform}'s rules forbid asking buyers to change a review`,
        messageZh: '须保持关闭：该平台规则禁止商家请求买家修改评价',
      });
    }
  }
  if (policy.privacy.retentionDaysAfterClose < 1) {
    problems.push({
      field: 'privacy.retentionDaysAfterClose',
      message: 'must be at least 1 day',
      messageZh: '至少保留 1 天',
    });
  }
  return problems;
}
