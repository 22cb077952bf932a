import { z } from 'zod';
import type { fhir4 } from '../fhir';
import { type FhirProblem, zodProblems } from '../fhir/problems';
import { BASE, SYSTEMS } from '../fhir/systems';
import { CHECK_ENDINGS, type PointOfReferralCounts, pointOfReferralCountsSchema, type ServiceCounts } from './counts';

/** The measure the counts report on, and the codes of its groups and strata (ours: no standard one fits). */
export const COUNTS_MEASURE = `${BASE}/Measure/point-of-referral-counts`;
const ENDING_SYSTEM = `${BASE}/CodeSystem/check-ending`;
const STRATIFIER_SYSTEM = `${BASE}/CodeSystem/count-stratifier`;
const POPULATION_SYSTEM = 'http://terminology.hl7.org/CodeSystem/measure-population';

const GROUPS = ['checked', ...CHECK_ENDINGS] as const;
type GroupCode = (typeof GROUPS)[number];
const COMPONENTS = ['service', 'model-version', 'route'] as const;
type Stratum = { serviceId: string | null; modelVersion: number | null; route: string | null; n: number };

const population = (count: number) => [
  { code: { coding: [{ system: POPULATION_SYSTEM, code: 'initial-population' }] }, count },
];
const component = (code: (typeof COMPONENTS)[number], text: string) => ({
  code: { coding: [{ system: STRATIFIER_SYSTEM, code }] },
  value: { text },
});

function strataOf(service: ServiceCounts, group: GroupCode): Stratum[] {
  const { serviceId, modelVersion } = service;
  const one = (n: number): Stratum[] => (n > 0 ? [{ serviceId, modelVersion, route: null, n }] : []);
  switch (group) {
    case 'checked':
      return one(service.checked);
    case 'sent-in-model':
      return one(service.sentInModel);
    case 'sent-with-override':
      return one(service.sentWithOverride);
    case 'abandoned':
      return one(service.abandoned);
    case 'redirected':
      return service.redirected.map(({ route, n }) => ({ serviceId, modelVersion, route, n }));
  }
}

/**
 * The day's counts as a FHIR R4 MeasureReport (summary, complete): the period is the UK day, the reporter the
 * practice's ODS code, one group per ending (and one for every check), each stratified by service, model version and,
 * for redirects, route. Nothing else: no date of making it, so every retry of a batch sends the same body.
 */
export function toMeasureReport(counts: PointOfReferralCounts): fhir4.MeasureReport {
  return {
    resourceType: 'MeasureReport',
    status: 'complete',
    type: 'summary',
    measure: COUNTS_MEASURE,
    reporter: { identifier: { system: SYSTEMS.ods, value: counts.odsCode } },
    period: { start: counts.day, end: counts.day },
    group: GROUPS.map((code) => {
      const strata = counts.services.flatMap((service) => strataOf(service, code));
      return {
        code: { coding: [{ system: ENDING_SYSTEM, code }] },
        population: population(strata.reduce((sum, { n }) => sum + n, 0)),
        stratifier: [
          {
            code: [{ text: 'service, model version and route' }],
            stratum: strata.map(({ serviceId, modelVersion, route, n }) => ({
              component: [
                ...(serviceId ? [component('service', serviceId)] : []),
                ...(modelVersion !== null ? [component('model-version', String(modelVersion))] : []),
                ...(route !== null ? [component('route', route)] : []),
              ],
              population: population(n),
            })),
          },
        ],
      };
    }),
  };
}

const count = z.number().int().min(0).max(1_000_000);
/** One population, initial-population, with its count. */
const populationSchema = z.tuple([
  z.strictObject({
    code: z.strictObject({
      coding: z.tuple([
        z.strictObject({ system: z.literal(POPULATION_SYSTEM), code: z.literal('initial-population') }),
      ]),
    }),
    count,
  }),
]);
const componentSchema = z.strictObject({
  code: z.strictObject({
    coding: z.tuple([z.strictObject({ system: z.literal(STRATIFIER_SYSTEM), code: z.enum(COMPONENTS) })]),
  }),
  value: z.strictObject({ text: z.string().max(120) }),
});
const groupSchema = z.strictObject({
  code: z.strictObject({
    coding: z.tuple([z.strictObject({ system: z.literal(ENDING_SYSTEM), code: z.enum(GROUPS) })]),
  }),
  population: populationSchema,
  stratifier: z.tuple([
    z.strictObject({
      code: z.array(z.strictObject({ text: z.string().max(200) })).max(1),
      stratum: z
        .array(z.strictObject({ component: z.array(componentSchema).max(3), population: populationSchema }))
        .max(2000),
    }),
  ]),
});

/** Strict: a field this schema does not name (a patient, a note) makes the report malformed, never stored (HEC1). */
const measureReportSchema = z.strictObject({
  resourceType: z.literal('MeasureReport'),
  status: z.literal('complete'),
  type: z.literal('summary'),
  measure: z.literal(COUNTS_MEASURE),
  reporter: z.strictObject({ identifier: z.strictObject({ system: z.literal(SYSTEMS.ods), value: z.string() }) }),
  period: z.strictObject({ start: z.iso.date(), end: z.iso.date() }),
  group: z.array(groupSchema).length(GROUPS.length, `One group for each of: ${GROUPS.join(', ')}.`),
});
type ReadGroup = z.output<typeof groupSchema>;

export type ReadCounts = { ok: true; counts: PointOfReferralCounts } | { ok: false; problems: FhirProblem[] };

/** Reads a MeasureReport the pad sent back into the day's counts, or says where it is wrong (FHIRPath-like paths). */
export function fromMeasureReport(body: unknown): ReadCounts {
  const parsed = measureReportSchema.safeParse(body);
  if (!parsed.success) return { ok: false, problems: zodProblems(parsed.error, 'MeasureReport') };
  const report = parsed.data;
  const problems: FhirProblem[] = [];
  if (report.period.start !== report.period.end)
    problems.push({ path: 'MeasureReport.period', message: 'The period is one day: start and end are the same.' });
  const byCode = new Map<GroupCode, { group: ReadGroup; index: number }>();
  report.group.forEach((group, index) => {
    const code = group.code.coding[0].code;
    if (byCode.has(code))
      problems.push({ path: `MeasureReport.group[${index}].code`, message: `The group ${code} comes twice.` });
    byCode.set(code, { group, index });
  });
  const services = new Map<string, ServiceCounts>();
  for (const [code, { group, index }] of byCode)
    readGroup(code, group, `MeasureReport.group[${index}]`, services, problems);
  if (problems.length) return { ok: false, problems };
  const counts = pointOfReferralCountsSchema.safeParse({
    odsCode: report.reporter.identifier.value,
    day: report.period.start,
    services: [...services.values()],
  });
  if (!counts.success)
    return {
      ok: false,
      problems: counts.error.issues.map((issue) => ({
        path: issue.path[0] === 'odsCode' ? 'MeasureReport.reporter.identifier.value' : 'MeasureReport.group',
        message: `${issue.path.join('.')}: ${issue.message}`,
      })),
    };
  return { ok: true, counts: counts.data };
}

function readGroup(
  code: GroupCode,
  group: ReadGroup,
  path: string,
  services: Map<string, ServiceCounts>,
  problems: FhirProblem[],
): void {
  let total = 0;
  group.stratifier[0].stratum.forEach((stratum, index) => {
    const at = `${path}.stratifier[0].stratum[${index}]`;
    const value = (name: (typeof COMPONENTS)[number]) =>
      stratum.component.find((one) => one.code.coding[0].code === name)?.value.text ?? null;
    const serviceId = value('service');
    const version = value('model-version');
    const route = value('route');
    const modelVersion = version === null ? null : Number(version);
    if (modelVersion !== null && !(Number.isInteger(modelVersion) && modelVersion > 0))
      problems.push({ path: `${at}.component`, message: 'The model version is a whole number from 1.' });
    if ((route !== null) !== (code === 'redirected'))
      problems.push({ path: `${at}.component`, message: 'A route is given for redirects, and only for them.' });
    const n = stratum.population[0].count;
    total += n;
    const key = `${serviceId} ${modelVersion}`;
    const service = services.get(key) ?? {
      serviceId,
      modelVersion,
      checked: 0,
      sentInModel: 0,
      sentWithOverride: 0,
      redirected: [],
      abandoned: 0,
    };
    services.set(key, add(service, code, route, n));
  });
  if (total !== group.population[0].count)
    problems.push({
      path: `${path}.population[0].count`,
      message: `The group's count (${group.population[0].count}) is not the sum of its strata (${total}).`,
    });
}

function add(service: ServiceCounts, code: GroupCode, route: string | null, n: number): ServiceCounts {
  const field: Record<Exclude<GroupCode, 'redirected'>, keyof ServiceCounts> = {
    checked: 'checked',
    'sent-in-model': 'sentInModel',
    'sent-with-override': 'sentWithOverride',
    abandoned: 'abandoned',
  };
  if (code === 'redirected') return { ...service, redirected: [...service.redirected, { route: route ?? '', n }] };
  const key = field[code];
  return { ...service, [key]: (service[key] as number) + n };
}
