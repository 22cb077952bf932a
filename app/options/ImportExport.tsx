import { useSignal } from '@preact/signals';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { describedBy, Field } from '../../ui/Field';
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

/** A file input for a JSON file, read as text when chosen. */
function ImportFile(props: {
  id: string;
  label: string;
  hint?: string;
  disabled?: boolean;
  onFile: (name: string, text: string) => unknown;
}) {
  return (
    <Field id={props.id} label={props.label} hint={props.hint}>
      <input
        class="nhsuk-file-upload"
        id={props.id}
        type="file"
        accept=".json,application/json"
        disabled={props.disabled}
        aria-describedby={describedBy(props.id, props.hint, undefined)}
        onChange={async (event) => {
          const chosen = await readChosen(event);
          if (chosen) await props.onFile(chosen.name, chosen.text);
        }}
      />
    </Field>
  );
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
        <ImportFile
          id="import-model"
          label="Import a model file"
          disabled={state.modelLocked.value}
          onFile={(name, text) => state.importModelFile(name, text)}
        />
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
        <ImportFile
          id="import-settings"
          label="Import a settings file"
          hint="Replaces these settings on this computer. A file with any problem is refused whole."
          onFile={(name, text) => state.importSettingsFile(name, text)}
        />
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
