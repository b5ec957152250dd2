/** The shortest new password, counted in characters after trimming spaces at both ends. */
export const MIN_PASSWORD_LENGTH = 10;

export type PasswordWeakness = 'too_short' | 'like_username' | 'too_common';

/**
 * Passwords of at least MIN_PASSWORD_LENGTH characters that lead the leaked-password lists (in
 * China and elsewhere), plus the demo password; compared lower-cased and trimmed. A short list on
 * purpose: length does most of the work, this only stops the first guesses an attacker tries.
 */
const COMMON_PASSWORDS: ReadonlySet<string> = new Set([
  '1234567890',
  '0123456789',
  '0987654321',
  '9876543210',
  '12345678910',
  '123456789a',
  'a123456789',
  'a1234567890',
  'aa123456789',
  'qq123456789',
  '1234567890a',
  '123456789abc',
  'abc1234567',
  'abcd123456',
  'abcd1234567',
  'abcdefghij',
  'abc123456789',
  '123123123123',
  '1234512345',
  '1234554321',
  '147258369',
  '1472583690',
  '1qaz2wsx3edc',
  '1qaz2wsx3edc4rfv',
  '1q2w3e4r5t',
  '1q2w3e4r5t6y',
  'q1w2e3r4t5',
  'qwertyuiop',
  'qwerty1234',
  'qwerty123456',
  'qweasdzxc123',
  '123qweasdzxc',
  'asdfghjkl1',
  'asdfghjkl;',
  'zxcvbnm123',
  'password12',
  'password123',
  'password1234',
  'passw0rd123',
  'p@ssw0rd123',
  'iloveyou123',
  'woaini1314',
  'woaini5201314',
  '5201314520',
  '1314520520',
  'admin12345',
  'admin123456',
  'administrator',
  'welcome123',
  'welcome1234',
  'changeme123',
  'letmein123',
  'sunshine123',
  'football123',
  'chaping-demo',
  'chaping123456',
]);

/** One character over and over, or a run of consecutive digits or letters (0123456789, abcdefghij). */
function isTrivialRun(value: string): boolean {
  const codes = [...value].map((character) => character.codePointAt(0) ?? 0);
  const steps = new Set(codes.slice(1).map((code, index) => code - (codes[index] ?? 0)));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0] ?? 2);
}

/**
 * Why a new password is refused, or null: shorter than MIN_PASSWORD_LENGTH once trimmed (so ten
 * spaces are refused), containing the username, or one of the first passwords a guesser tries.
 */
export function passwordWeakness(password: string, username: string): PasswordWeakness | null {
  const trimmed = password.trim();
  if ([...trimmed].length < MIN_PASSWORD_LENGTH) return 'too_short';
  const lower = trimmed.toLowerCase();
  if (username.length > 0 && lower.includes(username.trim().toLowerCase())) return 'like_username';
  if (COMMON_PASSWORDS.has(lower) || isTrivialRun(lower)) return 'too_common';
  return null;
}
