import { useSignal } from '@preact/signals';
import { type AdapterForm, emptyAdapterForm, toAdapterForm } from '../../domain/adapter-form/adapter-form';
import type { Adapter } from '../../domain/adapters/adapter';
import { BUILT_IN_ADAPTERS } from '../../domain/adapters/built-in';
import { releaseSitesNotNeeded } from '../shared/content-scripts';
import { AdapterEditor } from './AdapterEditor';
import { LockedNote } from './LockedNote';
import type { OptionsState } from './options-state';
import { SitesNotAllowed } from './SitesNotAllowed';

/** The champion's adapters in the order they are tried, each with Edit and Remove unless policy sets them, then the built-in ones. */
function AdapterTable({
  adapters,
  locked,
  onEdit,
  onRemove,
}: {
  adapters: readonly Adapter[];
  locked: boolean;
  onEdit: (index: number) => void;
  onRemove: (index: number) => Promise<void>;
}) {
  return (
    <table class="nhsuk-table" id="adapters-list">
      <caption class="nhsuk-table__caption">Adapters, in the order they are tried</caption>
      <thead>
        <tr>
          <th scope="col">Practice system</th>
          <th scope="col">Pages</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {adapters.map((adapter, index) => (
          <tr key={adapter.id} data-adapter={adapter.id}>
            <td>{adapter.name}</td>
            <td>{adapter.matches.join(', ')}</td>
            <td>
              {!locked && (
                <div class="options-buttons">
                  {(
                    [
                      ['Edit', onEdit],
                      ['Remove', onRemove],
                    ] as const
                  ).map(([verb, act]) => (
                    <button
                      key={verb}
                      type="button"
                      class="nhsuk-button nhsuk-button--secondary options-small"
                      onClick={() => act(index)}
                    >
                      {`${verb} ${adapter.name}`}
                    </button>
                  ))}
                </div>
              )}
            </td>
          </tr>
        ))}
        {BUILT_IN_ADAPTERS.map((adapter) => (
          <tr key={adapter.id}>
            <td>{adapter.name}</td>
            <td>{adapter.matches.join(', ')}</td>
            <td>Built in</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The practice systems the pad reads patients from: the champion's adapters (tried first), then the built-in ones. */
export function AdaptersSection({ state }: { state: OptionsState }) {
  const editing = useSignal<{ form: AdapterForm; isNew: boolean; index: number } | undefined>(undefined);
  const notice = useSignal<string | undefined>(undefined);
  const locked = state.locked.value.has('adapters');
  const adapters = state.inForce.value.adapters;

  const save = async (adapter: Adapter) => {
    const current = editing.value;
    if (!current) return;
    const next = current.isNew
      ? [...state.local.value.adapters.filter((old) => old.id !== adapter.id), adapter]
      : state.local.value.adapters.map((old, index) => (index === current.index ? adapter : old));
    const unregistered = await state.saveAdapters(next);
    editing.value = undefined;
    notice.value = unregistered.length
      ? `“${adapter.name}” is saved, but the browser would not run the pad on its pages: ${unregistered.join('; ')}.`
      : `“${adapter.name}” is saved. The pad reads pages at ${adapter.matches.join(', ')} with it from the next page load.`;
  };

  return (
    <section aria-labelledby="adapters-heading" class="options-section" id="adapters">
      <h2 id="adapters-heading">Practice systems (page adapters)</h2>
      {locked && <LockedNote />}
      <SitesNotAllowed state={state} />
      {notice.value && (
        <div class="options-notice" role="status">
          {notice.value}
        </div>
      )}
      <AdapterTable
        adapters={adapters}
        locked={locked}
        onEdit={(index) => {
          const adapter = adapters[index];
          if (!adapter) return;
          notice.value = undefined;
          editing.value = { form: toAdapterForm(adapter), isNew: false, index };
        }}
        onRemove={async (index) => {
          const adapter = adapters[index];
          await state.saveAdapters(state.local.value.adapters.filter((_, i) => i !== index));
          notice.value = `“${adapter?.name}” is removed.`;
        }}
      />
      {!locked && !editing.value && (
        <button
          type="button"
          class="nhsuk-button"
          onClick={() => {
            notice.value = undefined;
            editing.value = { form: emptyAdapterForm(), isNew: true, index: -1 };
          }}
        >
          Add a practice system
        </button>
      )}
      {editing.value && (
        <AdapterEditor
          key={`${editing.value.isNew}-${editing.value.index}`}
          initial={editing.value.form}
          isNew={editing.value.isNew}
          onSave={save}
          onCancel={() => {
            editing.value = undefined;
            // A site allowed only to try this adapter is not kept once the champion gives it up.
            void releaseSitesNotNeeded();
          }}
        />
      )}
    </section>
  );
}
