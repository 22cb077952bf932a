import { useSignal, useSignalEffect } from '@preact/signals';
import { browser } from 'wxt/browser';
import { originsNotAllowed } from '../shared/content-scripts';
import type { OptionsState } from './options-state';

/**
 * Adapters in force (the champion's or the policy's) whose sites the browser has not allowed the extension on: there
 * the pad would silently not open. Said, with the one click that asks the browser (permission prompts need the user's
 * own action). Shown for policy adapters too: the permission is the user's, not a setting the policy can lock.
 */
export function SitesNotAllowed({ state }: { state: OptionsState }) {
  const missing = useSignal<string[]>([]);
  const refused = useSignal(false);
  useSignalEffect(() => {
    const adapters = state.inForce.value.adapters;
    let current = true;
    const check = () =>
      void originsNotAllowed(adapters).then((origins) => {
        if (current) missing.value = origins;
      });
    check();
    browser.permissions.onAdded.addListener(check);
    browser.permissions.onRemoved.addListener(check);
    return () => {
      current = false;
      browser.permissions.onAdded.removeListener(check);
      browser.permissions.onRemoved.removeListener(check);
    };
  });
  if (!missing.value.length) return null;
  const allow = () => {
    refused.value = false;
    void browser.permissions.request({ origins: missing.value }).then(
      (granted) => {
        refused.value = !granted;
      },
      () => {
        refused.value = true;
      },
    );
  };
  return (
    <div class="nhsuk-warning-callout" role="status" id="sites-not-allowed">
      <h3 class="nhsuk-warning-callout__label">The pad cannot open on some practice systems yet</h3>
      <p>
        The browser has not allowed this extension on {missing.value.join(', ')}. Until it is allowed, the pad does not
        open on those pages and nothing is read from them.
      </p>
      {refused.value && <p>The browser was not given permission: the pad still cannot open there.</p>}
      <button type="button" class="nhsuk-button" onClick={allow}>
        Allow the pad on {missing.value.length === 1 ? 'this site' : 'these sites'}
      </button>
    </div>
  );
}
