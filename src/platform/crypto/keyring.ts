import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';
import { DATA_KEY_ID, type Config, type DataKey } from '../config.js';

export type KeyRingConfig = Pick<Config, 'dataKeys' | 'dataIndexKey'>;

export type DecryptionFailure = 'malformed' | 'unknown_key' | 'not_authentic';

/**
 * A token that cannot be decrypted. `not_authentic` covers a changed token, a wrong key under a known id
 * and the wrong context alike: AES-GCM cannot tell them apart, and the caller need not either.
 */
export class DecryptionError extends Error {
  override name = 'DecryptionError';
  constructor(
    readonly reason: DecryptionFailure,
    /** Safe to log: never part of the plaintext or a key. */
    readonly keyId?: string,
  ) {
    super(`cannot decrypt a data token: ${reason}${keyId === undefined ? '' : ` (key id "${keyId}")`}`);
  }
}

const VERSION = 'v1';
const IV_BYTES = 12;
const TAG_BYTES = 16;
const B64URL = /^[A-Za-z0-9_-]*$/;
const PURPOSE = /^[a-z0-9][a-z0-9_.:-]*$/;

interface Parsed {
  keyId: string;
  iv: Buffer;
  ciphertext: Buffer;
  tag: Buffer;
}

/**
 * Field encryption at rest with key rotation, and blind indexes for lookups on encrypted fields.
 *
 * Tokens read `v1.<keyId>.<iv>.<ciphertext>.<tag>` (base64url): AES-256-GCM under the current key
 * (the first of DATA_KEYS), with a fresh 12-byte IV each time and the caller's `context` as additional
 * authenticated data. The context names the field and its row (`identity.account.nik:<accountId>`), so a
 * token copied to another row or column does not decrypt there.
 *
 * Rotation: put the new key first in DATA_KEYS, let `reencrypt` move every token that `needsReencrypt`,
 * then drop the old key. The blind-index key (DATA_INDEX_KEY) is not part of that rotation.
 */
export class KeyRing {
  readonly currentKeyId: string;
  private readonly current: DataKey;
  private readonly keys: ReadonlyMap<string, Buffer>;
  private readonly indexKey: Buffer;
  private readonly purposeKeys = new Map<string, Buffer>();

  constructor(config: KeyRingConfig) {
    const [current] = config.dataKeys;
    if (!current) throw new Error('KeyRing needs at least one data key');
    for (const k of config.dataKeys) {
      if (!DATA_KEY_ID.test(k.id)) throw new Error(`KeyRing: key id "${k.id}" is not usable in a token`);
      if (k.key.length !== 32) throw new Error(`KeyRing: key "${k.id}" must be 32 bytes`);
    }
    if (new Set(config.dataKeys.map((k) => k.id)).size !== config.dataKeys.length) {
      throw new Error('KeyRing: a key id appears twice');
    }
    if (config.dataIndexKey.length !== 32) throw new Error('KeyRing: the blind-index key must be 32 bytes');
    this.current = current;
    this.currentKeyId = current.id;
    this.keys = new Map(config.dataKeys.map((k) => [k.id, k.key]));
    this.indexKey = config.dataIndexKey;
  }

  encrypt(plaintext: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.current.key, iv);
    cipher.setAAD(contextBytes(context));
    const ciphertext = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    const tag = cipher.getAuthTag();
    return [VERSION, this.current.id, iv, ciphertext, tag].map((p) => (typeof p === 'string' ? p : p.toString('base64url'))).join('.');
  }

  /** @throws DecryptionError when the token is malformed, names an unknown key, or fails authentication. */
  decrypt(token: string, context: string): string {
    const { keyId, iv, ciphertext, tag } = parse(token);
    const key = this.keys.get(keyId);
    if (!key) throw new DecryptionError('unknown_key', keyId);
    const decipher = createDecipheriv('aes-256-gcm', key, iv, { authTagLength: TAG_BYTES });
    decipher.setAAD(contextBytes(context));
    decipher.setAuthTag(tag);
    try {
      return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
    } catch {
      throw new DecryptionError('not_authentic', keyId);
    }
  }

  /** Whether the token was made under a key other than the current one. @throws DecryptionError when malformed. */
  needsReencrypt(token: string): boolean {
    return parse(token).keyId !== this.current.id;
  }

  /**
   * The token under the current key. It is always decrypted first, so a changed token fails here rather
   * than being carried forward; one already under the current key comes back unchanged.
   * @throws DecryptionError as `decrypt` does.
   */
  reencrypt(token: string, context: string): string {
    const plaintext = this.decrypt(token, context);
    return this.needsReencrypt(token) ? this.encrypt(plaintext, context) : token;
  }

  /**
   * A deterministic keyed hash (HMAC-SHA256, hex) for finding a row by an encrypted value, e.g. the
   * account with this NIK. Each purpose (`identity.account.nik`) gets its own derived key, so equal values
   * in two columns do not reveal that they are equal. Normalise the value first: `' 3201…'` and `'3201…'`
   * index differently.
   */
  blindIndex(value: string, purpose: string): string {
    return createHmac('sha256', this.purposeKey(purpose)).update(value, 'utf8').digest('hex');
  }

  private purposeKey(purpose: string): Buffer {
    let key = this.purposeKeys.get(purpose);
    if (!key) {
      if (!PURPOSE.test(purpose)) throw new Error(`blindIndex: purpose "${purpose}" must be lower-case like identity.account.nik`);
      key = createHmac('sha256', this.indexKey).update(`satupintu.blind-index.v1:${purpose}`, 'utf8').digest();
      this.purposeKeys.set(purpose, key);
    }
    return key;
  }
}

function contextBytes(context: string): Buffer {
  // An empty context would let a token move freely between fields; every caller has a field to name.
  if (context === '') throw new Error('KeyRing: the context must name the field (and its row)');
  return Buffer.from(context, 'utf8');
}

function parse(token: string): Parsed {
  const parts = token.split('.');
  if (parts.length !== 5 || parts[0] !== VERSION || !DATA_KEY_ID.test(parts[1]!) || !parts.slice(2).every((p) => B64URL.test(p))) {
    throw new DecryptionError('malformed');
  }
  const [, keyId, iv, ciphertext, tag] = parts as [string, string, string, string, string];
  const parsed = {
    keyId,
    iv: Buffer.from(iv, 'base64url'),
    ciphertext: Buffer.from(ciphertext, 'base64url'),
    tag: Buffer.from(tag, 'base64url'),
  };
  if (parsed.iv.length !== IV_BYTES || parsed.tag.length !== TAG_BYTES) throw new DecryptionError('malformed');
  return parsed;
}
