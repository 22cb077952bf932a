/**
 * Every runtime message of the extension, in one place, parsed with zod at the receiving end.
 *
 * Who sends what, and how the receiver checks the sender (see ./sender.ts):
 *
 * | message             | from → to                                   | how sent                                            | reply                 | receiver checks                                                                    |
 * | ------------------- | ------------------------------------------- | --------------------------------------------------- | --------------------- | ---------------------------------------------------------------------------------- |
 * | `patient-on-screen` | content script → extension pages (the pad)  | `runtime.sendMessage`, whenever the patient changes | none                  | `sender.id === runtime.id` and `sender.tab.id` is the pad's own tab                |
 * | `which-patient`     | pad → the content script of its tab         | `tabs.sendMessage(tabId, msg, { frameId: 0 })`      | `PatientContext\|null` | `sender.id === runtime.id` and `sender.url` is the extension's pad page             |
 * | `confirm-frame`     | pad → the content script of its tab         | `tabs.sendMessage(tabId, msg, { frameId: 0 })`      | `{ confirmed }`       | as above; confirmed only for the nonce that content script put in the iframe's URL |
 * | `close-pad`         | pad → the content script of its tab         | `tabs.sendMessage(tabId, msg, { frameId: 0 })`      | none                  | as above                                                                           |
 * | `toggle-pad`        | background → content script (commands API)  | `tabs.sendMessage(tabId, msg, { frameId: 0 })`      | none                  | `sender.id === runtime.id` (only our extension can reach our content script)       |
 *
 * The pad's outbox messages live beside their code: `pad:enqueue` (../pad/send-referral.ts) and `pad:outbox-state`,
 * `pad:sent-referrals`, `pad:send-again`, `outbox:changed` (../pad/outbox-link.ts); the background answers them only
 * for our pad page (`isFromPad`). `outbox:drain`, `outbox:refresh`, `outbox:online` are in ../outbox/messages.ts.
 *
 * The frame handshake: the content script frames `pad.html#<nonce>` (a fresh random nonce, known only to it; the iframe
 * lives in a closed shadow root, so the host page cannot read its URL). Before showing anything the pad sends
 * `confirm-frame` with the nonce from its own URL to the content script of its tab; a pad that is not confirmed — framed
 * by the host page itself, by another site, or with a forged nonce — shows nothing. Window messages (`postMessage`) and
 * DOM events are never used: the host page could forge them.
 *
 * zod/mini keeps the content script small; the schemas parse the same way as full zod's.
 */
import { z } from 'zod/mini';
import { type PatientContext, patientContextSchema } from '../../../domain/adapters/patient-context';

/** A frame nonce: 128 random bits, base64url. */
export const nonceSchema = z.string().check(z.regex(/^[A-Za-z0-9_-]{22,64}$/));

export const patientOnScreenSchema = z.object({
  type: z.literal('patient-on-screen'),
  context: z.nullable(patientContextSchema),
});
export const whichPatientSchema = z.object({ type: z.literal('which-patient') });
export const confirmFrameSchema = z.object({ type: z.literal('confirm-frame'), nonce: nonceSchema });
export const closePadSchema = z.object({ type: z.literal('close-pad') });
export const togglePadSchema = z.object({ type: z.literal('toggle-pad') });

/** What extension pages (the pad) receive. */
export const toExtensionPageSchema = patientOnScreenSchema;
/** What the content script receives: from the pad or from the background. */
export const toContentScriptSchema = z.discriminatedUnion('type', [
  whichPatientSchema,
  confirmFrameSchema,
  closePadSchema,
  togglePadSchema,
]);

export type PatientOnScreen = z.infer<typeof patientOnScreenSchema>;
export type WhichPatient = z.infer<typeof whichPatientSchema>;
export type ConfirmFrame = z.infer<typeof confirmFrameSchema>;
export type ClosePad = z.infer<typeof closePadSchema>;
export type TogglePad = z.infer<typeof togglePadSchema>;
export type ToContentScript = z.infer<typeof toContentScriptSchema>;

/** Replies, parsed by the asker. */
export const whichPatientReplySchema = z.nullable(patientContextSchema);
export const confirmFrameReplySchema = z.object({ confirmed: z.boolean() });
export type WhichPatientReply = PatientContext | null;
export type ConfirmFrameReply = z.infer<typeof confirmFrameReplySchema>;

/** The commands API name of the shortcut that opens and closes the pad (manifest `commands`). */
export const TOGGLE_PAD_COMMAND = 'toggle-pad';
