import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import {
  ADAPTER_FIELD_LABELS,
  type AdapterForm,
  type AdapterFormError,
  fromAdapterForm,
} from '../../domain/adapter-form/adapter-form';
import { ADAPTER_FIELDS, type Adapter } from '../../domain/adapters/adapter';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { describedBy, Field } from '../../ui/Field';
import { originsFor } from '../shared/content-scripts';
import { AdapterTest } from './AdapterTest';

const boxId = (path: string) => `adapter-${path.replace(/\./g, '-')}`;

/**
 * Adds or edits one page adapter: its URL patterns, the banner, and for each field a selector, label or regular
 * expression; tried live on an open page. Saving asks the browser for permission to read the adapter's sites first.
 */
export function AdapterEditor({
  initial,
  isNew,
  onSave,
  onCancel,
}: {
  initial: AdapterForm;
  isNew: boolean;
  onSave: (adapter: Adapter) => Promise<void>;
  onCancel: () => void;
}) {
  const form = useSignal(initial);
  const errors = useSignal<AdapterFormError[]>([]);
  const problem = useSignal<string | undefined>(undefined);
  const result = fromAdapterForm(form.value);
  const errorsAt = (path: string) => errors.value.filter((error) => error.path === path).map((error) => error.message);

  const set = (change: (draft: AdapterForm) => void) => {
    const next = structuredClone(form.value);
    change(next);
    form.value = next;
  };

  const text = (
    path: string,
    label: string,
    value: string,
    onInput: (value: string) => void,
    hint?: string,
    multiline = false,
  ) => {
    const id = boxId(path);
    const found = errorsAt(path);
    const props = {
      id,
      value,
      'aria-describedby': describedBy(id, hint, found),
      'aria-invalid': found.length ? true : undefined,
      onInput: (event: Event) => onInput((event.currentTarget as HTMLInputElement).value),
    };
    return (
      <Field id={id} label={label} hint={hint} errors={found}>
        {multiline ? <textarea class="nhsuk-textarea" rows={3} {...props} /> : <input class="nhsuk-input" {...props} />}
      </Field>
    );
  };

  const save = (event: Event) => {
    event.preventDefault();
    problem.value = undefined;
    if (!result.ok) {
      errors.value = result.errors;
      return;
    }
    errors.value = [];
    const origins = originsFor(result.adapter.matches);
    // Asked at once, in the click: browsers only show the permission prompt in answer to the user's own action.
    void browser.permissions.request({ origins }).then(
      async (granted) => {
        if (!granted) {
          problem.value = `Permission to read ${origins.join(', ')} was not given, so the adapter was not saved: the pad could not read those pages.`;
          return;
        }
        await onSave(result.adapter);
      },
      (error: Error) => {
        problem.value = `The browser refused the address patterns: ${error.message}`;
      },
    );
  };

  return (
    <form
      class="options-card options-adapter-editor"
      noValidate
      onSubmit={save}
      aria-labelledby="adapter-editor-heading"
    >
      <h3 id="adapter-editor-heading">{isNew ? 'Add a page adapter' : `Edit “${initial.name}”`}</h3>
      <ErrorSummary
        id="adapter-errors"
        title="There is a problem with the adapter"
        items={errors.value.map((error) => ({ message: error.message, target: boxId(error.path) }))}
      />
      {problem.value && (
        <p class="nhsuk-error-message" role="alert">
          {problem.value}
        </p>
      )}
      {text('name', 'Name of the practice system', form.value.name, (value) =>
        set((draft) => {
          draft.name = value;
        }),
      )}
      {text(
        'matches',
        'Page addresses (URL match patterns)',
        form.value.matches,
        (value) =>
          set((draft) => {
            draft.matches = value;
          }),
        'One a line, for example https://clinical.example-gp.nhs.uk/* — saving asks the browser for permission to read these sites.',
        true,
      )}
      {text(
        'banner',
        'Patient banner (CSS selector)',
        form.value.banner,
        (value) =>
          set((draft) => {
            draft.banner = value;
          }),
        'The element that shows the patient, for example .patient-banner. Fields are read inside it.',
      )}
      <h4>How to read each field</h4>
      <p class="nhsuk-body">
        For each field give a CSS selector for the element holding the value, or the label text beside it (alternatives
        separated by |). A regular expression, optional, picks the value out of that text (its first group).
      </p>
      {ADAPTER_FIELDS.map((field) => (
        <fieldset class="nhsuk-fieldset options-adapter-field" key={field}>
          <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ADAPTER_FIELD_LABELS[field]}</legend>
          <div class="options-inline">
            {(['selector', 'label', 'pattern'] as const).map((part) => (
              <div key={part}>
                {text(
                  `fields.${field}.${part}`,
                  `${ADAPTER_FIELD_LABELS[field]}: ${part === 'selector' ? 'CSS selector' : part === 'label' ? 'label text' : 'regular expression'}`,
                  form.value.fields[field][part],
                  (value) =>
                    set((draft) => {
                      draft.fields[field][part] = value;
                    }),
                )}
              </div>
            ))}
          </div>
        </fieldset>
      ))}
      <AdapterTest adapter={result.ok ? result.adapter : undefined} />
      <div class="options-buttons">
        <button type="submit" class="nhsuk-button">
          Save adapter
        </button>
        <button type="button" class="nhsuk-button nhsuk-button--secondary" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
