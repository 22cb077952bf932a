import type * as fhir4 from 'fhir/r4';
import { z } from 'zod';
import { type DirectoryEntry, directoryEntrySchema } from '../service/directory';
import type { Service, ServiceCapacity } from '../service/service';
import { type FhirProblem, joinPath, zodProblems } from './problems';
import { EXTENSIONS, SYSTEMS } from './systems';

/** An organisation's resource id: its ODS code where it has one, so that two services of one organisation share it. */
function organisationId(service: Service): string {
  return service.organisation.odsCode ? service.organisation.odsCode.toLowerCase() : `${service.id}-organisation`;
}

function organisationResource(service: Service): fhir4.Organization {
  const { odsCode, name } = service.organisation;
  return {
    resourceType: 'Organization',
    id: organisationId(service),
    ...(odsCode ? { identifier: [{ system: SYSTEMS.ods, value: odsCode }] } : {}),
    name,
  };
}

function capacityExtension(capacity: ServiceCapacity): fhir4.Extension {
  const parts: fhir4.Extension[] = [{ url: 'state', valueCode: capacity.state }];
  if (capacity.state === 'waiting-list') parts.push({ url: 'weeks', valuePositiveInt: capacity.weeks });
  if (capacity.state === 'paused') parts.push({ url: 'until', valueDate: capacity.until });
  if (capacity.state !== 'accepting' && capacity.note) parts.push({ url: 'note', valueString: capacity.note });
  return { url: EXTENSIONS.serviceCapacity, extension: parts };
}

function healthcareService({ service, agreement }: DirectoryEntry): fhir4.HealthcareService {
  return {
    resourceType: 'HealthcareService',
    id: service.id,
    extension: [
      capacityExtension(service.capacity),
      ...service.areas.map((area) => ({ url: EXTENSIONS.serviceArea, valueString: area })),
      { url: EXTENSIONS.serviceContact, valueString: service.contact },
      { url: EXTENSIONS.agreedModel, valueString: JSON.stringify(agreement) },
    ],
    active: true,
    providedBy: { reference: `Organization/${organisationId(service)}`, display: service.organisation.name },
    name: service.name,
    comment: service.description,
    availabilityExceptions: service.hours,
  };
}

/** A practice's directory as a FHIR R4 searchset: each HealthcareService (match), then each Organization once (include). */
export function directoryToBundle(entries: readonly DirectoryEntry[]): fhir4.Bundle {
  const organisations = new Map<string, fhir4.Organization>();
  for (const { service } of entries) organisations.set(organisationId(service), organisationResource(service));
  const bundleEntries: fhir4.BundleEntry[] = [
    ...entries.map((entry) => ({ resource: healthcareService(entry), search: { mode: 'match' as const } })),
    ...[...organisations.values()].map((resource) => ({ resource, search: { mode: 'include' as const } })),
  ];
  return {
    resourceType: 'Bundle',
    type: 'searchset',
    total: entries.length,
    ...(bundleEntries.length > 0 ? { entry: bundleEntries } : {}),
  };
}

const extensionSchema = z.looseObject({
  url: z.string(),
  valueString: z.string().optional(),
  valueCode: z.string().optional(),
  valuePositiveInt: z.number().optional(),
  valueDate: z.string().optional(),
  get extension() {
    return z.array(extensionSchema).optional();
  },
});
type Extension = z.output<typeof extensionSchema>;

const organisationSchema = z.looseObject({
  resourceType: z.literal('Organization'),
  id: z.string(),
  name: z.string(),
  identifier: z.array(z.looseObject({ system: z.string().optional(), value: z.string().optional() })).optional(),
});

const healthcareServiceSchema = z.looseObject({
  resourceType: z.literal('HealthcareService'),
  id: z.string(),
  name: z.string(),
  comment: z.string(),
  availabilityExceptions: z.string(),
  providedBy: z.looseObject({ reference: z.string() }),
  extension: z.array(extensionSchema),
});
type HealthcareService = z.output<typeof healthcareServiceSchema>;

const searchsetSchema = z.looseObject({
  resourceType: z.literal('Bundle'),
  type: z.literal('searchset'),
  entry: z.array(z.looseObject({ resource: z.looseObject({ resourceType: z.string() }) })).optional(),
});

export type DirectoryReading = { ok: true; entries: DirectoryEntry[] } | { ok: false; problems: FhirProblem[] };

function capacityFrom(extension: Extension | undefined): Record<string, unknown> | undefined {
  if (!extension) return undefined;
  const part = (url: string) => extension.extension?.find((sub) => sub.url === url);
  return {
    state: part('state')?.valueCode,
    ...(part('weeks') ? { weeks: part('weeks')?.valuePositiveInt } : {}),
    ...(part('until') ? { until: part('until')?.valueDate } : {}),
    ...(part('note') ? { note: part('note')?.valueString } : {}),
  };
}

function agreementFrom(text: string | undefined, path: string, problems: FhirProblem[]): unknown {
  if (text === undefined) {
    problems.push({ path, message: `The agreed model is missing (extension ${EXTENSIONS.agreedModel}).` });
    return undefined;
  }
  try {
    return JSON.parse(text);
  } catch {
    problems.push({ path, message: 'The agreed model is not valid JSON.' });
    return undefined;
  }
}

/** Where each of the service's fields came from in the resource, so that a bad one is located there. */
function servicePath(resource: HealthcareService, field: string, rest: PropertyKey[]): PropertyKey[] {
  const at = (url: string, nth = 0) =>
    resource.extension.map((extension, index) => (extension.url === url ? index : -1)).filter((i) => i >= 0)[nth];
  switch (field) {
    case 'description':
      return ['comment', ...rest];
    case 'hours':
      return ['availabilityExceptions', ...rest];
    case 'organisation':
      return ['providedBy'];
    case 'contact':
      return ['extension', at(EXTENSIONS.serviceContact) ?? '(service-contact)', 'valueString'];
    case 'areas':
      return ['extension', at(EXTENSIONS.serviceArea, Number(rest[0])) ?? '(service-area)', 'valueString'];
    case 'capacity':
      return [
        'extension',
        at(EXTENSIONS.serviceCapacity) ?? '(service-capacity)',
        ...rest.map((key) => `(${String(key)})`),
      ];
    default:
      return [field, ...rest];
  }
}

function readEntry(
  resource: HealthcareService,
  organisations: Map<string, z.output<typeof organisationSchema>>,
  base: string,
): { entry?: DirectoryEntry; problems: FhirProblem[] } {
  const problems: FhirProblem[] = [];
  const byUrl = (url: string) => resource.extension.filter((extension) => extension.url === url);
  const agreementIndex = resource.extension.findIndex((extension) => extension.url === EXTENSIONS.agreedModel);
  const agreementPath = joinPath(
    base,
    agreementIndex < 0 ? ['extension'] : ['extension', agreementIndex, 'valueString'],
  );
  const agreement = agreementFrom(resource.extension[agreementIndex]?.valueString, agreementPath, problems);
  const organisation = organisations.get(resource.providedBy.reference.replace(/^Organization\//, ''));
  if (!organisation) {
    problems.push({ path: joinPath(base, ['providedBy']), message: 'The Organization it names is not in the Bundle.' });
  }
  if (problems.length > 0) return { problems };
  const odsCode = organisation?.identifier?.find((identifier) => identifier.system === SYSTEMS.ods)?.value;
  const service = {
    id: resource.id,
    name: resource.name,
    organisation: { name: organisation?.name, ...(odsCode ? { odsCode } : {}) },
    description: resource.comment,
    contact: byUrl(EXTENSIONS.serviceContact)[0]?.valueString,
    hours: resource.availabilityExceptions,
    areas: byUrl(EXTENSIONS.serviceArea).map((extension) => extension.valueString),
    capacity: capacityFrom(byUrl(EXTENSIONS.serviceCapacity)[0]),
  };
  const parsed = directoryEntrySchema.safeParse({ service, agreement });
  if (parsed.success) return { entry: parsed.data, problems };
  for (const issue of parsed.error.issues) {
    const [part, field, ...rest] = issue.path;
    const where =
      part === 'agreement'
        ? `${agreementPath} (agreed model: ${[field, ...rest].map(String).join('.')})`
        : joinPath(base, servicePath(resource, String(field), rest));
    problems.push({ path: where, message: issue.message });
  }
  return { problems };
}

/** A directory searchset read back into entries; a problem names where in the Bundle it is. Never throws. */
export function readDirectoryBundle(json: unknown): DirectoryReading {
  const bundle = searchsetSchema.safeParse(json);
  if (!bundle.success) return { ok: false, problems: zodProblems(bundle.error) };
  const entries = bundle.data.entry ?? [];
  const organisations = new Map<string, z.output<typeof organisationSchema>>();
  const problems: FhirProblem[] = [];
  const services: { resource: HealthcareService; base: string }[] = [];
  entries.forEach(({ resource }, index) => {
    const base = `entry[${index}].resource`;
    const schema = resource.resourceType === 'Organization' ? organisationSchema : healthcareServiceSchema;
    if (resource.resourceType !== 'Organization' && resource.resourceType !== 'HealthcareService') {
      problems.push({ path: `${base}.resourceType`, message: 'Expected a HealthcareService or an Organization.' });
      return;
    }
    const parsed = schema.safeParse(resource);
    if (!parsed.success) problems.push(...zodProblems(parsed.error, base));
    else if (parsed.data.resourceType === 'Organization') organisations.set(parsed.data.id, parsed.data);
    else services.push({ resource: parsed.data as HealthcareService, base });
  });
  const read = services.map(({ resource, base }) => readEntry(resource, organisations, base));
  problems.push(...read.flatMap((result) => result.problems));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, entries: read.flatMap((result) => (result.entry ? [result.entry] : [])) };
}
