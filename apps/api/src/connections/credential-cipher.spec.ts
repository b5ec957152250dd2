import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

import { keyringOf, loadConnectionKeyring, open, seal } from './credential-cipher';

describe('credential cipher', () => {
  const first = randomBytes(32);
  const second = randomBytes(32);

  it('seals so that only the same key and connection open it, and never in clear', () => {
    const keyring = keyringOf(first);
    const sealed = seal(keyring, 'app-secret-123', 'connection-a');
    expect(sealed.ciphertext).not.toContain('app-secret');
    expect(Buffer.from(sealed.ciphertext, 'base64').toString('latin1')).not.toContain('app-secret');
    expect(open(keyring, sealed, 'connection-a')).toBe('app-secret-123');
    expect(() => open(keyring, sealed, 'connection-b')).toThrow();
    expect(() => open(keyringOf(second), { ...sealed, keyId: keyringOf(second).currentId }, 'connection-a')).toThrow();
    const tampered = Buffer.from(sealed.ciphertext, 'base64');
    tampered.writeUInt8((tampered.at(-1) ?? 0) ^ 1, tampered.length - 1);
    expect(() => open(keyring, { ...sealed, ciphertext: tampered.toString('base64') }, 'connection-a')).toThrow();
  });

  it('opens what an earlier key sealed after a rotation, and seals with the new key', () => {
    const sealed = seal(keyringOf(first), 'secret', 'c');
    const rotated = keyringOf(second, [first]);
    expect(open(rotated, sealed, 'c')).toBe('secret');
    expect(seal(rotated, 'secret', 'c').keyId).toBe(rotated.currentId);
    expect(rotated.currentId).not.toBe(sealed.keyId);
    expect(() => open(keyringOf(second), sealed, 'c')).toThrow(/no key with id/);
  });

  it('reads CONNECTION_KEY, refuses a key of the wrong size, and keeps a dev key in the data folder', () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'chaping-keys-'));
    const env = { CONNECTION_KEY: first.toString('base64'), CONNECTION_PREVIOUS_KEYS: second.toString('base64') };
    const fromEnv = loadConnectionKeyring(env, { production: true, dataDir });
    expect(fromEnv?.currentId).toBe(keyringOf(first).currentId);
    expect(fromEnv?.keys.size).toBe(2);
    expect(() => loadConnectionKeyring({ CONNECTION_KEY: 'c2hvcnQ=' }, { production: false, dataDir })).toThrow(
      /32 random bytes/,
    );
    expect(loadConnectionKeyring({}, { production: true, dataDir })).toBeNull();
    const dev = loadConnectionKeyring({}, { production: false, dataDir });
    expect(loadConnectionKeyring({}, { production: false, dataDir })?.currentId).toBe(dev?.currentId);
    const file = path.join(dataDir, 'connection-key');
    expect(Buffer.from(readFileSync(file, 'utf8'), 'base64')).toHaveLength(32);
    expect(statSync(file).mode & 0o777).toBe(0o600);
  });
});
