/**
 * For the pad page: its link to the content script of the tab it is framed in. Every reply and every incoming message
 * is parsed, and incoming ones are taken only from our content script in the same tab.
 *
 *   const link = await linkToPage();               // null → framed by someone else: show nothing
 *   const { tabId, context } = link;               // the tab, and the patient on screen now (one round trip)
 *   const stop = followPatient(tabId, (context) => …);  // now, and whenever it changes (null: no patient on screen)
 *   closePad(tabId);                                // on Escape: the content script hides the pad, returns focus
 *   togglePad(tabId);                               // on Alt+Shift+S pressed inside the pad (keys in the frame never reach the page)
 */
import { browser } from 'wxt/browser';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { askTab, tellTab } from '../shared/messaging/ask';
import { nonceSchema } from '../shared/messaging/protocol';
import { receive } from '../shared/messaging/receive';

/** A confirmed pad's link to its page: the tab, the patient on screen when linked, and every change since. */
export type PageLink = {
  tabId: number;
  context: PatientContext | null;
  /** Calls back at once with the latest patient (including changes heard since linking), then at every change. */
  follow: (onChange: (context: PatientContext | null) => void) => () => void;
};

/**
 * The frame handshake and the patient on screen, asked together: the pad's link to its page, or null when this pad was
 * not framed by our content script (then nothing may be shown). It listens from the start, so a change while the pad
 * is still starting up is not missed, and an answer that crosses a newer change is dropped (see followPatient).
 */
export async function linkToPage(hash: string = location.hash): Promise<PageLink | null> {
  const nonce = nonceSchema.safeParse(hash.replace(/^#/, ''));
  if (!nonce.success) return null;
  const tab = await browser.tabs.getCurrent();
  if (tab?.id === undefined) return null;
  const tabId = tab.id;
  let latest: PatientContext | null = null;
  const listeners = new Set<(context: PatientContext | null) => void>();
  const tell = (context: PatientContext | null) => {
    latest = context;
    for (const listener of listeners) listener(context);
  };
  const { stop, answered } = following(tabId, tell);
  const confirmed = (await askTab(tabId, 'confirm-frame', { nonce: nonce.data }))?.confirmed === true;
  if (!confirmed) {
    stop();
    return null;
  }
  await answered;
  return {
    tabId,
    get context() {
      return latest;
    },
    follow: (onChange) => {
      onChange(latest);
      listeners.add(onChange);
      return () => listeners.delete(onChange);
    },
  };
}

/** The patient on screen in the tab now, as our content script reads it (null: none, or no content script there). */
export async function askWhichPatient(tabId: number): Promise<PatientContext | null> {
  return (await askTab(tabId, 'which-patient', {})) ?? null;
}

/** Calls back whenever the patient on screen in the tab changes. Returns a function that stops listening. */
export function onPatientOnScreen(tabId: number, onChange: (context: PatientContext | null) => void): () => void {
  return receive<'pad'>({ 'patient-on-screen': ({ context }) => onChange(context) }, { tabId });
}

/**
 * The patient on screen now and at every change, in order. The answer to `which-patient` and the change broadcasts
 * travel separately and may cross: an answer that arrives after a broadcast is older than it (every change is
 * broadcast), so it is dropped; the pad never goes back to a patient the page has already left.
 */
export function followPatient(tabId: number, onChange: (context: PatientContext | null) => void): () => void {
  return following(tabId, onChange).stop;
}

/** followPatient, and a promise settled once the first answer has been taken or dropped. */
function following(tabId: number, onChange: (context: PatientContext | null) => void) {
  let heardChange = false;
  let stopped = false;
  const stopListening = onPatientOnScreen(tabId, (context) => {
    heardChange = true;
    if (!stopped) onChange(context);
  });
  const answered = askWhichPatient(tabId).then((context) => {
    if (!heardChange && !stopped) onChange(context);
  });
  const stop = () => {
    stopped = true;
    stopListening();
  };
  return { stop, answered };
}

/** Asks the content script to close the pad and give focus back to the page. */
export async function closePad(tabId: number): Promise<void> {
  await tellTab(tabId, 'close-pad', {});
}

/**
 * The shortcut pressed while the pad has focus: the page's keydown listener cannot see keys typed in the frame. In a
 * browser window the commands API may also fire for the same press; the content script takes one toggle per press.
 */
export async function togglePad(tabId: number): Promise<void> {
  await tellTab(tabId, 'toggle-pad', {});
}
