import { render } from 'preact';
import type { DemoSettings } from '../../domain/settings/demo';
import { ask } from '../shared/messaging/ask';
import { loadCachedDirectory, watchCachedDirectory } from '../shared/storage/directory';
import { loadSettings, watchSettings } from '../shared/storage/settings';
import { reportCheckEndings } from './count-link';
import { seedDemo } from './demo-seed';
import { Pad } from './Pad';
import { createPadState } from './pad-state';
import { framedPatientSource, type PatientSource, sidePanelPatientSource } from './patient-source';

type Options = {
  /** 'framed': pad.html in the sidebar our content script adds; 'side-panel': sidepanel.html, the browser's panel. */
  mode: 'framed' | 'side-panel';
  /** The demo build's settings, each set only when not set already. */
  demo?: DemoSettings;
};

/**
 * Starts the pad in `root`. Framed (pad.html), it shows nothing at all until our content script in the same tab
 * confirms the nonce in its URL; as the side panel it follows the patient on the active tab.
 */
export async function startPad(root: HTMLElement, { mode, demo }: Options): Promise<void> {
  let source: PatientSource | undefined;
  if (mode === 'framed') {
    source = await framedPatientSource();
    // The mark lets tests tell "refused" from "not yet asked"; a refused pad renders nothing.
    document.documentElement.dataset.handshake = source ? 'confirmed' : 'refused';
    if (!source) return;
  } else {
    source = sidePanelPatientSource();
  }

  const state = createPadState();
  void state.checkOutbox();
  if (demo) await seedDemo(demo);
  [state.settings.value, state.cachedDirectory.value] = await Promise.all([loadSettings(), loadCachedDirectory()]);
  watchSettings((settings) => {
    state.settings.value = settings;
  });
  watchCachedDirectory((cached) => {
    state.cachedDirectory.value = cached;
  });
  // A queue set but no directory from it yet (just set, or its first fetch raced the setting): the pad asks for it.
  if (state.settings.value?.queue && !state.directory.value) void ask('directory:refresh', {}).catch(() => undefined);
  reportCheckEndings(state);
  render(<Pad state={state} />, root);
  source.follow((record) => void state.recordChanged(record));
  listenForKeys(source);
  focusFirstField();
}

function listenForKeys({ close, toggle }: PatientSource): void {
  addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && close) close();
    else if (toggle && event.code === 'KeyS' && event.altKey && event.shiftKey && !event.ctrlKey && !event.metaKey) {
      event.preventDefault();
      toggle();
    }
  });
}

/**
 * Where the referrer starts: the NHS number while the patient's fields are open, else (the patient folded into one line,
 * from the record) the first need.
 */
function firstField(): HTMLElement | undefined {
  const candidates = document.querySelectorAll<HTMLElement>('#pad-patient-nhsNumber, #pad-needs');
  return [...candidates].find((field) => field.getClientRects().length > 0);
}

/**
 * The first field takes focus when the pad is shown. A pad loaded hidden cannot take focus then: it does when the
 * content script focuses its frame.
 */
function focusFirstField(): void {
  // Focus that comes with a press, or with a field focused on purpose (Tab, a click, a test's fill), gives the frame
  // focus too, and must stay where it was aimed: taking it to the first field scrolled the pad to the top between
  // mousedown and mouseup, and the press (a first need chip) or the typing went elsewhere. So the first field is
  // focused only once the focus has settled (the next task) on nothing in particular, and never during a press.
  let pressing = false;
  addEventListener('pointerdown', () => (pressing = true), true);
  for (const type of ['pointerup', 'pointercancel']) addEventListener(type, () => (pressing = false), true);
  // By the next task the referrer may have moved focus out of the frame (to the pad's width handle, back into the
  // page): a focus() here would pull it back into the pad, and the key meant for the handle would go to a field.
  const focus = () =>
    setTimeout(() => {
      if (pressing || !document.hasFocus()) return;
      if (document.activeElement === document.body || document.activeElement === null) firstField()?.focus();
    });
  addEventListener('focus', focus);
  new MutationObserver((_, observer) => {
    if (document.querySelector('#pad-patient-nhsNumber')) {
      observer.disconnect();
      if (document.hasFocus()) focus();
    }
  }).observe(document.body, { childList: true, subtree: true });
}
