import type { PageField } from './page-fields';

/**
 * The record key for what the page shows, or undefined when it shows too little to tell one patient from another
 * (no NHS number, and not all of family name, given name and date of birth). Case and spacing do not change the key.
 */
export function recordKeyFor(fields: Partial<Record<PageField, string>>): string | undefined {
  const digits = (fields.nhsNumber ?? '').replace(/\D/g, '');
  if (digits.length === 10) return `nhs:${digits}`;
  const parts = [fields.family, fields.given, fields.dateOfBirth].map((part) =>
    (part ?? '').trim().toLowerCase().replace(/\s+/g, ' '),
  );
  if (parts.some((part) => part === '')) return undefined;
  return `person:${hash53(parts.join('|')).toString(36)}`;
}

/** cyrb53: a fast, well-spread 53-bit string hash. Not for secrecy; only to tell records apart without an NHS number. */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ code, 2654435761);
    h2 = Math.imul(h2 ^ code, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}
