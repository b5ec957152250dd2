import { passwordWeakness } from './password-policy';

describe('new passwords (at least MIN_PASSWORD_LENGTH characters once trimmed)', () => {
  it.each([
    ['ten spaces', ' '.repeat(10), 'too_short'],
    ['nine characters padded with spaces', '   abcxyz123   ', 'too_short'],
    ['tabs and newlines only', '\t\n\t\n\t\n\t\n\t\n', 'too_short'],
    ['nine characters', 'a7#kq2!xz', 'too_short'],
    ['nine Chinese characters', '我的密码真的很安全', 'too_short'],
    ['the username inside', 'ana-is-my-name-2026', 'like_username'],
    ['the username in capitals', 'ANA-IS-my-name-2026', 'like_username'],
    ['a digit run', '1234567890', 'too_common'],
    ['a common keyboard walk', 'qwertyuiop', 'too_common'],
    ['a common one in capitals with spaces', '  PASSWORD123 ', 'too_common'],
    ['one character repeated', 'aaaaaaaaaaaa', 'too_common'],
    ['a letter run', 'abcdefghijkl', 'too_common'],
    ['the demo password', 'chaping-demo', 'too_common'],
    ['a long passphrase', 'correct horse battery', null],
    ['ten Chinese characters', '我的密码真的很安全啊', null],
    ['a random string', 'x7#Kq2!vz9Lm', null],
  ])('%s → %p', (_, password, weakness) => {
    expect(passwordWeakness(password, 'ana')).toBe(weakness);
  });
});
