import type { Context } from 'hono';
import { fromMeasureReport } from '../../domain/evaluation/measure-report';
import { modelRoutes, OTHER_ROUTE } from '../../domain/evaluation/routes';
import type { fhir4 } from '../../domain/fhir';
import type { PracticeVariables } from '../auth/practice-token';
import type { Service } from '../context';
import { bodyHash } from '../store/fhir-answers';
import { recordPointOfReferralCounts } from '../store/point-of-referral-counts';
import { agreementFor, getService } from '../store/services';
import { fhirJson, type Issue, outcome } from './operation-outcome';

const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;
const JSON_TYPES = /^application\/(fhir\+)?json(\s*;.*)?$/i;

type Stratum = { serviceId: string | null; modelVersion: number | null; route: string | null; path: string };

/** Each stratum of a report already read by fromMeasureReport, with where it is. */
function strataOf(report: fhir4.MeasureReport): Stratum[] {
  return (report.group ?? []).flatMap((group, g) =>
    (group.stratifier?.[0]?.stratum ?? []).map((stratum, s) => {
      const value = (code: string) =>
        stratum.component?.find((one) => one.code.coding?.[0]?.code === code)?.value.text ?? null;
      const version = value('model-version');
      return {
        serviceId: value('service'),
        modelVersion: version === null ? null : Number(version),
        route: value('route'),
        path: `MeasureReport.group[${g}].stratifier[0].stratum[${s}]`,
      };
    }),
  );
}

/**
 * A service's counts are under a version it agreed with this practice, and a redirect's route is one that version
 * names (or OTHER_ROUTE, or a service on this queue): nothing else is a route, so nothing else is stored (HEC2).
 */
async function refusedStrata(service: Service, odsCode: string, report: fhir4.MeasureReport): Promise<Issue[]> {
  const issues: Issue[] = [];
  const routes = new Map<string, string[] | undefined>();
  for (const { serviceId, modelVersion, route, path } of strataOf(report)) {
    if (serviceId === null) continue;
    const key = `${serviceId} ${modelVersion}`;
    if (!routes.has(key)) {
      const agreed =
        modelVersion === null ? undefined : await agreementFor(service.db, odsCode, serviceId, modelVersion);
      routes.set(key, agreed && modelRoutes(agreed.model));
    }
    const named = routes.get(key);
    if (!named) {
      issues.push({
        code: 'business-rule',
        path: `${path}.component`,
        message: `Version ${modelVersion ?? '(none)'} of service “${serviceId}” is not agreed with practice ${odsCode}.`,
      });
    } else if (
      route !== null &&
      !named.includes(route) &&
      route !== OTHER_ROUTE &&
      !(await getService(service.db, route))
    ) {
      issues.push({
        code: 'business-rule',
        path: `${path}.component`,
        message: `“${route}” is not a route of version ${modelVersion} of service “${serviceId}”.`,
      });
    }
  }
  return issues;
}

/**
 * POST /fhir/MeasureReport: a batch of point-of-referral counts from a practice's pad, stored once under its
 * Idempotency-Key (the batch key): a retry of the same batch is answered as the first was, and counted once.
 */
export async function receiveCounts(service: Service, c: Context<PracticeVariables>) {
  const odsCode = c.get('odsCode');
  if (!JSON_TYPES.test(c.req.header('Content-Type') ?? ''))
    return outcome(c, 415, [{ code: 'not-supported', message: 'Send the MeasureReport as application/fhir+json.' }]);
  const key = c.req.header('Idempotency-Key');
  if (key === undefined || !IDEMPOTENCY_KEY.test(key))
    return outcome(c, 400, [
      { code: 'invalid', message: 'The Idempotency-Key (the batch’s key) is 1 to 200 visible ASCII characters.' },
    ]);
  const text = await c.req.text();
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return outcome(c, 400, [{ code: 'structure', message: 'The body is not JSON.' }]);
  }
  const read = fromMeasureReport(body);
  if (!read.ok)
    return outcome(
      c,
      422,
      read.problems.map(({ path, message }) => ({ code: 'invalid', path, message })),
    );
  const { counts } = read;
  if (counts.odsCode !== odsCode)
    return outcome(c, 403, [
      {
        code: 'forbidden',
        path: 'MeasureReport.reporter.identifier.value',
        message: `This token sends for practice ${odsCode}; these counts are practice ${counts.odsCode}’s.`,
      },
    ]);
  const refused = await refusedStrata(service, odsCode, body as fhir4.MeasureReport);
  if (refused.length) return outcome(c, 422, refused);
  const recorded = await recordPointOfReferralCounts(service.db, {
    counts,
    batchKey: key,
    bodyHash: bodyHash(text),
    receivedAt: service.now(),
  });
  if (recorded === 'key-conflict')
    return outcome(c, 422, [
      {
        code: 'conflict',
        message:
          'This Idempotency-Key was already used with other counts. A retry must send the same MeasureReport; a new batch needs a new key.',
      },
    ]);
  return fhirJson(c, recorded === 'recorded' ? 201 : 200, {
    resourceType: 'OperationOutcome',
    issue: [{ severity: 'information', code: 'informational', diagnostics: 'The counts are recorded.' }],
  } satisfies fhir4.OperationOutcome);
}
