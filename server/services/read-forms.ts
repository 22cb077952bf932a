import type { z } from 'zod';
import { type DatePart, type DateParts, partsOf, readDateParts } from '../../domain/clock/date-parts';
import type { ServiceModel } from '../../domain/model/model';
import { readModelFile } from '../../domain/model/model-file';
import { type Service, type ServiceCapacity, serviceCapacitySchema, serviceSchema } from '../../domain/service/service';

/** One problem with what the lead entered: the control it is about (its id) and what is wrong, in plain words. */
/** What is wrong, and where; for a date, which of its boxes. */
export type Problem = { field?: string; message: string; parts?: DatePart[] };

/** What the details form posts, as typed, to check and to show again. */
export type DetailsForm = {
  name: string;
  organisationName: string;
  organisationOds: string;
  description: string;
  contact: string;
  hours: string;
  areas: string;
};

/** What the capacity form posts, as typed. */
export type CapacityForm = { state: string; weeks: string; until: DateParts; note: string };

export type Read<T> = { ok: true; value: T } | { ok: false; problems: Problem[] };

function text(form: Record<string, unknown>, name: string): string {
  const value = form[name];
  return typeof value === 'string' ? value.trim() : '';
}

/** "BS16, BS5 bs7" and "BS16\nBS5" alike: the areas a lead lists, one a word. */
function areaList(typed: string): string[] {
  return typed.split(/[\s,;]+/).filter(Boolean);
}

/** The form control each of the details schema's fields is entered in. */
const DETAILS_FIELDS: Record<string, keyof DetailsForm> = {
  name: 'name',
  'organisation.name': 'organisationName',
  'organisation.odsCode': 'organisationOds',
  description: 'description',
  contact: 'contact',
  hours: 'hours',
  areas: 'areas',
};

export function detailsForm(form: Record<string, unknown>): DetailsForm {
  return {
    name: text(form, 'name'),
    organisationName: text(form, 'organisationName'),
    organisationOds: text(form, 'organisationOds').toUpperCase(),
    description: text(form, 'description'),
    contact: text(form, 'contact'),
    hours: text(form, 'hours'),
    areas: text(form, 'areas'),
  };
}

/** The details form read against the service's schema: the service with its new details, or each problem at its field. */
export function readDetails(current: Service, entered: DetailsForm): Read<Service> {
  const areas = areaList(entered.areas);
  const parsed = serviceSchema.safeParse({
    ...current,
    name: entered.name,
    organisation: {
      name: entered.organisationName,
      ...(entered.organisationOds ? { odsCode: entered.organisationOds } : {}),
    },
    description: entered.description,
    contact: entered.contact,
    hours: entered.hours,
    areas,
  });
  if (parsed.success) return { ok: true, value: parsed.data };
  return {
    ok: false,
    problems: parsed.error.issues.map((issue) => {
      const [first, second] = issue.path;
      if (first === 'areas' && typeof second === 'number')
        return { field: 'areas', message: `“${areas[second]}”: ${issue.message}` };
      const at = issue.path.map(String).join('.');
      return { field: DETAILS_FIELDS[at] ?? DETAILS_FIELDS[String(first)] ?? 'name', message: issue.message };
    }),
  };
}

export function capacityForm(form: Record<string, unknown>): CapacityForm {
  return {
    state: text(form, 'state'),
    weeks: text(form, 'weeks'),
    until: untilBoxes(form),
    note: text(form, 'note'),
  };
}

/** The pause's end as its day, month and year boxes (the NHS date input), or as YYYY-MM-DD from a script. */
function untilBoxes(form: Record<string, unknown>): DateParts {
  const boxes = { day: text(form, 'until-day'), month: text(form, 'until-month'), year: text(form, 'until-year') };
  return Object.values(boxes).some((box) => box !== '') ? boxes : partsOf(text(form, 'until'));
}

/** What the lead sees when they leave out, or mistype, each part of the capacity. */
const CAPACITY_MESSAGES = {
  state: () => 'Choose whether the service is accepting referrals, has a waiting list, or is paused.',
  weeks: (entered) =>
    entered.weeks === ''
      ? 'Say about how many weeks people wait.'
      : 'The wait is a whole number of weeks, from 1 to 104.',
  until: () => 'Enter the pause end date',
  note: () => 'Keep the note to 500 characters.',
} satisfies Record<string, (entered: CapacityForm) => string>;
type CapacityField = keyof typeof CAPACITY_MESSAGES;

/** The capacity form as a capacity; a pause must end after today (`today` is the UK day, YYYY-MM-DD). */
export function readCapacity(entered: CapacityForm, today: string): Read<ServiceCapacity> {
  const note = entered.note ? { note: entered.note } : {};
  const weeks = /^\d{1,4}$/.test(entered.weeks) ? Number(entered.weeks) : entered.weeks || undefined;
  const until = readDateParts(entered.until, 'Pause end date');
  if (entered.state === 'paused' && !until.ok)
    return { ok: false, problems: [{ field: 'until', message: until.message, parts: until.parts }] };
  const candidate =
    entered.state === 'waiting-list'
      ? { state: entered.state, weeks, ...note }
      : entered.state === 'paused'
        ? { state: entered.state, until: until.ok ? until.iso : undefined, ...note }
        : { state: entered.state || undefined };
  const parsed = serviceCapacitySchema.safeParse(candidate);
  if (!parsed.success) return { ok: false, problems: capacityProblems(parsed.error.issues, entered) };
  if (parsed.data.state === 'paused' && parsed.data.until <= today)
    return { ok: false, problems: [{ field: 'until', message: 'The date the pause ends must be after today.' }] };
  return { ok: true, value: parsed.data };
}

function capacityProblems(issues: z.core.$ZodIssue[], entered: CapacityForm): Problem[] {
  const at = (issue: z.core.$ZodIssue): CapacityField => {
    const first = String(issue.path[0]);
    return first in CAPACITY_MESSAGES ? (first as CapacityField) : 'state';
  };
  const fields = [...new Set(issues.map(at))];
  return fields.map((field) => ({ field, message: CAPACITY_MESSAGES[field](entered) }));
}

/** The form's values for the service as it is now. */
export function detailsOf(service: Service): DetailsForm {
  return {
    name: service.name,
    organisationName: service.organisation.name,
    organisationOds: service.organisation.odsCode ?? '',
    description: service.description,
    contact: service.contact,
    hours: service.hours,
    areas: service.areas.join(', '),
  };
}

export function capacityOf(capacity: ServiceCapacity): CapacityForm {
  return {
    state: capacity.state,
    weeks: capacity.state === 'waiting-list' ? String(capacity.weeks) : '',
    until: partsOf(capacity.state === 'paused' ? capacity.until : ''),
    note: capacity.state === 'accepting' ? '' : (capacity.note ?? ''),
  };
}

/** What the propose form posts: the practice, and the model as typed or as an uploaded file's text. */
export type ProposeForm = { practice: string; model: string };

/**
 * The model a lead proposes, read as the pad reads a model file (domain readModelFile): an uploaded file wins over the
 * text box; each problem names where in the model it is.
 */
export function readProposal(entered: ProposeForm, practices: readonly string[]): Read<ServiceModel> {
  const problems: Problem[] = [];
  if (!practices.includes(entered.practice)) problems.push({ field: 'practice', message: 'Choose the practice.' });
  if (entered.model.trim() === '') {
    problems.push({ field: 'model', message: 'Paste the model, or choose a model file.' });
    return { ok: false, problems };
  }
  const read = readModelFile(entered.model);
  if (!read.ok)
    problems.push(
      ...read.errors.map((error) => ({
        field: 'model',
        message: error.path === '(the file)' ? error.message : `${error.path}: ${error.message}`,
      })),
    );
  return problems.length || !read.ok ? { ok: false, problems } : { ok: true, value: read.model };
}

/** The propose form's fields; a file chosen (multipart) replaces the text box. */
export async function proposeForm(form: Record<string, unknown>): Promise<ProposeForm> {
  const file = form.file;
  const uploaded = file instanceof File && file.size > 0 ? await file.text() : '';
  const typed = typeof form.model === 'string' ? form.model : '';
  return { practice: text(form, 'practice').toUpperCase(), model: uploaded || typed };
}
