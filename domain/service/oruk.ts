import { z } from 'zod';
import { type Service, serviceIdSchema, serviceSchema } from './service';

/**
 * A service as Open Referral UK (HSDS 3) JSON, so that a council's directory can seed the queue and the queue's
 * services can go into one. ORUK has no capacity of its own: a waiting list is its `wait_time` ("About 3 weeks: note"),
 * a pause its status "temporarily closed" with an `alert` ("Paused until 2027-01-05: note"). How the service makes
 * contact is its `application_process`; its hours a schedule's description; its areas `service_areas` by name.
 */

const ODS_SCHEME = 'ODS';

/** A stable UUID-shaped id from a text (FNV-1a, four rounds): ORUK ids are UUIDs, ours are names. */
function uuidFrom(text: string): string {
  const words = [0x811c9dc5, 0x01000193, 0x050c5d1f, 0x2f5e8d3b].map((seed) => {
    let hash = seed >>> 0;
    for (const char of text) hash = Math.imul(hash ^ (char.codePointAt(0) ?? 0), 0x01000193) >>> 0;
    return hash.toString(16).padStart(8, '0');
  });
  const hex = words.join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

function withNote(words: string, note: string | undefined): string {
  return note ? `${words}: ${note}` : words;
}

export type OrukService = z.output<typeof orukServiceSchema>;

export function serviceToOruk(service: Service): OrukService {
  const { capacity, organisation } = service;
  return {
    id: service.id,
    name: service.name,
    description: service.description,
    status: capacity.state === 'paused' ? 'temporarily closed' : 'active',
    application_process: service.contact,
    ...(capacity.state === 'waiting-list'
      ? { wait_time: withNote(`About ${capacity.weeks} week${capacity.weeks === 1 ? '' : 's'}`, capacity.note) }
      : {}),
    ...(capacity.state === 'paused' ? { alert: withNote(`Paused until ${capacity.until}`, capacity.note) } : {}),
    organization: {
      id: uuidFrom(organisation.odsCode ?? organisation.name),
      name: organisation.name,
      description: organisation.name,
      ...(organisation.odsCode
        ? {
            identifiers: [
              { identifier_scheme: ODS_SCHEME, identifier_type: 'ODS code', identifier: organisation.odsCode },
            ],
          }
        : {}),
    },
    schedules: [{ id: uuidFrom(`${service.id} hours`), description: service.hours }],
    service_areas: service.areas.map((area) => ({ id: uuidFrom(`${service.id} ${area}`), name: area })),
  };
}

const text = z.string().trim().min(1);
export const orukServiceSchema = z.looseObject({
  id: text,
  name: text,
  description: text,
  status: z.enum(['active', 'inactive', 'defunct', 'temporarily closed']),
  application_process: text.optional(),
  wait_time: text.optional(),
  alert: text.optional(),
  organization: z.looseObject({
    id: text,
    name: text,
    description: z.string().optional(),
    identifiers: z
      .array(
        z.looseObject({
          identifier_scheme: z.string().optional(),
          identifier_type: z.string().optional(),
          identifier: text,
        }),
      )
      .optional(),
  }),
  schedules: z.array(z.looseObject({ id: text, description: text.optional() })).optional(),
  service_areas: z.array(z.looseObject({ id: text, name: text.optional() })).optional(),
});

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Our id: the ORUK id when it is one of ours (a name, not a UUID), else a name made from the service's name. */
function idFrom(oruk: OrukService): string {
  if (!UUID.test(oruk.id) && serviceIdSchema.safeParse(oruk.id).success) return oruk.id;
  return oruk.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 63);
}

function capacityFrom(oruk: OrukService): unknown {
  const paused = oruk.alert && /^Paused until (\d{4}-\d{2}-\d{2})(?:: (.+))?$/s.exec(oruk.alert);
  if (oruk.status === 'temporarily closed' && paused) {
    return { state: 'paused', until: paused[1], ...(paused[2] ? { note: paused[2] } : {}) };
  }
  const waiting = oruk.wait_time && /^About (\d+) weeks?(?:: (.+))?$/is.exec(oruk.wait_time);
  if (waiting) return { state: 'waiting-list', weeks: Number(waiting[1]), ...(waiting[2] ? { note: waiting[2] } : {}) };
  return { state: 'accepting' };
}

export type OrukReading = { ok: true; service: Service } | { ok: false; problems: { path: string; message: string }[] };

/**
 * A service read from ORUK JSON. What ORUK does not require but a service here needs (how it makes contact, its
 * hours) is a located problem, never made up.
 */
export function serviceFromOruk(json: unknown): OrukReading {
  const read = orukServiceSchema.safeParse(json);
  if (!read.success) {
    return {
      ok: false,
      problems: read.error.issues.map((issue) => ({
        path: issue.path.join('.') || '(the file)',
        message: issue.message,
      })),
    };
  }
  const oruk = read.data;
  if (oruk.status === 'inactive' || oruk.status === 'defunct') {
    return {
      ok: false,
      problems: [{ path: 'status', message: `The service is ${oruk.status}: not one to refer to.` }],
    };
  }
  const odsCode = oruk.organization.identifiers?.find(
    (identifier) => identifier.identifier_scheme === ODS_SCHEME,
  )?.identifier;
  const service = serviceSchema.safeParse({
    id: idFrom(oruk),
    name: oruk.name,
    organisation: { name: oruk.organization.name, ...(odsCode ? { odsCode } : {}) },
    description: oruk.description,
    contact: oruk.application_process,
    hours: oruk.schedules?.find((schedule) => schedule.description)?.description,
    areas: (oruk.service_areas ?? []).flatMap((area) => (area.name ? [area.name] : [])),
    capacity: capacityFrom(oruk),
  });
  if (service.success) return { ok: true, service: service.data };
  const orukPath: Record<string, string> = {
    contact: 'application_process',
    hours: 'schedules',
    organisation: 'organization',
  };
  return {
    ok: false,
    problems: service.error.issues.map((issue) => {
      const [field, ...rest] = issue.path.map(String);
      return { path: [orukPath[field ?? ''] ?? field, ...rest].join('.'), message: issue.message };
    }),
  };
}
