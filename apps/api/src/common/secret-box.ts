import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from 'node:fs';
import path from 'node:path';

/** One AES-256 key and the id stored beside everything it sealed, so keys can rotate. */
export interface SecretKey {
  id: string;
  key: Buffer;
}

export class SecretBoxError extends Error {}

/** The environment variable holding the keys: `id:base64key[,id:base64key…]`, the first one seals. */
export const SECRET_KEYS_ENV = 'SECRET_BOX_KEYS';
const FORMAT = 'v1';
const KEY_ID = /^[A-Za-z0-9_-]{1,32}$/;
const IV_BYTES = 12;

/**
 * Secrets at rest (robot signing secrets, marketplace credentials): AES-256-GCM with a fresh
 * nonce per value, sealed as `v1.<keyId>.<iv>.<tag>.<ciphertext>` (base64url). The key id lets an
 * operator add a new key in front and keep the old one for reading until every value is resealed.
 */
export class SecretBox {
  private readonly keys: Map<string, Buffer>;
  private readonly current: SecretKey;

  constructor(keys: SecretKey[]) {
    const [current] = keys;
    if (current === undefined) throw new SecretBoxError('a secret box needs at least one key');
    for (const { id, key } of keys) {
      if (!KEY_ID.test(id)) throw new SecretBoxError(`key id "${id}" must be 1–32 letters, digits, - or _`);
      if (key.length !== 32) throw new SecretBoxError(`key "${id}" must be 32 bytes (base64 of 32 random bytes)`);
    }
    this.current = current;
    this.keys = new Map(keys.map(({ id, key }) => [id, key]));
  }

  /** The id of the key new values are sealed with. */
  get currentKeyId(): string {
    return this.current.id;
  }

  seal(plain: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    const sealed = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [FORMAT, this.current.id, iv, cipher.getAuthTag(), sealed]
      .map((part) => (typeof part === 'string' ? part : part.toString('base64url')))
      .join('.');
  }

  open(sealed: string): string {
    const [format, keyId, iv, tag, body] = sealed.split('.');
    if (format !== FORMAT || keyId === undefined || iv === undefined || tag === undefined || body === undefined) {
      throw new SecretBoxError('not a sealed value');
    }
    const key = this.keys.get(keyId);
    if (key === undefined) throw new SecretBoxError(`sealed with key "${keyId}", which is not configured`);
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    try {
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString('utf8');
    } catch {
      throw new SecretBoxError(`a value sealed with key "${keyId}" failed its integrity check`);
    }
  }

  /** The key a sealed value was sealed with (to find values still to reseal after a rotation). */
  static keyIdOf(sealed: string): string | null {
    const [format, keyId] = sealed.split('.');
    return format === FORMAT && keyId ? keyId : null;
  }

  /** Parses `id:base64key[,id:base64key…]`. */
  static parseKeys(text: string): SecretKey[] {
    return text
      .split(',')
      .map((entry) => entry.trim())
      .filter((entry) => entry !== '')
      .map((entry) => {
        const colon = entry.indexOf(':');
        if (colon < 1)
          throw new SecretBoxError(`${SECRET_KEYS_ENV} entries are id:base64key, got "${entry.slice(0, 8)}…"`);
        return { id: entry.slice(0, colon), key: Buffer.from(entry.slice(colon + 1), 'base64') };
      });
  }

  /**
   * The box from `SECRET_BOX_KEYS`. Without it, production refuses to start; development and tests
   * use a key generated once into `keyFile` (created atomically, so parallel starts share one key).
   */
  static fromEnvironment(env: NodeJS.ProcessEnv, options: { production: boolean; keyFile: string }): SecretBox {
    const configured = env[SECRET_KEYS_ENV]?.trim();
    if (configured) return new SecretBox(SecretBox.parseKeys(configured));
    if (options.production) {
      throw new SecretBoxError(
        `${SECRET_KEYS_ENV} is required with NODE_ENV=production (e.g. k1:$(openssl rand -base64 32)); it encrypts stored secrets`,
      );
    }
    return new SecretBox(SecretBox.parseKeys(readOrCreateKeyFile(options.keyFile)));
  }
}

function readOrCreateKeyFile(keyFile: string): string {
  try {
    return readFileSync(keyFile, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  mkdirSync(path.dirname(keyFile), { recursive: true });
  const draft = `${keyFile}.${process.pid}.${randomBytes(4).toString('hex')}`;
  writeFileSync(draft, `dev:${randomBytes(32).toString('base64')}\n`, { mode: 0o600 });
  try {
    // link() fails when the file exists: whoever links first wins, everyone reads the winner's key.
    linkSync(draft, keyFile);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  } finally {
    unlinkSync(draft);
  }
  return readFileSync(keyFile, 'utf8');
}
