import type { OptionsState } from './options-state';

/**
 * From the model editor: the model as edited (saved or not) proposed to one of the directory's services as a change to
 * the version agreed with it. The service agrees it or sends it back; nothing changes for the pad until it is agreed.
 */
export function ProposeChange({ state }: { state: OptionsState }) {
  const entries = state.directory.directory.value?.entries ?? [];
  if (entries.length === 0 || state.modelLocked.value) return null;
  const model = state.editedModel.value;
  return (
    <section class="options-card" aria-labelledby="propose-heading">
      <h3 id="propose-heading">Propose this model to a service</h3>
      <p class="nhsuk-body">
        Sends the model in the editor to the service as a proposed change, in your name (under “The practice’s
        directory”). It is in force only once the service agrees it.
      </p>
      {!model && (
        <p class="nhsuk-error-message">The model in the editor has problems: save it to see them, then propose it.</p>
      )}
      <div class="options-buttons">
        {entries.map(({ service }) => (
          <button
            key={service.id}
            type="button"
            class="nhsuk-button nhsuk-button--secondary"
            disabled={!model}
            onClick={() => model && void state.directory.propose(service.id, model)}
          >
            Propose this as a change to {service.name}
          </button>
        ))}
      </div>
      {entries.map(({ service }) => {
        const notice = state.directory.proposed.value[service.id];
        return (
          notice && (
            <p key={service.id} class={notice.ok ? 'options-ok' : 'nhsuk-error-message'} role="status">
              {notice.message}
            </p>
          )
        );
      })}
    </section>
  );
}
