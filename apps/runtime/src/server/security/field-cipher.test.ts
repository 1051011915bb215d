import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createFieldCipher, parseEncryptionKey } from './field-cipher';

describe('createFieldCipher', () => {
  const cipher = createFieldCipher(randomBytes(32));

  it('round-trips and never repeats a ciphertext for the same plaintext', () => {
    const a = cipher.encrypt('13812345678');
    const b = cipher.encrypt('13812345678');
    expect(a).toMatch(/^enc:v1:/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('1381234');
    expect(cipher.decrypt(a)).toBe('13812345678');
  });

  it('refuses tampered ciphertext and values encrypted with another key', () => {
    const a = cipher.encrypt('13812345678');
    const tampered = `${a.slice(0, -2)}${a.endsWith('A') ? 'B' : 'A'}${a.slice(-1)}`;
    expect(() => cipher.decrypt(tampered)).toThrow();
    expect(() => createFieldCipher(randomBytes(32)).decrypt(a)).toThrow();
  });

  it('passes plain legacy values through and parses hex or base64 keys', () => {
    expect(cipher.decrypt('13812345678')).toBe('13812345678');
    expect(parseEncryptionKey('ab'.repeat(32))).toHaveLength(32);
    expect(parseEncryptionKey(randomBytes(32).toString('base64'))).toHaveLength(32);
    expect(() => parseEncryptionKey('short')).toThrow();
  });
});
