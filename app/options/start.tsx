import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadLocalSettings, loadManaged } from '../shared/storage/settings';
import { OptionsPage } from './OptionsPage';
import { createOptionsState } from './options-state';

/** Starts the practice champion's settings page in `root`. */
export async function startOptions(root: HTMLElement): Promise<void> {
  const [local, managed] = await Promise.all([loadLocalSettings(), loadManaged()]);
  const state = createOptionsState({ local, managed });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void loadManaged().then(state.policyChanged);
  });
  render(<OptionsPage state={state} />, root);
}
