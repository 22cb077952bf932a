/**
 * For the pad page: its link to the content script of the tab it is framed in. Every reply and every incoming message
 * is parsed, and incoming ones are taken only from our content script in the same tab.
 *
 *   const tabId = await confirmFrame();            // null → framed by someone else: show nothing
 *   const context = await askWhichPatient(tabId);  // the patient on screen now
 *   const stop = onPatientOnScreen(tabId, (context) => …);  // and whenever it changes (null: no patient on screen)
 *   closePad(tabId);                                // e.g. on Escape: the content script hides the pad, returns focus
 */
import { type Browser, browser } from 'wxt/browser';
import type { PatientContext } from '../adapters/patient-context';
import {
  type ClosePad,
  type ConfirmFrame,
  confirmFrameReplySchema,
  nonceSchema,
  patientOnScreenSchema,
  type WhichPatient,
  whichPatientReplySchema,
} from './messages';
import { isFromContentScriptOfTab } from './sender';

/**
 * The frame handshake: the tab id when this pad was framed by our content script (which alone knows the nonce in this
 * page's URL fragment), else null. `hash` is `location.hash`.
 */
export async function confirmFrame(hash: string = location.hash): Promise<number | null> {
  const nonce = nonceSchema.safeParse(hash.replace(/^#/, ''));
  if (!nonce.success) return null;
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return null;
  const message: ConfirmFrame = { type: 'confirm-frame', nonce: nonce.data };
  const reply = await toContentScript(tab.id, message);
  return confirmFrameReplySchema.safeParse(reply).data?.confirmed === true ? tab.id : null;
}

/** The patient on screen in the tab now, as our content script reads it (null: none, or no content script there). */
export async function askWhichPatient(tabId: number): Promise<PatientContext | null> {
  const message: WhichPatient = { type: 'which-patient' };
  const reply = whichPatientReplySchema.safeParse(await toContentScript(tabId, message));
  return reply.success ? reply.data : null;
}

/** Calls back whenever the patient on screen in the tab changes. Returns a function that stops listening. */
export function onPatientOnScreen(tabId: number, onChange: (context: PatientContext | null) => void): () => void {
  const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isFromContentScriptOfTab(sender, browser.runtime.id, tabId)) return;
    const parsed = patientOnScreenSchema.safeParse(message);
    if (parsed.success) onChange(parsed.data.context);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/** Asks the content script to close the pad and give focus back to the page. */
export async function closePad(tabId: number): Promise<void> {
  const message: ClosePad = { type: 'close-pad' };
  await toContentScript(tabId, message);
}

/** Only the top frame runs our content script. A tab without it (or one that has gone) answers undefined. */
async function toContentScript(tabId: number, message: object): Promise<unknown> {
  try {
    return await browser.tabs.sendMessage(tabId, message, { frameId: 0 });
  } catch {
    return undefined;
  }
}
