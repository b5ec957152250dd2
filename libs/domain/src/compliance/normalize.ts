import { simplifiedChar } from './traditional';

/**
 * A text as the rules read it, with the way back to the original: `starts[i]` is the index in
 * `original` of the character that produced `text[i]` (and `starts[text.length]` is
 * `original.length`), so a finding can point at — or mask — the words the person typed.
 */
export interface NormalizedText {
  readonly original: string;
  readonly text: string;
  readonly starts: readonly number[];
}

/** Capital (大写) numerals written on amounts to dodge a filter, and 圆 for 元. */
const CHARACTER_FORMS: Readonly<Record<string, string>> = {
  壹: '一',
  贰: '二',
  貳: '二',
  叁: '三',
  參: '三',
  肆: '四',
  伍: '五',
  陆: '六',
  陸: '六',
  柒: '七',
  捌: '八',
  玖: '九',
  拾: '十',
  佰: '百',
  仟: '千',
  圆: '元',
  '⭐': '星',
  '★': '星',
  '☆': '星',
  '🌟': '星',
  '￥': '¥',
};

/** Circled and other enclosed digits NFKC leaves alone or turns into several characters. */
const ENCLOSED_DIGITS = '⓪①②③④⑤⑥⑦⑧⑨';

/** Marks people put between the characters of a word to slip past a filter ("差.评", "删-除"). */
const FILLER = /[\s.·•*_\-~'"`|/\\+=^…]/u;
const SPACE = /\s/u;
const HAN = /\p{Script=Han}/u;
const DIGIT = /[0-9]/;

/**
 * Whether a run of filler between two characters is an obfuscation to drop: between Han characters
 * and digits in any mix ("删 除", "1 3 8-1234", "返 5 元"), except a decimal point between digits.
 * Clause punctuation (，。) is never filler, so a sentence still ends where it ends; Latin words keep
 * one space between them.
 */
function dropsSeparators(before: string, run: string, after: string): boolean {
  const closes = (char: string) => HAN.test(char) || DIGIT.test(char);
  if (!closes(before) || !closes(after)) return false;
  return !(DIGIT.test(before) && DIGIT.test(after) && run === '.');
}

function foldChar(char: string): string {
  const enclosed = ENCLOSED_DIGITS.indexOf(char);
  if (enclosed >= 0) return String(enclosed);
  return [...char.normalize('NFKC').toLowerCase()]
    .map(simplifiedChar)
    .map((folded) => CHARACTER_FORMS[folded] ?? folded)
    .join('');
}

/**
 * NFKC (full-width → half-width), lower case, traditional → simplified for the characters the
 * rules read, capital numerals and star symbols folded, and the separators people put inside a
 * word or a number dropped ("1 3 8-1234 5678", "删 除", "差.评").
 */
export function normalizeText(original: string): NormalizedText {
  const folded: Array<{ char: string; at: number }> = [];
  let index = 0;
  for (const char of original) {
    for (const piece of foldChar(char)) folded.push({ char: piece, at: index });
    index += char.length;
  }

  let text = '';
  const starts: number[] = [];
  for (let i = 0; i < folded.length;) {
    const current = folded[i] as { char: string; at: number };
    if (!FILLER.test(current.char) || text.length === 0) {
      text += current.char;
      starts.push(current.at);
      i += 1;
      continue;
    }
    let j = i;
    while (j < folded.length && FILLER.test((folded[j] as { char: string }).char)) j += 1;
    const run = folded
      .slice(i, j)
      .map((entry) => entry.char)
      .join('');
    const next = folded[j];
    const before = text.charAt(text.length - 1);
    if (next !== undefined && dropsSeparators(before, run, next.char)) {
      i = j;
      continue;
    }
    // Keep the run, but as one space when it is only whitespace.
    if ([...run].every((char) => SPACE.test(char))) {
      text += ' ';
      starts.push(current.at);
    } else {
      for (const entry of folded.slice(i, j)) {
        text += entry.char;
        starts.push(entry.at);
      }
    }
    i = j;
  }
  starts.push(original.length);
  return { original, text: spelledDigitsAsDigits(text), starts };
}

const SPELLED_DIGITS: Readonly<Record<string, string>> = {
  〇: '0',
  零: '0',
  一: '1',
  幺: '1',
  二: '2',
  两: '2',
  三: '3',
  四: '4',
  五: '5',
  六: '6',
  七: '7',
  八: '8',
  九: '9',
};

/**
 * A phone or account number read out digit by digit in characters (一三八一二三四五六七八): runs of
 * seven or more are digits to the rules. Shorter runs stay words (一一对应, 三五天). One character
 * for one, so the offsets back to the original hold.
 */
function spelledDigitsAsDigits(text: string): string {
  return text.replace(/[〇零一幺二两三四五六七八九]{7,}/gu, (run) =>
    [...run].map((char) => SPELLED_DIGITS[char]).join(''),
  );
}

/** The span of the original text that produced `text.slice(start, end)` of a normalised text. */
export function originalSpan(normalized: NormalizedText, start: number, end: number): { start: number; end: number } {
  const from = normalized.starts[start] ?? normalized.original.length;
  // The end is where the last normalised character's original character ends.
  const last = normalized.starts[end - 1];
  if (last === undefined || end <= start) return { start: from, end: from };
  const lastChar = String.fromCodePoint(normalized.original.codePointAt(last) ?? 0);
  return { start: from, end: last + lastChar.length };
}
