import { nhsDateTime } from '../../domain/clock/nhs-date';
import type { OptionsState } from './options-state';

/** Each saved version of the model, newest first: when, what changed; an older one can be loaded to look at or restore. */
export function ModelHistory({ state }: { state: OptionsState }) {
  const history = state.local.value.modelHistory;
  return (
    <section class="options-card" aria-labelledby="history-heading">
      <h2 id="history-heading">Versions saved</h2>
      {history.length === 0 ? (
        <p class="nhsuk-body">No version saved yet on this computer.</p>
      ) : (
        <ol class="options-history" reversed>
          {history.map((entry) => (
            <li key={`${entry.version}-${entry.savedAt}`} data-version={entry.version}>
              <h3>
                Version {entry.version} <span class="options-muted">saved {nhsDateTime(entry.savedAt, 'long')}</span>
              </h3>
              <ul>
                {entry.changes.map((change) => (
                  <li key={change}>{change}</li>
                ))}
              </ul>
              {!state.modelLocked.value && (
                <button
                  type="button"
                  class="nhsuk-button nhsuk-button--secondary options-small"
                  onClick={() => state.loadStartingPoint(entry.model, `Version ${entry.version}`)}
                >
                  Load version {entry.version} into the editor
                </button>
              )}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
