import type { Locale } from '../refusals/labels';
import { SHOP_TIME_ZONE } from '../shared/vocabulary';
import { SCRIPT_VARIABLES } from './script-types';
import type { BilingualText, ScriptVariable, ScriptVariables } from './script-types';

/**
 * What a placeholder renders as when the case does not know the value. Lines are written so that
 * the fallback still reads naturally: `{称呼}好` → 您好, `您{下单日期}购买的{商品}` → 您之前购买的商品,
 * `Hello {称呼}` → Hello there, `the {商品} you bought {下单日期}` → the item you bought recently.
 */
export const VARIABLE_FALLBACKS: Readonly<Record<ScriptVariable, BilingualText>> = {
  称呼: { 'zh-CN': '您', en: 'there' },
  买家: { 'zh-CN': '下单的买家', en: 'the buyer on this order' },
  商品: { 'zh-CN': '商品', en: 'item' },
  下单日期: { 'zh-CN': '之前', en: 'recently' },
  店铺: { 'zh-CN': '本店', en: 'our shop' },
  客服: { 'zh-CN': '客服', en: 'your after-sales agent' },
};

const PLACEHOLDER = /\{([^{}\s]+)\}/g;

const isScriptVariable = (name: string): name is ScriptVariable =>
  (SCRIPT_VARIABLES as readonly string[]).includes(name);

/** The placeholder names a text uses, in order of first use (known or not). */
export function placeholdersIn(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(PLACEHOLDER)) {
    const name = match[1];
    if (name !== undefined && !names.includes(name)) names.push(name);
  }
  return names;
}

/**
 * Fills the placeholders of one line in the given language. A missing or blank variable renders as
 * its neutral fallback; an unknown placeholder is left as written so that a template error shows.
 */
export function renderLine(text: BilingualText | string, variables: ScriptVariables, locale: Locale): string {
  const source = typeof text === 'string' ? text : text[locale];
  return source.replace(PLACEHOLDER, (whole, name: string) => {
    if (!isScriptVariable(name)) return whole;
    const value = variables[name]?.trim();
    return value ? value : VARIABLE_FALLBACKS[name][locale];
  });
}

export type KnownGender = 'male' | 'female';

/**
 * The form of address for `{称呼}`. Without a confirmed gender it is always the safe 您 / "there":
 * calling a buyer 先生 or 女士 on a guess is a common way to start a call badly.
 * `name` is how the buyer may be addressed (a surname they gave, e.g. 王), not a full real name.
 */
export function salutation(
  name: string | null | undefined,
  knownGender?: KnownGender | null,
  locale: Locale = 'zh-CN',
): string {
  const trimmed = name?.trim() ?? '';
  if (!knownGender) return VARIABLE_FALLBACKS.称呼[locale];
  if (locale === 'zh-CN') return `${trimmed}${knownGender === 'male' ? '先生' : '女士'}`;
  if (!trimmed) return knownGender === 'male' ? 'sir' : 'madam';
  return `${knownGender === 'male' ? 'Mr' : 'Ms'} ${trimmed}`;
}

/**
 * The order date as `{下单日期}` expects it: 3月5日 in Chinese, "on 5 March" in English
 * (the English lines read "the item you bought {下单日期}").
 */
export function formatOrderDate(date: Date, locale: Locale, timeZone = SHOP_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, day: 'numeric', month: 'numeric' }).formatToParts(date);
  const day = Number(parts.find((part) => part.type === 'day')?.value ?? '0');
  const month = Number(parts.find((part) => part.type === 'month')?.value ?? '0');
  if (locale === 'zh-CN') return `${month}月${day}日`;
  return `on ${day} ${MONTHS[month - 1] ?? ''}`;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
] as const;
