import { directoryAgeWords } from '../../domain/service/directory';
import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { isStale } from '../shared/storage/directory';
import type { PadState } from './pad-state';

/**
 * The practice's directory for this referral: the services it fits (capacity beside each, one chosen), then those it
 * does not fit with the reason in one line, and any paused, shown as such but not offered. Only with a directory.
 */
export function ServiceChoice({ state }: { state: PadState }) {
  const routes = state.routes.value;
  const directory = state.directory.value;
  if (!routes || !directory) return null;
  const now = Date.now();
  const chosenId = state.chosen.value?.entry.service.id;
  const offered = routes.filter((route) => route.fits && route.offered);
  const others = routes.filter((route) => !offered.includes(route));
  return (
    <section class="pad-services" aria-labelledby="pad-services-title">
      <h2 id="pad-services-title">Service</h2>
      {/* A copy not refreshed for a day may name a service since paused or changed: its age is said (HD1). */}
      {isStale(directory, now) && (
        <p class="pad-warning pad-services__stale">
          {directoryAgeWords(directory.fetchedAt, now)}: a service may have changed since.
        </p>
      )}
      {offered.length > 0 ? (
        <ChoiceGroup
          id="pad-service"
          name="service"
          legend="Services this referral fits"
          multiple={false}
          choices={offered.map((route) => ({
            value: route.entry.service.id,
            label: route.entry.service.name,
            hint: route.capacity,
          }))}
          chosen={(value) => value === chosenId}
          onChange={(value) => state.chooseService(value)}
        />
      ) : (
        <p class="pad-services__none">This referral fits none of the practice’s services yet.</p>
      )}
      {others.length > 0 && (
        <ul class="pad-services__others" aria-label="Services not offered for this referral">
          {others.map((route) => (
            <li key={route.entry.service.id} data-service={route.entry.service.id}>
              <strong>{route.entry.service.name}</strong>
              {': '}
              {route.offered ? route.reason : `${route.capacity}. Not offered.`}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
