/**
 * Characters no referral text may carry: control characters other than tab, line feed and carriage return (C0, DEL,
 * C1: Unicode's Cc), and UTF-16 surrogates with no partner (Cs: with the u flag a pair is one code point, never matched).
 * PostgreSQL's jsonb refuses U+0000 and unpaired surrogates outright, and none of them is anything a person meant to type.
 */
const UNSENDABLE = /(?![\t\n\r])[\p{Cc}\p{Cs}]/u;

/** The first character a text cannot carry, named as a person can look it up ("U+0000"), or undefined. */
export function unsendableCharacter(text: string): string | undefined {
  const found = UNSENDABLE.exec(text)?.[0];
  if (found === undefined) return undefined;
  return `U+${(found.codePointAt(0) as number).toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Every string in a value, with where it is: the texts a referral carries, whatever field a later version adds. */
export function textsIn(value: unknown, path: (string | number)[] = []): { path: (string | number)[]; text: string }[] {
  if (typeof value === 'string') return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, index) => textsIn(item, [...path, index]));
  if (value !== null && typeof value === 'object')
    return Object.entries(value).flatMap(([key, item]) => textsIn(item, [...path, key]));
  return [];
}

/** The zod issue parameter that marks a text refused for a character it holds, and names it (the queue answers 422). */
export const UNSENDABLE_TEXT = 'unsendable-text';

/** "The given name holds a character …": `subject` names the field as its reader knows it. */
export function unsendableMessage(subject: string, character: string): string {
  return `${subject} holds a character that cannot be sent (${character}: a control character, or half of a broken one). Delete it and type the text again.`;
}
