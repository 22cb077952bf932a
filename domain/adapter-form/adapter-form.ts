import { ADAPTER_FIELDS, type Adapter, type AdapterField, adapterSchema } from '../adapters/adapter';

export type FieldRuleForm = { selector: string; label: string; pattern: string };

/** A page adapter as the options page holds it while the champion types: patterns one a line, blank boxes unused. */
export type AdapterForm = {
  id: string;
  name: string;
  matches: string;
  banner: string;
  fields: Record<AdapterField, FieldRuleForm>;
};

export type AdapterFormError = { path: string; message: string };
export type AdapterFormResult = { ok: true; adapter: Adapter } | { ok: false; errors: AdapterFormError[] };

export const ADAPTER_FIELD_LABELS: Record<AdapterField, string> = {
  name: 'Whole name (split into family and given)',
  given: 'Given name',
  family: 'Family name',
  nhsNumber: 'NHS number',
  dateOfBirth: 'Date of birth',
  sex: 'Sex',
  phone: 'Phone',
  email: 'Email',
  postcode: 'Postcode',
  interpreterLanguage: 'Interpreter needed (language)',
  alerts: 'Alerts (interpreter, hearing, sight, mobility…)',
};

export function emptyAdapterForm(): AdapterForm {
  return {
    id: '',
    name: '',
    matches: '',
    banner: '',
    fields: Object.fromEntries(
      ADAPTER_FIELDS.map((field) => [field, { selector: '', label: '', pattern: '' }]),
    ) as AdapterForm['fields'],
  };
}

export function toAdapterForm(adapter: Adapter): AdapterForm {
  const form = emptyAdapterForm();
  for (const field of ADAPTER_FIELDS) {
    const rule = adapter.fields[field];
    if (rule)
      form.fields[field] = { selector: rule.selector ?? '', label: rule.label ?? '', pattern: rule.pattern ?? '' };
  }
  return { ...form, id: adapter.id, name: adapter.name, matches: adapter.matches.join('\n'), banner: adapter.banner };
}

/** "Orchard Clinical (Downs)" → "orchard-clinical-downs": an id for a new adapter from its name. */
export function idFromName(name: string): string {
  return name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 64);
}

/** The adapter the form describes, or each problem at the dotted path of its box ("fields.nhsNumber.pattern"). */
export function fromAdapterForm(form: AdapterForm): AdapterFormResult {
  const fields: Adapter['fields'] = {};
  for (const field of ADAPTER_FIELDS) {
    const { selector, label, pattern } = form.fields[field];
    if (!selector.trim() && !label.trim() && !pattern.trim()) continue;
    fields[field] = {
      ...(selector.trim() ? { selector: selector.trim() } : {}),
      ...(label.trim() ? { label: label.trim() } : {}),
      ...(pattern.trim() ? { pattern: pattern.trim() } : {}),
    };
  }
  const input = {
    id: form.id.trim() || idFromName(form.name),
    name: form.name,
    matches: form.matches
      .split('\n')
      .map((line) => line.trim())
      .filter(Boolean),
    banner: form.banner,
    fields,
  };
  const parsed = adapterSchema.safeParse(input);
  if (parsed.success) return { ok: true, adapter: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.map((issue) => {
      // A matches item's error belongs to the matches box; a rule with neither selector nor label to its selector box.
      const path = issue.path.map(String);
      const at =
        path[0] === 'matches'
          ? 'matches'
          : path[0] === 'fields' && path.length === 2
            ? `fields.${path[1]}.selector`
            : path.join('.') || 'name';
      return { path: at, message: issue.message };
    }),
  };
}
