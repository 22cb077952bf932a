/**
 * The practice-page content script: reads the patient on screen with the matching adapter, watches for another patient,
 * mounts the sidebar host and answers the pad. It holds the patient context only (never a referral), and never opens
 * IndexedDB (a content script's IndexedDB belongs to the host page's origin).
 *
 * Runs from the manifest's content_scripts and equally when registered at run time
 * (`scripting.registerContentScripts({ js: ['content-scripts/practice.js'], … })` for origins a champion adds):
 * running twice in one page is harmless.
 */
import { browser } from 'wxt/browser';
import type { Adapter } from '../adapters/adapter';
import { BUILT_IN_ADAPTERS } from '../adapters/built-in';
import { adapterFor } from '../adapters/match-pattern';
import type { PatientContext } from '../adapters/patient-context';
import { readPatient } from '../adapters/read-patient';
import { watchPatient } from '../adapters/watch-patient';
import type { PatientOnScreen } from '../messaging/messages';
import { isFromOurExtension, isFromPad } from '../messaging/sender';
import { readToContentScript } from '../messaging/to-content-script';
import { mountSidebar } from './host';

/** The command's default key, also caught in the page (see onShortcutKey). */
const SHORTCUT = { code: 'KeyS', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false };
/** A command and the page's own keydown for one key press arrive this close together; only the first toggles. */
const SAME_PRESS_MS = 400;

export function runPracticeContentScript(adapters: readonly Adapter[] = BUILT_IN_ADAPTERS): void {
  const isolatedWorld = globalThis as { socialPrescribingPadRunning?: boolean };
  if (isolatedWorld.socialPrescribingPadRunning) return;
  isolatedWorld.socialPrescribingPadRunning = true;

  const adapter = adapterFor(adapters, location.href);
  if (!adapter) return;
  const sidebar = mountSidebar(document, () => browser.runtime.getURL('/pad.html'));

  watchPatient(adapter, document, (context) => {
    sidebar.showPatientPresent(context !== null);
    tellExtensionPages(context);
  });

  let lastToggle = Number.NEGATIVE_INFINITY;
  const toggleOnce = () => {
    const now = performance.now();
    if (now - lastToggle < SAME_PRESS_MS) return;
    lastToggle = now;
    sidebar.toggle();
  };

  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    if (!isFromOurExtension(sender, browser.runtime.id)) return undefined;
    const parsed = readToContentScript(message);
    if (!parsed) return undefined;
    const fromPad = isFromPad(sender, browser.runtime.id);
    switch (parsed.type) {
      case 'toggle-pad':
        toggleOnce();
        return undefined;
      case 'which-patient':
        return fromPad ? Promise.resolve(readPatient(adapter, document)) : undefined;
      case 'confirm-frame':
        return Promise.resolve({ confirmed: fromPad && sidebar.confirms(parsed.nonce) });
      case 'close-pad':
        if (fromPad) sidebar.close();
        return undefined;
    }
  });

  // The commands API shortcut is the user's path in a browser window; the page's own keydown covers pages where the
  // browser does not route the key to the command (and headless browsers). Both may see one press: toggleOnce.
  addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !isShortcut(event)) return;
      event.preventDefault();
      toggleOnce();
    },
    true,
  );
}

function isShortcut(event: KeyboardEvent): boolean {
  return (
    event.code === SHORTCUT.code &&
    event.altKey === SHORTCUT.altKey &&
    event.shiftKey === SHORTCUT.shiftKey &&
    event.ctrlKey === SHORTCUT.ctrlKey &&
    event.metaKey === SHORTCUT.metaKey
  );
}

function tellExtensionPages(context: PatientContext | null): void {
  const message: PatientOnScreen = { type: 'patient-on-screen', context };
  // Rejected when no extension page is listening (no pad open yet): nothing to tell.
  browser.runtime.sendMessage(message).catch(() => undefined);
}
