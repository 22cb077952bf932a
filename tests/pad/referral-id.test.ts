import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { newReferralId } from '../../app/pad/referral-id';

describe('a new referral id', () => {
  it('is a version 4 UUID, different each time', () => {
    const ids = Array.from({ length: 1000 }, newReferralId);
    for (const id of ids) {
      expect(z.uuidv4().safeParse(id).success).toBe(true);
    }
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('is made where the page is not a secure context (no crypto.randomUUID: the pad framed on a plain-http site in Firefox)', () => {
    const randomUUID = crypto.randomUUID;
    Object.defineProperty(crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      expect(z.uuidv4().safeParse(newReferralId()).success).toBe(true);
    } finally {
      Object.defineProperty(crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });
});
