/**
 * The referral's reference as people read it aloud or quote it on the phone: "SP-1A2B-3C4D", the first eight hex digits
 * of its UUID. The full UUID stays the identity on the wire; this is only for humans.
 */
export function referralReference(id: string): string {
  const hex = id.replace(/-/g, '').slice(0, 8).toUpperCase();
  return `SP-${hex.slice(0, 4)}-${hex.slice(4)}`;
}
