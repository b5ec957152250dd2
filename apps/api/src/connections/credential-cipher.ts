import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/**
 * Shop credentials sealed with AES-256-GCM. Each ciphertext carries the id of the key that sealed
 * it (a digest of the key, never the key), so after a rotation the old rows still open with the
 * previous key until they are sealed again with the current one.
 */
export interface ConnectionKeyring {
  readonly currentId: string;
  readonly keys: ReadonlyMap<string, Buffer>;
}

export class ConnectionKeyError extends Error {}

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;

/** The id stored beside a ciphertext: the first 12 hex digits of the key's SHA-256. */
export const keyIdOf = (key: Buffer): string => createHash('sha256').update(key).digest('hex').slice(0, 12);

function decodeKey(name: string, text: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== KEY_BYTES) {
    throw new ConnectionKeyError(
      `${name} must be ${KEY_BYTES} random bytes in base64 (e.g. \`openssl rand -base64 32\`)`,
    );
  }
  return key;
}

export function keyringOf(current: Buffer, previous: readonly Buffer[] = []): ConnectionKeyring {
  const keys = new Map<string, Buffer>();
  for (const key of [current, ...previous]) keys.set(keyIdOf(key), key);
  return { currentId: keyIdOf(current), keys };
}

/**
 * `CONNECTION_KEY` (base64, 32 bytes) seals new credentials; `CONNECTION_PREVIOUS_KEYS` (comma
 * separated) still opens older ones. Without a key, outside production, a key is made once and
 * kept in `<dataDir>/connection-key` (mode 600) like the embedded database's files; in production
 * there is then no keyring and connections cannot be saved.
 */
export function loadConnectionKeyring(
  env: NodeJS.ProcessEnv,
  options: { production: boolean; dataDir: string },
): ConnectionKeyring | null {
  const previous = (env['CONNECTION_PREVIOUS_KEYS'] ?? '')
    .split(',')
    .filter((text) => text.trim() !== '')
    .map((text) => decodeKey('CONNECTION_PREVIOUS_KEYS', text));
  const given = env['CONNECTION_KEY']?.trim();
  if (given) return keyringOf(decodeKey('CONNECTION_KEY', given), previous);
  if (options.production) return null;
  const file = path.join(options.dataDir, 'connection-key');
  mkdirSync(options.dataDir, { recursive: true });
  try {
    writeFileSync(file, randomBytes(KEY_BYTES).toString('base64'), { flag: 'wx', mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  return keyringOf(decodeKey(file, readFileSync(file, 'utf8')), previous);
}

export interface Sealed {
  keyId: string;
  ciphertext: string;
}

/** Seals text with the current key; `context` (the connection id) is bound in, so a ciphertext moved to another row does not open. */
export function seal(keyring: ConnectionKeyring, plaintext: string, context: string): Sealed {
  const key = keyring.keys.get(keyring.currentId) as Buffer;
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return {
    keyId: keyring.currentId,
    ciphertext: Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64'),
  };
}

export function open(keyring: ConnectionKeyring, sealed: Sealed, context: string): string {
  const key = keyring.keys.get(sealed.keyId);
  if (!key)
    throw new ConnectionKeyError(`no key with id ${sealed.keyId} (was CONNECTION_PREVIOUS_KEYS emptied too early?)`);
  const raw = Buffer.from(sealed.ciphertext, 'base64');
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  return Buffer.concat([decipher.update(raw.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
}
