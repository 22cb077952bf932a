import { directoryAgeWords } from '../../domain/service/directory';
import { isStale } from '../shared/storage/directory';
import { ChampionFields } from './ChampionFields';
import { DirectoryService } from './DirectoryService';
import type { OptionsState } from './options-state';

/**
 * The champion's view of the practice's directory: the services the practice has agreed a model with, as the queue
 * lists them and this browser keeps them (with the copy's age when it is old, and why a refresh failed), each with its
 * agreement and the proposals in flight.
 */
export function DirectorySection({ state }: { state: OptionsState }) {
  const view = state.directory;
  const directory = view.directory.value;
  const problem = view.refreshProblem.value ?? view.cached.value.refresh?.problem;
  const queue = state.inForce.value.queue;
  return (
    <section aria-labelledby="directory-heading" class="options-section" id="directory">
      <h2 id="directory-heading">The practice’s directory</h2>
      <p class="nhsuk-body">
        The services this practice has agreed a model with, as the queue lists them. This browser fetches the directory
        every six hours and keeps a copy for when the queue cannot be reached.
      </p>
      {!queue && <p class="nhsuk-body">No queue is set: the directory comes from the queue. Set it under “Queue”.</p>}
      <DirectoryAge fetchedAt={directory?.fetchedAt} />
      {problem && (
        <p class="nhsuk-error-message" id="directory-problem">
          <span class="nhsuk-u-visually-hidden">Error:</span> The directory could not be refreshed. {problem}
        </p>
      )}
      <div class="options-buttons">
        <button
          type="button"
          class="nhsuk-button nhsuk-button--secondary"
          disabled={!queue || view.refreshing.value}
          onClick={() => void view.refresh()}
        >
          {view.refreshing.value ? 'Refreshing the directory…' : 'Refresh the directory'}
        </button>
      </div>
      <ChampionFields state={state} />
      {directory &&
        (directory.entries.length === 0 ? (
          <p class="nhsuk-body">No service has agreed a model with this practice yet.</p>
        ) : (
          directory.entries.map((entry) => <DirectoryService key={entry.service.id} state={state} entry={entry} />)
        ))}
      {!directory && queue && <p class="nhsuk-body">No directory has been fetched from this queue yet.</p>}
    </section>
  );
}

/** How old the kept copy is: a warning once it is older than a day, else said quietly. */
function DirectoryAge({ fetchedAt }: { fetchedAt: string | undefined }) {
  if (!fetchedAt) return null;
  const now = Date.now();
  const words = directoryAgeWords(fetchedAt, now);
  if (!isStale({ fetchedAt }, now)) return <p class="nhsuk-body options-muted">{words}.</p>;
  return (
    <div class="nhsuk-warning-callout" role="status" id="directory-age">
      <h3 class="nhsuk-warning-callout__label">
        <span>
          <span class="nhsuk-u-visually-hidden">Important: </span>Directory out of date
        </span>
      </h3>
      <p>
        {words}. Capacity and agreements may have changed since: refresh it, or check with the service before referring.
      </p>
    </div>
  );
}
