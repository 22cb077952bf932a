import type { ModelFileError } from '../model/model-file';
import { SAFETY_FLAGS, type SafetyFlag, safetyLabel } from '../referral/safety';

/**
 * The fields the editor shows, by the dotted path of the model they edit. An error whose path is deeper than a field
 * (a list item: "scope.postcodeAreas.2"; a route's part inside a group) is shown at the nearest field above it.
 */
const route = (base: string) => [`${base}.service`, `${base}.contact`, `${base}.guidance`, `${base}.serviceId`];

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
  'scope.pathways',
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

/** The boxes of each group (pathway), in the order the editor shows them; a group's fields are "scope.pathways.<n>.<box>". */
export const PATHWAY_FIELDS = ['label', 'needs', 'mustInclude', 'minAge', 'maxAge', 'postcodeAreas'] as const;
const PATHWAY_PATH = /^scope\.pathways\.(\d+)(?:\.([A-Za-z]+))?/;

/** The editor field an error belongs to: its own path, else the nearest field above it; undefined if none. */
export function fieldFor(path: string): string | undefined {
  const pathway = PATHWAY_PATH.exec(path);
  if (pathway) {
    const box = PATHWAY_FIELDS.find((field) => field === pathway[2]) ?? 'label';
    return `scope.pathways.${pathway[1]}.${box}`;
  }
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
  'scope.pathways': 'Groups the service takes',
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
const PARTS: Record<string, string> = {
  service: 'service',
  contact: 'contact',
  guidance: 'guidance',
  serviceId: 'service id in the directory',
};
const PATHWAY_LABELS: Record<(typeof PATHWAY_FIELDS)[number], string> = {
  label: 'name of the group',
  needs: 'needs in scope',
  mustInclude: 'must include one of',
  minAge: 'lowest age',
  maxAge: 'highest age',
  postcodeAreas: 'postcode areas',
};

/** Where a field sits on the page, for the error summary's order: a group's boxes sit where the groups are. */
function fieldOrder(field: string | undefined): number {
  if (!field) return EDITOR_FIELDS.length;
  const pathway = PATHWAY_PATH.exec(field);
  if (!pathway) return EDITOR_FIELDS.indexOf(field);
  const box = PATHWAY_FIELDS.indexOf(pathway[2] as (typeof PATHWAY_FIELDS)[number]);
  return EDITOR_FIELDS.indexOf('scope.pathways') + (Number(pathway[1]) * 10 + box + 1) / 10_000;
}

/** The field's name as the editor labels it, for the error summary ("Review by", "Safeguarding concern: action"). */
export function fieldLabel(field: string): string {
  if (LABELS[field]) return LABELS[field];
  const pathway = PATHWAY_PATH.exec(field);
  if (pathway) {
    return `Group ${Number(pathway[1]) + 1}: ${PATHWAY_LABELS[pathway[2] as (typeof PATHWAY_FIELDS)[number]] ?? 'name of the group'}`;
  }
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
  const order = (error: ModelFileError) => fieldOrder(fieldFor(error.path));
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
