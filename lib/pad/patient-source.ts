import { browser } from 'wxt/browser';
import type { PatientContext } from '../adapters/patient-context';
import {
  confirmFrameReplySchema,
  isFromContentScriptOfTab,
  toExtensionPageSchema,
  whichPatientReplySchema,
} from '../messaging';

/** Where the pad hears which patient is on screen. `null`: no patient readable there. Returns a stop function. */
export type PatientSource = (onRecord: (record: PatientContext | null) => void) => () => void;

async function askWhichPatient(tabId: number): Promise<PatientContext | null> {
  try {
    const reply = await browser.tabs.sendMessage(tabId, { type: 'which-patient' }, { frameId: 0 });
    const parsed = whichPatientReplySchema.safeParse(reply);
    return parsed.success ? parsed.data : null;
  } catch {
    // No content script there (a page the practice has not allowed, or a browser page): no patient.
    return null;
  }
}

/** Listens for `patient-on-screen` from our content script in one tab only (the tab is asked for each message). */
function listenToTab(currentTab: () => number | undefined, onRecord: (record: PatientContext | null) => void) {
  const listener = (message: unknown, sender: Parameters<typeof isFromContentScriptOfTab>[0]) => {
    const tabId = currentTab();
    if (tabId === undefined || !isFromContentScriptOfTab(sender, browser.runtime.id, tabId)) return;
    const parsed = toExtensionPageSchema.safeParse(message);
    if (parsed.success) onRecord(parsed.data.context);
  };
  browser.runtime.onMessage.addListener(listener);
  return () => browser.runtime.onMessage.removeListener(listener);
}

/**
 * The pad framed by our content script at `pad.html#<nonce>`: it asks the content script of its own tab to confirm the
 * nonce before showing anything, then hears only from that tab. Resolves undefined when not confirmed (framed by the host
 * page itself, by another site, or with a forged nonce).
 */
export async function framedPatientSource(nonce: string): Promise<PatientSource | undefined> {
  const tab = await browser.tabs.getCurrent().catch(() => undefined);
  const tabId = tab?.id;
  if (tabId === undefined) return undefined;
  try {
    const reply = confirmFrameReplySchema.safeParse(
      await browser.tabs.sendMessage(tabId, { type: 'confirm-frame', nonce }, { frameId: 0 }),
    );
    if (!reply.success || !reply.data.confirmed) return undefined;
  } catch {
    return undefined;
  }
  return (onRecord) => {
    const stop = listenToTab(() => tabId, onRecord);
    void askWhichPatient(tabId).then(onRecord);
    return stop;
  };
}

/** The browser's side panel: the patient is the one on the active tab of this window, followed as tabs change. */
export function sidePanelPatientSource(): PatientSource {
  return (onRecord) => {
    let activeTab: number | undefined;
    let asked = 0;
    const follow = async () => {
      const ask = ++asked;
      const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
      activeTab = tab?.id;
      const record = activeTab === undefined ? null : await askWhichPatient(activeTab);
      if (ask === asked) onRecord(record);
    };
    const onActivated = () => void follow();
    const onUpdated = (tabId: number, change: { status?: string }) => {
      if (tabId === activeTab && change.status === 'complete') void follow();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    const stop = listenToTab(() => activeTab, onRecord);
    void follow();
    return () => {
      stop();
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
    };
  };
}
