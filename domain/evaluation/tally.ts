import type { CheckEnded } from './check-ending';
import type { PointOfReferralCounts, ServiceCounts } from './counts';

/** An empty day's tally of one practice. */
export function emptyTally(odsCode: string, day: string): PointOfReferralCounts {
  return { odsCode, day, services: [] };
}

function emptyService(serviceId: string | null, modelVersion: number | null): ServiceCounts {
  return { serviceId, modelVersion, checked: 0, sentInModel: 0, sentWithOverride: 0, redirected: [], abandoned: 0 };
}

/** The day's tally with one more check ended `check` (of this practice): checked and its ending each one more. */
export function addEnding(tally: PointOfReferralCounts, check: CheckEnded): PointOfReferralCounts {
  const { serviceId, modelVersion } = check;
  const index = tally.services.findIndex((one) => one.serviceId === serviceId && one.modelVersion === modelVersion);
  const before = tally.services[index] ?? emptyService(serviceId, modelVersion);
  const after: ServiceCounts = { ...before, checked: before.checked + 1 };
  switch (check.ending) {
    case 'sent-in-model':
      after.sentInModel++;
      break;
    case 'sent-with-override':
      after.sentWithOverride++;
      break;
    case 'abandoned':
      after.abandoned++;
      break;
    case 'redirected': {
      const route = check.route ?? 'A route with no name';
      const known = before.redirected.some((one) => one.route === route);
      after.redirected = known
        ? before.redirected.map((one) => (one.route === route ? { route, n: one.n + 1 } : one))
        : [...before.redirected, { route, n: 1 }];
      break;
    }
  }
  const services =
    index < 0 ? [...tally.services, after] : tally.services.map((one, at) => (at === index ? after : one));
  return { ...tally, services };
}

/**
 * Each practice's day from the checks that ended in it: one tally per (practice, day), in the order first met.
 * `dayOf` gives the UK day a check is counted on.
 */
export function talliesOf<T extends CheckEnded>(checks: T[], dayOf: (check: T) => string): PointOfReferralCounts[] {
  const tallies = new Map<string, PointOfReferralCounts>();
  for (const check of checks) {
    const day = dayOf(check);
    const key = `${check.odsCode} ${day}`;
    tallies.set(key, addEnding(tallies.get(key) ?? emptyTally(check.odsCode, day), check));
  }
  return [...tallies.values()];
}
