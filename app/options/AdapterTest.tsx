import { useSignal } from '@preact/signals';
import { ADAPTER_FIELD_LABELS } from '../../domain/adapter-form/adapter-form';
import { ADAPTER_FIELDS, type Adapter } from '../../domain/adapters/adapter';
import { originsFor } from '../shared/content-scripts';
import { type AdapterTestResult, allowAndFindTabs, type TabChoice, testAdapterInTab } from './adapter-test';

/**
 * Tries the adapter being edited on an open page, before it is saved: asks the browser for the adapter's sites in the
 * click, runs the reader in a tab at the adapter's addresses and shows what each field reads there.
 */
export function AdapterTest({ adapter }: { adapter: Adapter | undefined }) {
  const tabs = useSignal<TabChoice[] | undefined>(undefined);
  const chosen = useSignal<number | undefined>(undefined);
  const result = useSignal<AdapterTestResult | undefined>(undefined);
  const problem = useSignal<string | undefined>(undefined);

  const read = async (tabId: number, tried: Adapter) => {
    try {
      result.value = await testAdapterInTab(tabId, tried);
    } catch (error) {
      problem.value = `The page could not be read: ${(error as Error).message}. Is the page still open?`;
    }
  };
  const tryIt = (tried: Adapter) => {
    problem.value = undefined;
    result.value = undefined;
    tabs.value = undefined;
    // Asked at once, in the click: browsers only show the permission prompt in answer to the user's own action.
    allowAndFindTabs(tried).then(
      async (found) => {
        if (!found) {
          problem.value = `The browser was not allowed to read ${originsFor(tried.matches).join(', ')}, so the adapter was not tried.`;
          return;
        }
        if (found.length === 0) {
          problem.value = `No open page is at the adapter’s addresses (${tried.matches.join(', ')}). Open the practice system on a patient’s record in another tab, then try again.`;
          return;
        }
        tabs.value = found;
        chosen.value = found[0]?.id;
        if (chosen.value !== undefined) await read(chosen.value, tried);
      },
      (error: Error) => {
        problem.value = `The browser refused the address patterns: ${error.message}`;
      },
    );
  };

  return (
    <div class="options-card" id="adapter-test">
      <h4>Try it on an open page</h4>
      <p class="nhsuk-body">
        Open the practice system on a patient’s record in another tab, then try the adapter there. The browser asks to
        let the extension read that site; nothing is saved until you save the adapter.
      </p>
      <button
        type="button"
        class="nhsuk-button nhsuk-button--secondary"
        disabled={!adapter}
        onClick={() => adapter && tryIt(adapter)}
      >
        Try on an open page
      </button>
      {!adapter && <p class="nhsuk-hint">Fix the adapter’s problems first.</p>}
      {tabs.value && tabs.value.length > 1 && (
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="adapter-test-tab">
            Page read
          </label>
          <select
            class="nhsuk-select"
            id="adapter-test-tab"
            value={String(chosen.value)}
            onChange={(event) => {
              chosen.value = Number(event.currentTarget.value);
              result.value = undefined;
              if (adapter) void read(chosen.value, adapter);
            }}
          >
            {tabs.value.map((tab) => (
              <option value={String(tab.id)} key={tab.id}>
                {tab.title} — {tab.url}
              </option>
            ))}
          </select>
        </div>
      )}
      <WhatItReads adapter={adapter} result={result.value} problem={problem.value} />
    </div>
  );
}

/** What trying the adapter found: why it could not, no banner, or what each field reads. */
function WhatItReads({
  adapter,
  result,
  problem,
}: {
  adapter: Adapter | undefined;
  result: AdapterTestResult | undefined;
  problem: string | undefined;
}) {
  return (
    <div aria-live="polite">
      {problem && <p class="nhsuk-error-message">{problem}</p>}
      {result && !result.banner && (
        <p class="nhsuk-error-message" id="adapter-test-no-banner">
          The banner “{adapter?.banner}” is not on that page: nothing can be read.
        </p>
      )}
      {result?.banner && (
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
                <td>{result?.fields[field] ?? <em>nothing found</em>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
