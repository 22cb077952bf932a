/**
 * A new referral's id: a random (version 4) UUID. Not `crypto.randomUUID`: browsers give it to secure contexts only,
 * and Firefox counts the pad framed in a practice system served over plain http as insecure (a frame is secure only
 * when every page it is in is), so there the pad never opened a draft. `getRandomValues` works in any context.
 */
export function newReferralId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
