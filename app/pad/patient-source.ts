import { browser } from 'wxt/browser';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { askWhichPatient, closePad, linkToPage, onPatientOnScreen, togglePad } from './pad-link';
import { pageChannelPatientSource, usesPageChannel } from './page-channel';

/** Where the pad hears which patient is on screen. `null`: no patient readable there. Returns a stop function. */
export type PatientSource = {
  follow: (onRecord: (record: PatientContext | null) => void) => () => void;
  /** Hides the pad and gives focus back to the page, where there is a page to give it to. */
  close?: () => void;
  /** The open/close shortcut pressed inside the pad (keys in the frame never reach the page). */
  toggle?: () => void;
};

/**
 * The pad framed by our content script at `pad.html#<nonce>`: the content script of its own tab must confirm the nonce
 * before anything is shown (app/pad/pad-link.ts). Undefined when not confirmed: framed by the host page itself,
 * by another site, or with a forged nonce.
 */
export async function framedPatientSource(): Promise<PatientSource | undefined> {
  if (usesPageChannel) return pageChannelPatientSource();
  const link = await linkToPage().catch(() => null);
  if (link === null) return undefined;
  const { tabId } = link;
  return {
    // The link has listened since the handshake: a change while the pad was starting up is not missed.
    follow: (onRecord) => link.follow(onRecord),
    close: () => void closePad(tabId),
    toggle: () => void togglePad(tabId),
  };
}

/** The browser's side panel: the patient is the one on the active tab of this window, followed as tabs change. */
export function sidePanelPatientSource(): PatientSource {
  return {
    follow: (onRecord) => {
      let stopTab: (() => void) | undefined;
      let asked = 0;
      let activeTab: number | undefined;
      const follow = async () => {
        const ask = ++asked;
        const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
        if (ask !== asked) return;
        activeTab = tab?.id;
        stopTab?.();
        stopTab = activeTab === undefined ? undefined : onPatientOnScreen(activeTab, onRecord);
        const record = activeTab === undefined ? null : await askWhichPatient(activeTab);
        if (ask === asked) onRecord(record);
      };
      const onActivated = () => void follow();
      const onUpdated = (tabId: number, change: { status?: string }) => {
        if (tabId === activeTab && change.status === 'complete') void follow();
      };
      browser.tabs.onActivated.addListener(onActivated);
      browser.tabs.onUpdated.addListener(onUpdated);
      void follow();
      return () => {
        stopTab?.();
        browser.tabs.onActivated.removeListener(onActivated);
        browser.tabs.onUpdated.removeListener(onUpdated);
      };
    },
  };
}
