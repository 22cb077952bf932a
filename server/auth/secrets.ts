import { createHash, randomBytes } from 'node:crypto';

/** A fresh secret: 32 random bytes, base64url. Shown once (tokens) or kept in a cookie (sessions); never stored. */
export function newSecret(prefix = ''): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** What is stored instead of a secret. SHA-256 suffices: the secrets are random, not chosen by people. */
export function secretHash(secret: string): string {
  return createHash('sha256').update(secret).digest('hex');
}
