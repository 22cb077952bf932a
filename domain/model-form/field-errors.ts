import type { ModelFileError } from '../model/model-file';
import { SAFETY_FLAGS, type SafetyFlag, safetyLabel } from '../referral/safety';

/**
 * The fields the editor shows, by the dotted path of the model they edit. An error whose path is deeper than a field
 * (a list item: "scope.postcodeAreas.2"; a route's part inside a group) is shown at the nearest field above it.
 */
const route = (base: string) => [`${base}.service`, `${base}.contact`, `${base}.guidance`];

export const EDITOR_FIELDS: readonly string[] = [
  'id',
  'name',
  'kind',
  'service.name',
  'service.contact',
  'service.whatHappensNext',
  'agreement.agreedBy',
  'agreement.agreedOn',
  'agreement.reviewBy',
  'agreement.summary',
  'scope.needs',
  'scope.mustInclude',
  'scope.minAge',
  'scope.maxAge',
  'scope.postcodeAreas',
  'scope.practices',
  ...route('scope.outOfScopeRoute'),
  ...SAFETY_FLAGS.flatMap((flag) => [`safety.${flag}.action`, ...route(`safety.${flag}.redirectTo`)]),
  'requiredFields',
  'contactModes',
  'capacity.status',
  'capacity.typicalWeeks',
  'capacity.message',
  ...route('capacity.redirectTo'),
  'overridesAllowed',
];

const KNOWN = new Set(EDITOR_FIELDS);

/** Parents that are not fields themselves but whose errors belong to a field within. */
const GROUP_FIELD: Record<string, string> = {
  'scope.outOfScopeRoute': 'scope.outOfScopeRoute.service',
  'capacity.redirectTo': 'capacity.redirectTo.service',
  capacity: 'capacity.status',
  ...Object.fromEntries(SAFETY_FLAGS.map((flag) => [`safety.${flag}.redirectTo`, `safety.${flag}.redirectTo.service`])),
  ...Object.fromEntries(SAFETY_FLAGS.map((flag) => [`safety.${flag}`, `safety.${flag}.action`])),
};

/** The editor field an error belongs to: its own path, else the nearest field above it; undefined if none. */
export function fieldFor(path: string): string | undefined {
  const parts = path.split('.');
  for (let length = parts.length; length > 0; length--) {
    const candidate = parts.slice(0, length).join('.');
    if (KNOWN.has(candidate)) return candidate;
    if (GROUP_FIELD[candidate]) return GROUP_FIELD[candidate];
  }
  return undefined;
}

/** The HTML id of the control for a field path ("agreement.agreedOn" → "model-agreement-agreedOn"). */
export function controlId(field: string): string {
  return `model-${field.replace(/\./g, '-')}`;
}

export type PlacedErrors = {
  /** Messages beside each field, by field path. */
  byField: Map<string, string[]>;
  /** For the error summary, in the order found: each message and the control it links to (none: the page as a whole). */
  summary: { message: string; field?: string }[];
};

const LABELS: Record<string, string> = {
  id: 'Model id',
  name: 'Model name',
  kind: 'Kind of model',
  'service.name': 'Service name',
  'service.contact': 'How to contact the service',
  'service.whatHappensNext': 'What happens next',
  'agreement.agreedBy': 'Agreed by',
  'agreement.agreedOn': 'Agreed on',
  'agreement.reviewBy': 'Review by',
  'agreement.summary': 'Summary of the agreement',
  'scope.needs': 'Needs in scope',
  'scope.mustInclude': 'Must include one of',
  'scope.minAge': 'Lowest age',
  'scope.maxAge': 'Highest age',
  'scope.postcodeAreas': 'Postcode areas',
  'scope.practices': 'Practices',
  'scope.outOfScopeRoute': 'Out-of-scope route',
  requiredFields: 'Required details',
  contactModes: 'Contact modes',
  'capacity.status': 'Capacity',
  'capacity.typicalWeeks': 'Typical wait in weeks',
  'capacity.message': 'Message while paused',
  'capacity.redirectTo': 'While paused, refer to',
  overridesAllowed: 'Overrides',
};
const PARTS: Record<string, string> = { service: 'service', contact: 'contact', guidance: 'guidance' };

/** The field's name as the editor labels it, for the error summary ("Review by", "Safeguarding concern: action"). */
export function fieldLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const parts = field.split('.');
  const part = parts.at(-1) ?? '';
  const base = parts.slice(0, -1).join('.');
  if (parts[0] === 'safety') {
    const flag = safetyLabel(parts[1] as SafetyFlag);
    return part === 'action' ? `${flag}: what to do` : `${flag}: where to instead (${PARTS[part] ?? part})`;
  }
  return LABELS[base] ? `${LABELS[base]} (${PARTS[part] ?? part})` : field;
}

/** Places each error beside its field; an error that belongs to no field appears only in the summary. */
export function placeErrors(errors: readonly ModelFileError[]): PlacedErrors {
  const byField = new Map<string, string[]>();
  const summary: PlacedErrors['summary'] = [];
  // In the order of the page, so the summary reads top to bottom like the form; errors of no field go last.
  const order = (error: ModelFileError) => {
    const field = fieldFor(error.path);
    return field ? EDITOR_FIELDS.indexOf(field) : EDITOR_FIELDS.length;
  };
  const sorted = errors.map((error, index) => ({ error, index }));
  sorted.sort((a, b) => order(a.error) - order(b.error) || a.index - b.index);
  for (const { error } of sorted) {
    const field = fieldFor(error.path);
    if (field) byField.set(field, [...(byField.get(field) ?? []), error.message]);
    summary.push(
      field
        ? { message: `${fieldLabel(field)}: ${error.message}`, field }
        : { message: `${error.path}: ${error.message}` },
    );
  }
  return { byField, summary };
}
