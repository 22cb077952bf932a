import { useSignal } from '@preact/signals';
import { ADAPTER_FIELD_LABELS } from '../../domain/adapter-form/adapter-form';
import { ADAPTER_FIELDS, type Adapter } from '../../domain/adapters/adapter';
import { Field } from '../../ui/Field';
import { type AdapterTestResult, readableTabs, type TabChoice, testAdapterInTab } from './adapter-test';

/** Tries the adapter being edited on an open tab and shows what each field reads there. */
export function AdapterTest({ adapter }: { adapter: Adapter | undefined }) {
  const tabs = useSignal<TabChoice[] | undefined>(undefined);
  const chosen = useSignal<number | undefined>(undefined);
  const result = useSignal<AdapterTestResult | undefined>(undefined);
  const problem = useSignal<string | undefined>(undefined);

  const findTabs = async () => {
    tabs.value = await readableTabs();
    chosen.value = tabs.value[0]?.id;
  };
  const run = async () => {
    if (!adapter || chosen.value === undefined) return;
    problem.value = undefined;
    result.value = undefined;
    try {
      result.value = await testAdapterInTab(chosen.value, adapter);
    } catch (error) {
      problem.value = `The page could not be read: ${(error as Error).message}. Is the page still open, and was permission given for its address?`;
    }
  };

  return (
    <div class="options-card" id="adapter-test">
      <h4>Test on an open page</h4>
      <p class="nhsuk-body">
        Open the practice system on a patient’s record in another tab, then try the adapter there.
      </p>
      <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={findTabs}>
        Find open pages
      </button>
      {tabs.value && tabs.value.length === 0 && (
        <p class="nhsuk-body">
          No open page the extension may read. Add the page’s address to the adapter and save first.
        </p>
      )}
      {tabs.value && tabs.value.length > 0 && (
        <Field id="adapter-test-tab" label="Page to test on">
          <select
            class="nhsuk-select"
            id="adapter-test-tab"
            value={String(chosen.value)}
            onChange={(event) => {
              chosen.value = Number(event.currentTarget.value);
            }}
          >
            {tabs.value.map((tab) => (
              <option value={String(tab.id)} key={tab.id}>
                {tab.title} — {tab.url}
              </option>
            ))}
          </select>
          <button type="button" class="nhsuk-button options-small" disabled={!adapter} onClick={run}>
            Read this page with the adapter
          </button>
          {!adapter && <p class="nhsuk-hint">Fix the adapter’s problems first.</p>}
        </Field>
      )}
      <div aria-live="polite">
        {problem.value && <p class="nhsuk-error-message">{problem.value}</p>}
        {result.value && !result.value.banner && (
          <p class="nhsuk-error-message" id="adapter-test-no-banner">
            The banner “{adapter?.banner}” is not on that page: nothing can be read.
          </p>
        )}
        {result.value?.banner && (
          <table class="nhsuk-table" id="adapter-test-result">
            <caption class="nhsuk-table__caption">What each field reads on that page</caption>
            <thead>
              <tr>
                <th scope="col">Field</th>
                <th scope="col">Reads</th>
              </tr>
            </thead>
            <tbody>
              {ADAPTER_FIELDS.filter((field) => adapter?.fields[field]).map((field) => (
                <tr key={field} data-field={field}>
                  <th scope="row">{ADAPTER_FIELD_LABELS[field]}</th>
                  <td>{result.value?.fields[field] ?? <em>nothing found</em>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </div>
    </div>
  );
}
