import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { SecretBox, SecretBoxError } from './secret-box';

const key = (id: string) => ({ id, key: randomBytes(32) });

describe('SecretBox', () => {
  it('opens what it sealed, with a fresh nonce each time and no plain text inside', () => {
    const box = new SecretBox([key('k1')]);
    const first = box.seal('SEC-robot-secret');
    const second = box.seal('SEC-robot-secret');
    expect(first).not.toBe(second);
    expect(first).not.toContain('SEC-robot-secret');
    expect(first.startsWith('v1.k1.')).toBe(true);
    expect(box.open(first)).toBe('SEC-robot-secret');
  });

  it('reads values sealed with an older key after a rotation, and seals with the new one', () => {
    const old = key('k1');
    const sealedBefore = new SecretBox([old]).seal('before rotation');
    const rotated = new SecretBox([key('k2'), old]);
    expect(rotated.open(sealedBefore)).toBe('before rotation');
    expect(SecretBox.keyIdOf(rotated.seal('after'))).toBe('k2');
    expect(() => new SecretBox([key('k2')]).open(sealedBefore)).toThrow(/key "k1", which is not configured/);
  });

  it('refuses a value that was tampered with', () => {
    const box = new SecretBox([key('k1')]);
    const parts = box.seal('tamper me').split('.');
    parts[4] = Buffer.from('tampered!').toString('base64url');
    expect(() => box.open(parts.join('.'))).toThrow(SecretBoxError);
  });

  it('parses SECRET_BOX_KEYS and checks the key length', () => {
    const text = `new:${randomBytes(32).toString('base64')}, old:${randomBytes(32).toString('base64')}`;
    expect(
      SecretBox.fromEnvironment({ SECRET_BOX_KEYS: text }, { production: true, keyFile: '/nonexistent' }).currentKeyId,
    ).toBe('new');
    expect(() => SecretBox.parseKeys('nokey')).toThrow(SecretBoxError);
    expect(() => new SecretBox(SecretBox.parseKeys(`k:${randomBytes(16).toString('base64')}`))).toThrow(/32 bytes/);
  });

  it('refuses to start in production without keys', () => {
    expect(() => SecretBox.fromEnvironment({}, { production: true, keyFile: '/nonexistent' })).toThrow(
      /SECRET_BOX_KEYS is required/,
    );
  });

  it('generates one development key file, readable only by its owner, and reuses it', () => {
    const keyFile = path.join(mkdtempSync(path.join(os.tmpdir(), 'secret-box-')), 'nested', 'secret-box.keys');
    const first = SecretBox.fromEnvironment({}, { production: false, keyFile });
    const second = SecretBox.fromEnvironment({}, { production: false, keyFile });
    expect(second.open(first.seal('shared'))).toBe('shared');
    expect(readFileSync(keyFile, 'utf8')).toMatch(/^dev:/);
    expect(statSync(keyFile).mode & 0o077).toBe(0);
  });
});
