import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FieldCodec } from '@lattice/engine/storage';

const PREFIX = 'enc:v1:';

/**
 * AES-256-GCM for sensitive fields: `enc:v1:<iv>.<tag>.<ciphertext>` (base64url, random 96-bit IV per
 * value, so equal plaintexts differ). A tampered value fails authentication and throws. Values without
 * the prefix pass `decrypt` unchanged (rows written before encryption was configured).
 *
 * @example const codec = createFieldCipher(parseEncryptionKey(process.env.LATTICE_ENCRYPTION_KEY!));
 */
export function createFieldCipher(key: Buffer): FieldCodec {
  if (key.length !== 32) throw new Error('the field encryption key must be 32 bytes (AES-256)');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return `${PREFIX}${iv.toString('base64url')}.${tag.toString('base64url')}.${body.toString('base64url')}`;
    },
    decrypt(stored) {
      if (!stored.startsWith(PREFIX)) return stored;
      const [iv, tag, body] = stored.slice(PREFIX.length).split('.');
      if (iv === undefined || tag === undefined || body === undefined)
        throw new Error('malformed ciphertext');
      const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([decipher.update(Buffer.from(body, 'base64url')), decipher.final()]).toString(
        'utf8',
      );
    },
  };
}

/** A 32-byte key from 64 hex characters or base64/base64url (LATTICE_ENCRYPTION_KEY). */
export function parseEncryptionKey(text: string): Buffer {
  const t = text.trim();
  const key = /^[0-9a-f]{64}$/i.test(t) ? Buffer.from(t, 'hex') : Buffer.from(t, 'base64url');
  if (key.length !== 32) {
    throw new Error('LATTICE_ENCRYPTION_KEY must be 32 bytes: 64 hex characters or 43/44 base64 characters');
  }
  return key;
}

/**
 * Demo mode: a key generated once into `<dataDir>/encryption-key` (mode 600) and reused afterwards. When
 * the data dir is not writable (tests) the key is derived from `fallbackSecret` (HKDF-SHA256), so it is
 * still stable across restarts with the same secret.
 */
export function demoEncryptionKey(dataDir: string, fallbackSecret: string): Buffer {
  const file = join(dataDir, 'encryption-key');
  if (existsSync(file)) return parseEncryptionKey(readFileSync(file, 'utf8'));
  const key = randomBytes(32);
  try {
    writeFileSync(file, key.toString('base64url'), { mode: 0o600 });
    return key;
  } catch {
    return Buffer.from(hkdfSync('sha256', fallbackSecret, 'lattice', 'field-encryption', 32));
  }
}
