import { render } from 'preact';
import { browser } from 'wxt/browser';
import { loadCachedDirectory, loadChampion, watchCachedDirectory } from '../shared/storage/directory';
import { loadLocalSettings, loadManaged } from '../shared/storage/settings';
import { OptionsPage } from './OptionsPage';
import { createOptionsState } from './options-state';

/** Starts the practice champion's settings page in `root`. */
export async function startOptions(root: HTMLElement): Promise<void> {
  const [local, managed, cached, champion] = await Promise.all([
    loadLocalSettings(),
    loadManaged(),
    loadCachedDirectory(),
    loadChampion(),
  ]);
  const state = createOptionsState({ local, managed, cached, champion });
  browser.storage.onChanged.addListener((_changes, area) => {
    if (area === 'managed') void loadManaged().then(state.policyChanged);
  });
  // The background refreshes the directory on its schedule too: the page follows what it keeps.
  watchCachedDirectory((next) => {
    state.directory.cached.value = next;
  });
  render(<OptionsPage state={state} />, root);
  void state.directory.loadProposals();
}
