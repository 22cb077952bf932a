/**
 * Firefox's link between the practice content script and the pad it frames (app/content/pad-channel.ts and
 * app/pad/page-channel.ts). Firefox gives the framed pad only a content script's APIs, so the runtime messages of this
 * folder cannot reach it or be sent by it: instead the content script posts the pad's window a private MessagePort with
 * the frame's nonce, having first vouched for that nonce in the extension's storage (no page can write there); the pad
 * takes no other port. Window messages are otherwise never used: the host page could forge them.
 *
 * Over the port, in order: `patient-on-screen` to the pad (the patient now, then each change); `close-pad` and
 * `toggle-pad` from it, the same shapes as the runtime messages of the same names.
 */

/** The type of the window message that carries the port and the frame's nonce. */
export const PAD_CHANNEL = 'social-prescribing-pad:channel';

/** The storage key by which our content script vouches for a frame nonce it made. */
export function padFrameKey(nonce: string): string {
  return `padFrame:${nonce}`;
}
