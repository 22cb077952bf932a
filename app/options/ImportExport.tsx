import { useSignal } from '@preact/signals';
import { ErrorSummary } from '../../ui/ErrorSummary';
import type { Download, OptionsState } from './options-state';

function download(file: Download): void {
  const url = URL.createObjectURL(new Blob([file.text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file.name;
  link.click();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

async function readChosen(event: Event): Promise<{ name: string; text: string } | undefined> {
  const input = event.currentTarget as HTMLInputElement;
  const file = input.files?.[0];
  input.value = '';
  return file ? { name: file.name, text: await file.text() } : undefined;
}

/** Sharing the model with other practices, and moving all settings between computers. */
export function ImportExport({ state }: { state: OptionsState }) {
  const includeToken = useSignal(false);
  const refused = state.importErrors.value;
  return (
    <section aria-labelledby="files-heading" class="options-section" id="files">
      <h2 id="files-heading">Share and back up</h2>
      {refused && (
        <ErrorSummary
          id="import-errors"
          title={`${refused.what} was not imported: nothing has changed`}
          items={refused.errors.map((error) => ({ message: `${error.path}: ${error.message}` }))}
        />
      )}
      {state.importNotice.value && (
        <div class="options-notice" role="status">
          {state.importNotice.value}
        </div>
      )}
      <div class="options-card">
        <h3>Model file</h3>
        <p class="nhsuk-body">
          Share the agreed model with other practices. An imported model goes into the editor for you to check and save.
        </p>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="import-model">
            Import a model file
          </label>
          <input
            class="nhsuk-file-upload"
            id="import-model"
            type="file"
            accept=".json,application/json"
            disabled={state.modelLocked.value}
            onChange={async (event) => {
              const chosen = await readChosen(event);
              if (chosen) state.importModelFile(chosen.name, chosen.text);
            }}
          />
        </div>
        <button
          type="button"
          class="nhsuk-button nhsuk-button--secondary"
          disabled={!state.inForce.value.model}
          onClick={() => {
            const file = state.exportModel();
            if (file) download(file);
          }}
        >
          Export the model file
        </button>
      </div>
      <div class="options-card">
        <h3>All settings</h3>
        <p class="nhsuk-body">
          The model and its versions, the page adapters, the queue endpoint and the retention period, in one file.
        </p>
        <div class="nhsuk-form-group">
          <label class="nhsuk-label" for="import-settings">
            Import a settings file
          </label>
          <div class="nhsuk-hint" id="import-settings-hint">
            Replaces these settings on this computer. A file with any problem is refused whole.
          </div>
          <input
            class="nhsuk-file-upload"
            id="import-settings"
            type="file"
            accept=".json,application/json"
            aria-describedby="import-settings-hint"
            onChange={async (event) => {
              const chosen = await readChosen(event);
              if (chosen) await state.importSettingsFile(chosen.name, chosen.text);
            }}
          />
        </div>
        <div class="nhsuk-checkboxes__item nhsuk-form-group">
          <input
            class="nhsuk-checkboxes__input"
            type="checkbox"
            id="export-token"
            checked={includeToken.value}
            aria-describedby="export-token-hint"
            onChange={(event) => {
              includeToken.value = event.currentTarget.checked;
            }}
          />
          <label class="nhsuk-label" for="export-token">
            Include the practice token
          </label>
          <div class="nhsuk-hint nhsuk-choice-hint" id="export-token-hint">
            Left out unless you tick this: anyone with the token can send referrals to the queue as this practice, and
            settings files get emailed and shared.
          </div>
        </div>
        <button
          type="button"
          class="nhsuk-button nhsuk-button--secondary"
          onClick={() => download(state.exportSettings(includeToken.value))}
        >
          Export all settings
        </button>
      </div>
    </section>
  );
}
