import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

/**
 * Encryption of single values at rest (ID and phone numbers): AES-256-GCM with a fresh 12-byte IV per
 * value, stored as `v1:<keyId>:<iv>:<tag>:<ciphertext>` (base64), and a keyed digest (HMAC-SHA256 with
 * a key of its own) beside it for exact search and unique indexes. The digest key is separate so that
 * the encryption keys can rotate while the indexes stay put.
 */

export interface FieldKey {
  id: string;
  key: Buffer;
}

export interface FieldKeys {
  /** The first encrypts; every one decrypts (older keys stay until `npm run db:reencrypt` has run). */
  encryption: FieldKey[];
  hash: Buffer;
}

export interface FieldCipher {
  seal(plain: string): string;
  /** Refuses a value whose key is not configured, and one that was altered (the GCM tag). */
  open(sealed: string): string;
  /** The lookup digest: equal plain values, equal digests, under one hash key. */
  digest(plain: string): string;
  /** The id of the key that seals: a value sealed under another is due for re-encryption. */
  readonly currentKeyId: string;
}

/** A stored value that cannot be opened: altered, cut, or sealed under a key not configured. */
export class SealedValueError extends Error {}

/** FIELD_ENCRYPTION_KEYS or FIELD_HASH_KEY written wrong; the message says how to write it. */
export class FieldKeyFormatError extends Error {}

const version = 'v1';
const keyIdPattern = /^[A-Za-z0-9_-]{1,32}$/;
/** What a sealed value looks like, for the SQL that finds rows still in plain text. */
export const sealedPrefix = `${version}:`;

function decodeKey(text: string, name: string): Buffer {
  const key = Buffer.from(text.trim(), 'base64');
  if (key.length !== 32 || key.toString('base64') !== text.trim()) {
    throw new FieldKeyFormatError(`${name} 的密钥必须是 32 字节的 base64（可用 openssl rand -base64 32 生成）`);
  }
  return key;
}

/** `k2:<base64>,k1:<base64>`: the first encrypts, all decrypt. */
export function parseEncryptionKeys(text: string): FieldKey[] {
  const keys = text
    .split(',')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const colon = entry.indexOf(':');
      const id = colon > 0 ? entry.slice(0, colon) : '';
      if (!keyIdPattern.test(id)) {
        throw new FieldKeyFormatError(
          'FIELD_ENCRYPTION_KEYS 的每一项应写成 密钥编号:base64密钥（编号为字母、数字、- 或 _），多项用逗号分隔，第一项用于加密',
        );
      }
      return { id, key: decodeKey(entry.slice(colon + 1), `FIELD_ENCRYPTION_KEYS 中 ${id}`) };
    });
  if (keys.length === 0) throw new FieldKeyFormatError('FIELD_ENCRYPTION_KEYS 至少需要一个密钥');
  const ids = new Set(keys.map((k) => k.id));
  if (ids.size !== keys.length) throw new FieldKeyFormatError('FIELD_ENCRYPTION_KEYS 中的密钥编号不能重复');
  return keys;
}

export function parseHashKey(text: string): Buffer {
  return decodeKey(text, 'FIELD_HASH_KEY');
}

export function formatEncryptionKeys(keys: FieldKey[]): string {
  return keys.map((k) => `${k.id}:${k.key.toString('base64')}`).join(',');
}

/** Fresh random keys: for a development data folder or a test, never for a constant. */
export function generateFieldKeys(keyId = 'dev1'): FieldKeys {
  return { encryption: [{ id: keyId, key: randomBytes(32) }], hash: randomBytes(32) };
}

export function createFieldCipher(keys: FieldKeys): FieldCipher {
  const [current] = keys.encryption;
  if (!current) throw new FieldKeyFormatError('FIELD_ENCRYPTION_KEYS 至少需要一个密钥');
  const byId = new Map(keys.encryption.map((k) => [k.id, k.key]));
  // The header is authenticated too: a value cannot be passed off as sealed under another key or format.
  const header = (keyId: string) => Buffer.from(`${version}:${keyId}`);
  return {
    currentKeyId: current.id,
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', current.key, iv);
      cipher.setAAD(header(current.id));
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [version, current.id, iv.toString('base64'), tag.toString('base64'), body.toString('base64')].join(':');
    },
    open(sealed) {
      const parts = sealed.split(':');
      if (parts.length !== 5 || parts[0] !== version) throw new SealedValueError('加密字段格式不正确');
      const [, keyId, iv, tag, body] = parts as [string, string, string, string, string];
      const key = byId.get(keyId);
      if (!key) {
        throw new SealedValueError(
          `加密字段使用的密钥 ${keyId} 不在 FIELD_ENCRYPTION_KEYS 中（轮换时旧密钥应保留到 db:reencrypt 完成）`,
        );
      }
      const ivBytes = Buffer.from(iv, 'base64');
      const tagBytes = Buffer.from(tag, 'base64');
      if (ivBytes.length !== 12 || tagBytes.length !== 16) throw new SealedValueError('加密字段格式不正确');
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, ivBytes);
        decipher.setAAD(header(keyId));
        decipher.setAuthTag(tagBytes);
        return Buffer.concat([decipher.update(Buffer.from(body, 'base64')), decipher.final()]).toString('utf8');
      } catch {
        throw new SealedValueError('加密字段校验失败：内容被改动，或密钥与加密时不同');
      }
    },
    digest(plain) {
      return createHmac('sha256', keys.hash).update(plain, 'utf8').digest('hex');
    },
  };
}
