import { LOCALES } from '../refusals/labels';
import type { Locale } from '../refusals/labels';
import { formatOrderDate, placeholdersIn, renderLine, salutation } from './render';
import { scriptTexts } from './script-checks';
import { SCRIPT_LIBRARY } from './script-library';
import type { BilingualText, ScriptVariables } from './script-types';

const OPENER: BilingualText = {
  'zh-CN': '{称呼}好，我是{店铺}的售后{客服}。请问是{买家}本人吗？您{下单日期}购买的{商品}怎么样？',
  en: 'Hello {称呼}, this is {客服} at {店铺}. Am I speaking with {买家}? How is the {商品} you bought {下单日期}?',
};

const ALL: ScriptVariables = {
  称呼: '王先生',
  买家: 'tb_xiaowang',
  商品: '保温杯',
  下单日期: '3月5日',
  店铺: '暖暖家居',
  客服: '小李',
};

describe('renderLine', () => {
  it.each<[string, ScriptVariables, Locale, string]>([
    [
      'all variables, Chinese',
      ALL,
      'zh-CN',
      '王先生好，我是暖暖家居的售后小李。请问是tb_xiaowang本人吗？您3月5日购买的保温杯怎么样？',
    ],
    [
      'all variables, English',
      { ...ALL, 称呼: 'Mr Wang', 商品: 'travel mug', 下单日期: 'on 5 March', 店铺: 'Nuannuan Home', 客服: 'Li' },
      'en',
      'Hello Mr Wang, this is Li at Nuannuan Home. Am I speaking with tb_xiaowang? How is the travel mug you bought on 5 March?',
    ],
    [
      'no variables, Chinese',
      {},
      'zh-CN',
      '您好，我是本店的售后客服。请问是下单的买家本人吗？您之前购买的商品怎么样？',
    ],
    [
      'no variables, English',
      {},
      'en',
      'Hello there, this is your after-sales agent at our shop. Am I speaking with the buyer on this order? How is the item you bought recently?',
    ],
    [
      'blank and null values fall back too',
      { 称呼: '  ', 店铺: null, 客服: '小李' },
      'zh-CN',
      '您好，我是本店的售后小李。请问是下单的买家本人吗？您之前购买的商品怎么样？',
    ],
  ])('%s', (_name, variables, locale, expected) => {
    expect(renderLine(OPENER, variables, locale)).toBe(expected);
  });

  it('accepts a plain string and leaves unknown placeholders visible', () => {
    expect(renderLine('{店铺}：{优惠}', { 店铺: 'A店' }, 'zh-CN')).toBe('A店：{优惠}');
  });

  it('lists the placeholders a text uses', () => {
    expect(placeholdersIn(OPENER['zh-CN'])).toEqual(['称呼', '店铺', '客服', '买家', '下单日期', '商品']);
    expect(placeholdersIn('no placeholders')).toEqual([]);
  });

  it('renders every shipped text in both languages with no variables and no placeholder left', () => {
    for (const template of SCRIPT_LIBRARY) {
      for (const { text } of scriptTexts(template)) {
        for (const locale of LOCALES) {
          const rendered = renderLine(text, {}, locale);
          expect(rendered).not.toMatch(/[{}]/);
          expect(rendered).not.toMatch(/ {2}/);
        }
      }
    }
  });
});

describe('salutation', () => {
  it.each<[string | null, 'male' | 'female' | null | undefined, Locale, string]>([
    ['王', undefined, 'zh-CN', '您'],
    ['王', null, 'en', 'there'],
    [null, undefined, 'zh-CN', '您'],
    ['王', 'male', 'zh-CN', '王先生'],
    ['李', 'female', 'zh-CN', '李女士'],
    [' ', 'female', 'zh-CN', '女士'],
    ['Wang', 'male', 'en', 'Mr Wang'],
    ['Li', 'female', 'en', 'Ms Li'],
    [null, 'male', 'en', 'sir'],
  ])('%s, gender %s, %s → %s', (name, gender, locale, expected) => {
    expect(salutation(name, gender, locale)).toBe(expected);
  });

  it('reads naturally in a greeting', () => {
    expect(renderLine('{称呼}好', { 称呼: salutation('张') }, 'zh-CN')).toBe('您好');
    expect(renderLine('{称呼}好', { 称呼: salutation('张', 'female') }, 'zh-CN')).toBe('张女士好');
  });
});

describe('formatOrderDate', () => {
  it.each<[string, Locale, string]>([
    ['2026-03-04T18:30:00Z', 'zh-CN', '3月5日'],
    ['2026-03-04T18:30:00Z', 'en', 'on 5 March'],
    ['2026-12-31T03:00:00Z', 'zh-CN', '12月31日'],
  ])('%s in %s is %s (China time)', (iso, locale, expected) => {
    expect(formatOrderDate(new Date(iso), locale)).toBe(expected);
  });
});
