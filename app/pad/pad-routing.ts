import { computed, type ReadonlySignal, signal } from '@preact/signals';
import { agreedModel, chosenRoute, routeReferral } from '../../domain/pad/route-referral';
import type { ReferralDraft } from '../../domain/referral/draft';
import type { Settings } from '../../domain/settings/settings';
import { type CachedDirectory, directoryFor } from '../shared/storage/directory';

/**
 * Which service the referral goes to: with a directory from the queue in force, every service is checked at once and
 * the chosen one's agreed model is the pad's model; without one (a policy-pinned model, no queue), the settings' model.
 */
export function createRouting(
  settings: ReadonlySignal<Settings | undefined>,
  draft: ReadonlySignal<ReferralDraft>,
  today: () => string,
) {
  /** The practice's directory as cached by the background; used only with the queue it came from. */
  const cachedDirectory = signal<CachedDirectory>({});
  /** The service the referrer chose; undefined until they choose (the pad then chooses the first that fits). */
  const chosenServiceId = signal<string | undefined>(undefined);
  const directory = computed(() => {
    const found = directoryFor(cachedDirectory.value, settings.value?.queue?.endpoint);
    return found && found.entries.length > 0 ? found : undefined;
  });
  const routes = computed(() => (directory.value ? routeReferral(directory.value, draft.value, today()) : undefined));
  const chosen = computed(() => (routes.value ? chosenRoute(routes.value, chosenServiceId.value) : undefined));
  const model = computed(() =>
    routes.value ? chosen.value && agreedModel(chosen.value.entry) : settings.value?.model,
  );
  return {
    cachedDirectory,
    directory,
    routes,
    chosen,
    model,
    /** The referrer chooses a service (or presses "Refer to … instead"): the draft is kept and checked against it. */
    chooseService: (serviceId: string) => {
      chosenServiceId.value = serviceId;
    },
    forgetChoice: () => {
      chosenServiceId.value = undefined;
    },
  };
}
