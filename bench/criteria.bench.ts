/** How long one live check of a referral takes: the pad re-checks on every keystroke, so it must be far below a frame. */
import { checkReferral } from '../domain/criteria';
import { BOUNDARIED_VCSE_MODEL } from '../domain/model/examples';
import { type ServiceModel, serviceModelSchema } from '../domain/model/model';
import { NEED_CODES } from '../domain/referral/needs';
import { SAFETY_FLAGS } from '../domain/referral/safety';
import { changed } from '../test-support/fixtures/criteria';
import { medianMicroseconds } from './measure';
import type { Metric } from './run';

const TODAY = '2026-11-22';

/** A complete, realistic referral the boundaried example accepts: the tests' widower, with every optional detail. */
const draft = changed({
  patient: { email: 'arthur@example.org', contactTimes: 'Mornings', accessNeeds: ['hearing'] },
  needs: ['loneliness', 'bereavement', 'physical-activity'],
});

/**
 * The heaviest model a champion could plausibly write: five groups of every need and 20 areas (the last the one that
 * fits), every flag acted on, several required fields.
 */
const route = BOUNDARIED_VCSE_MODEL.scope.outOfScopeRoute;
const areas = [...Array.from({ length: 19 }, (_, i) => `BS${i + 1}`), 'BA'];
const largeModel: ServiceModel = serviceModelSchema.parse({
  ...BOUNDARIED_VCSE_MODEL,
  scope: {
    ...BOUNDARIED_VCSE_MODEL.scope,
    pathways: [
      ...Array.from({ length: 4 }, (_, i) => ({
        label: `Group ${i + 1}`,
        minAge: 18,
        maxAge: 30 + i,
        postcodeAreas: areas,
        needs: NEED_CODES,
        mustInclude: ['personal-goals'],
      })),
      {
        label: 'Isolated adults',
        maxAge: 110,
        postcodeAreas: areas,
        needs: NEED_CODES,
        mustInclude: ['loneliness', 'bereavement', 'carer-support'],
      },
    ],
    practices: ['L81001', 'L81002', 'L81003', 'L81004', 'L81005', 'L81006'],
  },
  safety: Object.fromEntries(
    SAFETY_FLAGS.map((flag, i) => [
      flag,
      i % 2 ? { action: 'flag', redirectTo: route } : { action: 'redirect', redirectTo: route },
    ]),
  ),
  requiredFields: ['phone', 'email', 'postcode', 'contactTimes', 'whatMatters'],
  capacity: { status: 'waiting-list', typicalWeeks: 6 },
});

export async function measure(): Promise<Record<string, Metric>> {
  if (checkReferral(BOUNDARIED_VCSE_MODEL, draft, TODAY).outcome !== 'accept') {
    throw new Error('the benchmark draft is not a complete accepted referral');
  }
  const metric = (value: number): Metric => ({ value, unit: 'µs', goal: 20, better: 'lower' });
  return {
    'checkReferral.boundaried': metric(medianMicroseconds(() => checkReferral(BOUNDARIED_VCSE_MODEL, draft, TODAY))),
    'checkReferral.large-model': metric(medianMicroseconds(() => checkReferral(largeModel, draft, TODAY))),
  };
}
