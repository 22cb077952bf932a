import { useSignal } from '@preact/signals';
import { browser } from 'wxt/browser';
import {
  ADAPTER_FIELD_LABELS,
  type AdapterForm,
  type AdapterFormError,
  fromAdapterForm,
} from '../../domain/adapter-form/adapter-form';
import { ADAPTER_FIELDS, type Adapter, type AdapterField } from '../../domain/adapters/adapter';
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
  const edit: Edit = (change) => (value) => {
    const next = structuredClone(form.value);
    change(next, value);
    form.value = next;
  };

  const save = (event: Event) => {
    event.preventDefault();
    problem.value = undefined;
    if (!result.ok) {
      errors.value = result.errors;
      return;
    }
    errors.value = [];
    askToRead(result.adapter, onSave, (why) => {
      problem.value = why;
    });
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
      <WhichPages form={form.value} errors={errors.value} edit={edit} />
      <FieldReadings form={form.value} errors={errors.value} edit={edit} />
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

type PartProps = { form: AdapterForm; errors: AdapterFormError[]; edit: Edit };

/** Which practice system, on which pages, and where its patient banner is. */
function WhichPages({ form, errors, edit }: PartProps) {
  return (
    <>
      <AdapterBox
        path="name"
        label="Name of the practice system"
        value={form.name}
        errors={errors}
        onInput={edit((draft, value) => {
          draft.name = value;
        })}
      />
      <AdapterBox
        path="matches"
        label="Page addresses (URL match patterns)"
        value={form.matches}
        errors={errors}
        onInput={edit((draft, value) => {
          draft.matches = value;
        })}
        hint="One a line, for example https://clinical.example-gp.nhs.uk/* — saving asks the browser for permission to read these sites."
        multiline
      />
      <AdapterBox
        path="banner"
        label="Patient banner (CSS selector)"
        value={form.banner}
        errors={errors}
        onInput={edit((draft, value) => {
          draft.banner = value;
        })}
        hint="The element that shows the patient, for example .patient-banner. Fields are read inside it."
      />
    </>
  );
}

/** How to read each patient field inside the banner. */
function FieldReadings({ form, errors, edit }: PartProps) {
  return (
    <>
      <h4>How to read each field</h4>
      <p class="nhsuk-body">
        For each field give a CSS selector for the element holding the value, or the label text beside it (alternatives
        separated by |). A regular expression, optional, picks the value out of that text (its first group).
      </p>
      {ADAPTER_FIELDS.map((field) => (
        <FieldReading key={field} field={field} form={form} errors={errors} edit={edit} />
      ))}
    </>
  );
}

/** A change to the form with what was typed, as a box's input handler. */
type Edit = (change: (draft: AdapterForm, value: string) => void) => (value: string) => void;

const PART_NAMES = { selector: 'CSS selector', label: 'label text', pattern: 'regular expression' } as const;

/** How one patient field is read from the banner: a selector, a label beside it, a regular expression. */
function FieldReading({
  field,
  form,
  errors,
  edit,
}: {
  field: AdapterField;
  form: AdapterForm;
  errors: AdapterFormError[];
  edit: Edit;
}) {
  return (
    <fieldset class="nhsuk-fieldset options-adapter-field">
      <legend class="nhsuk-fieldset__legend nhsuk-fieldset__legend--s">{ADAPTER_FIELD_LABELS[field]}</legend>
      <div class="options-inline">
        {(['selector', 'label', 'pattern'] as const).map((part) => (
          <div key={part}>
            <AdapterBox
              path={`fields.${field}.${part}`}
              label={`${ADAPTER_FIELD_LABELS[field]}: ${PART_NAMES[part]}`}
              value={form.fields[field][part]}
              errors={errors}
              onInput={edit((draft, value) => {
                draft.fields[field][part] = value;
              })}
            />
          </div>
        ))}
      </div>
    </fieldset>
  );
}

/** One box of the adapter form, with its errors. */
function AdapterBox(props: {
  path: string;
  label: string;
  value: string;
  errors: AdapterFormError[];
  onInput: (value: string) => void;
  hint?: string;
  multiline?: boolean;
}) {
  const { path, label, hint, multiline = false } = props;
  const id = boxId(path);
  const found = props.errors.filter((error) => error.path === path).map((error) => error.message);
  const input = {
    id,
    value: props.value,
    'aria-describedby': describedBy(id, hint, found),
    'aria-invalid': found.length ? true : undefined,
    onInput: (event: Event) => props.onInput((event.currentTarget as HTMLInputElement).value),
  };
  return (
    <Field id={id} label={label} hint={hint} errors={found}>
      {multiline ? <textarea class="nhsuk-textarea" rows={3} {...input} /> : <input class="nhsuk-input" {...input} />}
    </Field>
  );
}

/** Saves the adapter once the browser lets the pad read its sites; otherwise says why it was not saved. */
function askToRead(adapter: Adapter, onSave: (adapter: Adapter) => Promise<void>, problem: (why: string) => void) {
  const origins = originsFor(adapter.matches);
  // Asked at once, in the click: browsers only show the permission prompt in answer to the user's own action.
  void browser.permissions.request({ origins }).then(
    async (granted) => {
      if (!granted) {
        problem(
          `Permission to read ${origins.join(', ')} was not given, so the adapter was not saved: the pad could not read those pages.`,
        );
        return;
      }
      await onSave(adapter);
    },
    (error: Error) => {
      problem(`The browser refused the address patterns: ${error.message}`);
    },
  );
}
