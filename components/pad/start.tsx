import { render } from 'preact';
import type { ServiceModel } from '../../lib/model/model';
import { framedPatientSource, type PatientSource, sidePanelPatientSource } from '../../lib/pad/patient-source';
import { seedDemoModel } from '../../lib/settings/demo-seed';
import { loadSettings, watchSettings } from '../../lib/settings/store';
import { Pad } from './Pad';
import { createPadState } from './pad-state';
import { Unconfirmed } from './Unconfirmed';

/**
 * Starts the pad in `root`. Framed in a practice system's page (by our content script, at `pad.html#<nonce>`) it shows
 * nothing until that content script confirms the nonce; as the browser's side panel it follows the active tab.
 */
export async function startPad(root: HTMLElement, { demoModel }: { demoModel?: ServiceModel } = {}): Promise<void> {
  const framed = window.parent !== window;
  let source: PatientSource | undefined;
  if (framed) {
    source = await framedPatientSource();
    if (!source) {
      render(<Unconfirmed />, root);
      return;
    }
  } else {
    source = sidePanelPatientSource();
  }

  const state = createPadState();
  if (demoModel) await seedDemoModel(demoModel);
  state.settings.value = await loadSettings();
  watchSettings((settings) => {
    state.settings.value = settings;
  });
  render(<Pad state={state} />, root);

  // Each source answers at once with the patient on screen, or null (then the pad opens for a patient typed by hand).
  source.follow((record) => void state.recordChanged(record));
  const { close } = source;
  if (close) {
    addEventListener('keydown', (event) => {
      if (event.key === 'Escape') close();
    });
  }
}
