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
import type { Adapter } from '../../domain/adapters/adapter';
import type { PatientContext } from '../../domain/adapters/patient-context';
import { readPatient } from '../../domain/adapters/read-patient';
import type { Message } from '../shared/messaging/protocol';
import { isFromOurExtension, isFromPad, type Sender } from '../shared/messaging/sender';
import {
  CONTENT_SCRIPT_SENDERS,
  type ContentScriptHandlers,
  readToContentScript,
} from '../shared/messaging/to-content-script';
import { loadSidebarLayout, type SidebarLayout, saveSidebarLayout } from '../shared/storage/sidebar-layout';
import { mountSidebar } from './host';
import { padChannels } from './pad-channel';
import { watchPatient } from './watch-patient';

/** The command's default key, also caught in the page (see onShortcutKey). */
const SHORTCUT = { code: 'KeyS', altKey: true, shiftKey: true, ctrlKey: false, metaKey: false };
/**
 * One key press may reach us twice: by the commands API (through the background) and as a keydown seen by the page or
 * by the pad. A command this soon after a keydown toggle, or a keydown this soon after a command, is that same press
 * and is ignored. Keydowns are exact (a key pressed in the page and one pressed in the pad are different presses), so
 * they are never merged with each other, nor commands with commands.
 */
const SAME_PRESS_MS = 400;
type Route = 'command' | 'page-key' | 'pad-key';

/** Runs the content script with the adapter the background chose for this page, if any. */
export async function runPracticeContentScript(): Promise<void> {
  const isolatedWorld = globalThis as { socialPrescribingPadRunning?: boolean };
  if (isolatedWorld.socialPrescribingPadRunning) return;
  isolatedWorld.socialPrescribingPadRunning = true;
  const [adapter, layout] = await Promise.all([adapterForPage(), loadSidebarLayout(location.origin)]);
  if (adapter) runWithAdapter(adapter, layout);
}

function runWithAdapter(adapter: Adapter, layout: SidebarLayout): void {
  // Firefox's framed pad is reached over a port (./pad-channel.ts); Chromium's by runtime messages (below).
  const channels = import.meta.env.FIREFOX
    ? padChannels({
        patientNow: () => readPatient(adapter, document),
        close: () => sidebar.close(),
        toggle: () => toggleOnce('pad-key'),
      })
    : undefined;
  const sidebar = mountSidebar(document, {
    padUrl: () => browser.runtime.getURL('/pad.html'),
    onPadLoaded: channels?.offer,
    layout,
    // Not awaited: a layout that could not be stored is only the default next time.
    onLayoutChange: (changed) => void saveSidebarLayout(location.origin, changed).catch(() => undefined),
  });

  // The pad loads hidden while the browser is idle: the shortcut then shows a pad that is ready, patient filled.
  if ('requestIdleCallback' in window) requestIdleCallback(() => sidebar.preload(), { timeout: 2000 });
  else sidebar.preload();

  watchPatient(adapter, document, (context) => {
    sidebar.showPatientPresent(context !== null);
    tellExtensionPages(context);
    channels?.tell(context);
  });

  let last = { route: 'command' as Route, at: Number.NEGATIVE_INFINITY };
  const toggleOnce = (route: Route) => {
    const now = performance.now();
    const oneIsCommand = (route === 'command') !== (last.route === 'command');
    if (oneIsCommand && now - last.at < SAME_PRESS_MS) return;
    last = { route, at: now };
    sidebar.toggle();
  };

  answerMessages({
    'toggle-pad': (_, fromPad) => void toggleOnce(fromPad ? 'pad-key' : 'command'),
    'which-patient': () => readPatient(adapter, document),
    'confirm-frame': ({ nonce }) => ({ confirmed: sidebar.confirms(nonce) }),
    'close-pad': () => sidebar.close(),
  });

  // The commands API shortcut is the user's path in a browser window; the page's own keydown covers pages where the
  // browser does not route the key to the command (and headless browsers). Both may see one press: toggleOnce.
  addEventListener(
    'keydown',
    (event) => {
      if (!event.isTrusted || !isShortcut(event)) return;
      event.preventDefault();
      toggleOnce('page-key');
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

/**
 * The content script's handler map: each message parsed by hand (no zod here), its sender checked by the protocol's
 * rule (only our extension's contexts, and for most messages only our pad: the two rules its messages have, checked
 * here without the other rules' code). A refused sender is ignored, except that `confirm-frame` is answered "not
 * confirmed" (as the protocol's refusal). Every answer is ready at once, so it goes by `sendResponse`: the same in
 * Chromium and Firefox without the webextension-polyfill, which this script does not bundle (wxt.config.ts).
 */
function answerMessages(handlers: ContentScriptHandlers): void {
  browser.runtime.onMessage.addListener((raw: unknown, sender: Sender, sendResponse: (answer: unknown) => void) => {
    const message = readToContentScript(raw);
    const runtimeId = browser.runtime.id;
    if (!message || !isFromOurExtension(sender, runtimeId)) return;
    const fromPad = isFromPad(sender, runtimeId);
    if (CONTENT_SCRIPT_SENDERS[message.type] === 'pad' && !fromPad) {
      if (message.type === 'confirm-frame') sendResponse({ confirmed: false });
      return;
    }
    const handler = handlers[message.type] as (message: unknown, fromPad: boolean) => unknown;
    const answer = handler(message, fromPad);
    if (answer !== undefined) sendResponse(answer);
  });
}

/**
 * The adapter for this page, chosen by the background (app/background/answers.ts) from the policy's adapters, or else
 * the champion's (parsed there with zod), then the built-in ones: the content script carries none of them, no parser
 * and no match patterns, to stay small in every practice page. None when the background does not answer.
 */
async function adapterForPage(): Promise<Adapter | null> {
  const message: Message<'adapter-for-page'> = { type: 'adapter-for-page' };
  const reply: unknown = await browser.runtime.sendMessage(message).catch(() => null);
  return typeof reply === 'object' ? (reply as Adapter | null) : null;
}

function tellExtensionPages(context: PatientContext | null): void {
  const message: Message<'patient-on-screen'> = { type: 'patient-on-screen', context };
  // Rejected when no extension page is listening (no pad open yet): nothing to tell.
  browser.runtime.sendMessage(message).catch(() => undefined);
}
