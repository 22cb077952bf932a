import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** argon2id with the library's defaults (19 MiB, 2 passes): the OWASP baseline. */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export async function passwordMatches(passwordHash: string, password: string): Promise<boolean> {
  try {
    return await verify(passwordHash, password);
  } catch {
    return false;
  }
}

let decoy: Promise<string> | undefined;

/** As long as checking a real password, so that the time taken does not tell which usernames exist. */
export async function checkDecoy(password: string): Promise<false> {
  decoy ??= hashPassword('a password nobody has');
  await passwordMatches(await decoy, password);
  return false;
}

/** A new account's password, made by the queue and shown once: 16 characters, 96 random bits. */
export function newPassword(): string {
  return randomBytes(12).toString('base64url');
}
