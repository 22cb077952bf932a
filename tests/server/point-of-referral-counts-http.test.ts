import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PointOfReferralCounts } from '../../domain/evaluation/counts';
import { toMeasureReport } from '../../domain/evaluation/measure-report';
import type { fhir4 } from '../../domain/fhir';
import { BOUNDARIED_VCSE_MODEL } from '../../domain/model/examples';
import { pointOfReferralCounts } from '../../server/store/point-of-referral-counts';
import { type Queue, startQueue } from '../../test-support/queue/queue';

const VERSION = BOUNDARIED_VCSE_MODEL.version;

function counts(odsCode = 'L81001', route = 'NHS 111, option 2 (urgent mental health help)'): PointOfReferralCounts {
  return {
    odsCode,
    day: '2026-12-01',
    services: [
      {
        serviceId: 'kingsmead-connect',
        modelVersion: VERSION,
        checked: 4,
        sentInModel: 1,
        sentWithOverride: 1,
        redirected: [{ route, n: 1 }],
        abandoned: 1,
      },
    ],
  };
}

let queue: Queue;
beforeAll(async () => {
  queue = await startQueue('pglite', { maxBodyBytes: 16 * 1024 });
});
afterAll(async () => {
  await queue?.stop();
});

function post(body: unknown, { key = 'batch-1', token = queue.tokens.L81001 } = {}) {
  return fetch(`${queue.url}/fhir/MeasureReport`, {
    method: 'POST',
    headers: {
      'Content-Type': 'application/fhir+json',
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

async function issues(response: Response) {
  const outcome = (await response.json()) as fhir4.OperationOutcome;
  return outcome.issue.map((issue) => ({
    code: issue.code,
    expression: issue.expression?.[0],
    text: issue.diagnostics,
  }));
}

const stored = async () =>
  (await pointOfReferralCounts(queue.db, { from: '2026-12-01', to: '2026-12-01' })).reduce(
    (sum, row) => sum + row.n,
    0,
  );

describe('POST /fhir/MeasureReport: a practice’s counts from the point of referral', () => {
  it('keeps a batch once: a retry under its key is answered and not counted again', async () => {
    const first = await post(toMeasureReport(counts()));
    expect(first.status).toBe(201);
    const again = await post(toMeasureReport(counts()));
    expect(again.status).toBe(200);
    expect(await stored()).toBe(4);
    const rows = await pointOfReferralCounts(queue.db, {
      serviceId: 'kingsmead-connect',
      from: '2026-11-30',
      to: '2026-12-06',
    });
    expect(rows.find((row) => row.ending === 'redirected')).toMatchObject({
      weekStart: '2026-11-30',
      odsCode: 'L81001',
      route: 'NHS 111, option 2 (urgent mental health help)',
      n: 1,
    });
  });

  it('refuses a wrong or missing token with 401, and another practice’s counts with 403; nothing is stored', async () => {
    const wrong = await post(toMeasureReport(counts()), { key: 'batch-2', token: 'spq_not-a-token' });
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get('WWW-Authenticate')).toContain('Bearer');
    expect((await post(toMeasureReport(counts()), { key: 'batch-2', token: '' })).status).toBe(401);
    const other = await post(toMeasureReport(counts('Y02345')), { key: 'batch-2' });
    expect(other.status).toBe(403);
    expect(await issues(other)).toMatchObject([{ expression: 'MeasureReport.reporter.identifier.value' }]);
    expect(await stored()).toBe(4);
  });

  it('refuses a malformed MeasureReport with 422, saying where', async () => {
    const report = toMeasureReport(counts()) as fhir4.MeasureReport & Record<string, unknown>;
    const withPatient = await post(
      { ...report, contained: [{ resourceType: 'Patient', name: [{ family: 'SMITH' }] }] },
      { key: 'batch-3' },
    );
    expect(withPatient.status).toBe(422);
    expect(await issues(withPatient)).toMatchObject([{ code: 'invalid', expression: 'MeasureReport' }]);

    const group = structuredClone(report.group) as fhir4.MeasureReportGroup[];
    (group[0]?.population?.[0] as { count: number }).count = 9;
    const wrongTotal = await post({ ...report, group }, { key: 'batch-3' });
    expect(wrongTotal.status).toBe(422);
    expect(await issues(wrongTotal)).toMatchObject([{ expression: 'MeasureReport.group[0].population[0].count' }]);

    const smuggled = await post(toMeasureReport(counts('L81001', 'John SMITH 9434765919')), { key: 'batch-3' });
    expect(smuggled.status).toBe(422);
    expect(await issues(smuggled)).toMatchObject([
      { code: 'business-rule', expression: 'MeasureReport.group[3].stratifier[0].stratum[0].component' },
    ]);

    const unagreed = {
      ...counts(),
      services: [{ ...counts().services[0], modelVersion: 99 }],
    } as PointOfReferralCounts;
    const notAgreed = await post(toMeasureReport(unagreed), { key: 'batch-3' });
    expect(notAgreed.status).toBe(422);
    expect((await issues(notAgreed))[0]?.text).toContain('not agreed with practice L81001');

    const conflict = await post(
      toMeasureReport({
        ...counts(),
        day: '2026-12-01',
        services: [{ ...counts().services[0], abandoned: 2, checked: 5 }],
      } as PointOfReferralCounts),
    );
    expect(conflict.status).toBe(422);
    expect(await issues(conflict)).toMatchObject([{ code: 'conflict' }]);

    expect((await post('{"resourceType":', { key: 'batch-3' })).status).toBe(400);
    expect((await post(toMeasureReport(counts()), { key: '' })).status).toBe(400);
    expect((await post('x'.repeat(17 * 1024), { key: 'batch-3' })).status).toBe(413);
    expect(await stored()).toBe(4);
  });
});
