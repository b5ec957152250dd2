import { checkPolicy, type PolicyProblem } from './policy-check';
import { DEFAULT_POLICY, type Policy } from './policy-config';

/**
 * The sections a shop's lead may set for that shop; the others belong to the whole organisation
 * (admins only): personal-data retention is a legal duty of the seller as a whole (PIPL), not of
 * one shop, and the assignment and KPI weights score agents who work several shops on one scale.
 */
export const SHOP_POLICY_SECTIONS = ['contact', 'compensation', 'reply', 'sla', 'platforms'] as const;
export type ShopPolicySection = (typeof SHOP_POLICY_SECTIONS)[number];

type DeepPartial<T> = T extends object ? { [K in keyof T]?: DeepPartial<T[K]> } : T;

/** A shop's own values: only those it sets, every other value inherited from the organisation. */
export type PolicyOverride = { [S in ShopPolicySection]?: DeepPartial<Policy[S]> };

/** Where a value in force comes from: the shop's override, the organisation's default, or the product's. */
export type PolicyOrigin = 'shop' | 'organisation' | 'default';

/** The levels of one shop's policy, as stored: either may be missing. */
export interface PolicyLevels {
  /** The organisation's policy as admins saved it (older saves may lack newer sections). */
  readonly organisation: Partial<Policy> | null;
  readonly shop: PolicyOverride | null;
}

type Tree = Record<string, unknown>;

const isTree = (value: unknown): value is Tree => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Copies `over` onto `base` value by value; own properties only, so a `__proto__` key stays data. */
function overlay(base: unknown, over: unknown): unknown {
  if (!isTree(base) || !isTree(over)) return over === undefined ? base : over;
  const result: Tree = {};
  for (const key of new Set([...Object.keys(base), ...Object.keys(over)])) {
    const value = Object.prototype.hasOwnProperty.call(over, key) ? overlay(base[key], over[key]) : base[key];
    Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
  }
  return result;
}

/** The policy in force for a shop: each value from the shop, else the organisation, else the product default. */
export function resolvePolicy({ organisation, shop }: PolicyLevels): Policy {
  return overlay(overlay(DEFAULT_POLICY, organisation ?? {}), shop ?? {}) as Policy;
}

const hasPath = (tree: unknown, path: readonly string[]): boolean => {
  let node = tree;
  for (const key of path) {
    if (!isTree(node) || !Object.prototype.hasOwnProperty.call(node, key)) return false;
    node = node[key];
  }
  return true;
};

function leafPaths(tree: unknown, prefix: string[] = []): string[][] {
  if (!isTree(tree)) return [prefix];
  return Object.keys(tree).flatMap((key) => leafPaths(tree[key], [...prefix, key]));
}

/** For every value of the policy (dotted path), the level it comes from: what the settings page marks as inherited. */
export function policyOrigins(levels: PolicyLevels): Record<string, PolicyOrigin> {
  const origins: Record<string, PolicyOrigin> = {};
  for (const path of leafPaths(DEFAULT_POLICY)) {
    origins[path.join('.')] = hasPath(levels.shop, path)
      ? 'shop'
      : hasPath(levels.organisation, path)
        ? 'organisation'
        : 'default';
  }
  return origins;
}

/** Keys the defaults do not have as their own (`in` would accept `__proto__`). */
function unknownFields(candidate: unknown, template: unknown, path: string[]): string[] {
  if (!isTree(candidate) || !isTree(template)) return [];
  return Object.keys(candidate).flatMap((key) =>
    Object.prototype.hasOwnProperty.call(template, key)
      ? unknownFields(candidate[key], template[key], [...path, key])
      : [[...path, key].join('.')],
  );
}

/** Whether a dotted path names a value a shop may set for itself. */
export const isShopPolicyField = (field: string): boolean =>
  (SHOP_POLICY_SECTIONS as readonly string[]).includes(field.split('.')[0] ?? '');

/**
 * Whether a shop's override may be put in force: only the shop's sections, and the policy it
 * results in (with the organisation's values beneath) still inside every legal line — the lines
 * are checked on each level, so neither an admin nor a lead can step over them.
 */
export function checkPolicyOverride(candidate: unknown, organisation: Partial<Policy> | null): PolicyProblem[] {
  if (!isTree(candidate)) return [{ field: '', message: 'must be an object', messageZh: '须为一组设置' }];
  const outside: PolicyProblem[] = Object.keys(candidate)
    .filter((section) => !isShopPolicyField(section))
    .map((section) => ({
      field: section,
      message: 'is set for the whole organisation by an admin, not per shop',
      messageZh: '由管理员为整个组织设置，不能按店铺设置',
    }));
  if (outside.length > 0) return outside;
  const unknown = unknownFields(candidate, DEFAULT_POLICY, []).map((field) => ({
    field,
    message: 'is not a policy setting',
    messageZh: '不是政策设置项',
  }));
  if (unknown.length > 0) return unknown;
  return checkPolicy(resolvePolicy({ organisation, shop: candidate as PolicyOverride }));
}

const valueAt = (tree: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((node, key) => (isTree(node) ? node[key] : undefined), tree);

/** The dotted paths of the values an override sets. */
export const overriddenFields = (override: PolicyOverride): string[] =>
  leafPaths(override)
    .filter((path) => path.length > 0)
    .map((path) => path.join('.'));

/**
 * The override a shop's settings page saves: the values the shop keeps setting itself (`kept`:
 * those it set before and were not reset) and every value edited away from the inherited one.
 */
export function shopOverrideFrom(edited: Policy, inherited: Policy, kept: readonly string[]): PolicyOverride {
  const result: Tree = {};
  for (const path of leafPaths(DEFAULT_POLICY)) {
    const field = path.join('.');
    if (!isShopPolicyField(field)) continue;
    const value = valueAt(edited, path);
    if (!kept.includes(field) && value === valueAt(inherited, path)) continue;
    let node = result;
    for (const key of path.slice(0, -1)) node = (node[key] ??= {}) as Tree;
    node[path[path.length - 1] as string] = value;
  }
  return result as PolicyOverride;
}
