import { partsOf, readDateParts } from '../clock/date-parts';
import { FORMAT_VERSION, type ServiceModel, serviceModelSchema } from '../model/model';
import { located, type ModelFileError } from '../model/model-file';
import { SAFETY_FLAGS } from '../referral/safety';
import type { ModelForm, RouteForm } from './form';

export type FormResult = { ok: true; model: ServiceModel } | { ok: false; errors: ModelFileError[] };

const optional = (text: string) => (text.trim() === '' ? undefined : text.trim());

function route(form: RouteForm) {
  return {
    service: form.service,
    contact: form.contact,
    guidance: optional(form.guidance),
    serviceId: optional(form.serviceId),
  };
}

/** Splits "BS15, BS16 BS30" into its items. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((item) => item.trim())
    .filter(Boolean);
}

/** A box of whole numbers: blank is no value; anything else not a whole number is an error at that field. */
function wholeNumber(text: string, path: string, what: string, errors: ModelFileError[]): number | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  if (/^\d{1,4}$/.test(trimmed)) return Number(trimmed);
  errors.push({ path, message: `${what} is a whole number, for example 55; “${trimmed}” is not.` });
  return undefined;
}

/** A date's boxes (kept as "1/4/2026"; a loaded model's as YYYY-MM-DD): the day, or '' with the error at the field. */
function day(text: string, path: string, what: string, errors: ModelFileError[]): string {
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return text;
  const reading = readDateParts(partsOf(text), what);
  if (reading.ok) return reading.iso;
  errors.push({ path, message: `${reading.message}.` });
  return '';
}

/**
 * The model the editor describes, checked by the same schema as a model file, or every problem found, each at the
 * dotted path of the field it belongs to (so the page can show it beside that field).
 */
export function fromForm(form: ModelForm): FormResult {
  const errors: ModelFileError[] = [];
  const pathways = form.scope.pathways.map((pathway, index) => {
    const at = `scope.pathways.${index}`;
    return {
      label: pathway.label,
      minAge: wholeNumber(pathway.minAge, `${at}.minAge`, 'The lowest age', errors),
      maxAge: wholeNumber(pathway.maxAge, `${at}.maxAge`, 'The highest age', errors),
      postcodeAreas: splitList(pathway.postcodeAreas),
      // None ticked is any need, as in a model file where the list is left out.
      needs: pathway.needs.length ? pathway.needs : undefined,
      mustInclude: pathway.mustInclude,
    };
  });
  const typicalWeeks =
    form.capacity.status === 'waiting-list'
      ? (wholeNumber(form.capacity.typicalWeeks, 'capacity.typicalWeeks', 'The typical wait in weeks', errors) ?? '')
      : undefined;
  const capacity =
    form.capacity.status === 'open'
      ? { status: 'open' }
      : form.capacity.status === 'waiting-list'
        ? { status: 'waiting-list', typicalWeeks }
        : { status: 'paused', message: optional(form.capacity.message), redirectTo: route(form.capacity.redirectTo) };
  const built = {
    formatVersion: FORMAT_VERSION,
    id: form.id.trim(),
    version: form.version,
    name: form.name,
    kind: form.kind,
    service: {
      name: form.service.name,
      contact: form.service.contact,
      whatHappensNext: optional(form.service.whatHappensNext),
    },
    agreement: {
      // A blank row the champion added but did not fill is not a party to the agreement.
      agreedBy: form.agreement.agreedBy.map((party) => party.trim()).filter(Boolean),
      agreedOn: day(form.agreement.agreedOn, 'agreement.agreedOn', 'Date agreed', errors),
      reviewBy: day(form.agreement.reviewBy, 'agreement.reviewBy', 'Review date', errors),
      summary: form.agreement.summary,
    },
    scope: {
      pathways,
      practices: splitList(form.scope.practices),
      outOfScopeRoute: route(form.scope.outOfScopeRoute),
    },
    safety: Object.fromEntries(
      SAFETY_FLAGS.map((flag) => {
        const rule = form.safety[flag];
        return [
          flag,
          // A flag that is reviewed or accepted may still name where to go instead (the link worker's advice).
          rule.action === 'redirect' || Object.values(rule.redirectTo).some((text) => text.trim() !== '')
            ? { action: rule.action, redirectTo: route(rule.redirectTo) }
            : { action: rule.action },
        ];
      }),
    ),
    requiredFields: form.requiredFields,
    contactModes: form.contactModes,
    capacity,
    overridesAllowed: form.overridesAllowed,
  };
  // Blank optional boxes become absent keys, as in a model file, not keys holding undefined.
  const input: unknown = JSON.parse(JSON.stringify(built));
  const parsed = serviceModelSchema.safeParse(input);
  if (parsed.success && errors.length === 0) return { ok: true, model: parsed.data };
  // A number or date box that did not read already has its error; zod's "missing" for it would only repeat it.
  const numberPaths = new Set(errors.map((error) => error.path));
  const schemaErrors = parsed.success
    ? []
    : located(parsed.error.issues, input).filter((error) => !numberPaths.has(error.path));
  return { ok: false, errors: [...errors, ...schemaErrors] };
}
