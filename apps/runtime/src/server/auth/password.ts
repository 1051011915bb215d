import { hash, verify } from '@node-rs/argon2';

/** Hashes a password with argon2id (the library's defaults: 19 MiB, 2 passes). */
export async function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** Checks a password against a stored argon2 hash; a malformed hash counts as a mismatch. */
export async function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
