import { describe, expect, it } from 'vitest';
import { chosenRoute, defaultRoute, routeReferral } from '../../domain/pad/route-referral';
import type { DirectoryEntry } from '../../domain/service/directory';
import { changed, TODAY, widower } from '../../test-support/fixtures/criteria';
import { kingsmeadConnect, riversideDirectory, valleyPcn } from '../../test-support/fixtures/services';

/** The Riverside directory: Kingsmead Connect 55+ (boundaried, waiting list) then the Valley PCN (open, accepting). */
const directory = { entries: riversideDirectory };
const names = (routes: { entry: DirectoryEntry }[]) => routes.map((route) => route.entry.service.id);
const aged34WithDebt = changed({ patient: { dateOfBirth: '1992-07-03' }, needs: ['money-debt'] });

function withCapacity(entry: DirectoryEntry, capacity: DirectoryEntry['service']['capacity']): DirectoryEntry {
  return { ...entry, service: { ...entry.service, capacity } };
}

describe('routing a referral across the practice’s directory', () => {
  it('checks an isolated widower of 72 against both services; both fit, and the accepting one is chosen', () => {
    const routes = routeReferral(directory, widower(), TODAY);
    expect(routes.map((route) => [route.entry.service.id, route.fits, route.offered, route.capacity])).toEqual([
      [kingsmeadConnect.id, true, true, 'Waiting list of about 3 weeks: Groups restart in January'],
      [valleyPcn.id, true, true, 'Accepting referrals'],
    ]);
    // Each verdict is under the version agreed with that service.
    expect(routes.map((route) => [route.verdict.modelId, route.verdict.modelVersion])).toEqual([
      [riversideDirectory[0]?.agreement.model.id, 2],
      [riversideDirectory[1]?.agreement.model.id, 1],
    ]);
    expect(defaultRoute(routes)?.entry.service.id).toBe(valleyPcn.id);
  });

  it('puts a 34-year-old with debt first where it fits, and says in one line why the other does not', () => {
    const routes = routeReferral(directory, aged34WithDebt, TODAY);
    expect(names(routes)).toEqual([valleyPcn.id, kingsmeadConnect.id]);
    const [fits, notFit] = routes;
    expect(fits).toMatchObject({ fits: true, offered: true });
    expect(fits?.reason).toBeUndefined();
    expect(notFit).toMatchObject({ fits: false, offered: true });
    expect(notFit?.reason).toMatch(/\S/);
    expect(notFit?.reason).not.toContain('\n');
    expect(notFit?.reason).toBe(notFit?.verdict.cards.find((card) => card.suggestions.length > 0)?.summary);
    expect(defaultRoute(routes)?.entry.service.id).toBe(valleyPcn.id);
  });

  it('shows a paused service with its words but never offers or chooses it', () => {
    const paused = withCapacity(riversideDirectory[1] as DirectoryEntry, {
      state: 'paused',
      until: '2027-01-05',
      note: 'Staff on leave',
    });
    const routes = routeReferral({ entries: [riversideDirectory[0] as DirectoryEntry, paused] }, widower(), TODAY);
    expect(names(routes)).toEqual([kingsmeadConnect.id, valleyPcn.id]);
    expect(routes[1]).toMatchObject({
      fits: true,
      offered: false,
      capacity: 'Paused until 5 January 2027: Staff on leave',
    });
    expect(defaultRoute(routes)?.entry.service.id).toBe(kingsmeadConnect.id);
    // Chosen by the referrer earlier, it is still not the one the referral goes to.
    expect(chosenRoute(routes, valleyPcn.id)?.entry.service.id).toBe(kingsmeadConnect.id);
    // A pause that has ended offers the service again.
    expect(routeReferral({ entries: [paused] }, widower(), '2027-01-05')[0]?.offered).toBe(true);
  });

  it('keeps the referrer’s choice while it is offered, even a waiting list over one accepting', () => {
    const routes = routeReferral(directory, widower(), TODAY);
    expect(chosenRoute(routes, kingsmeadConnect.id)?.entry.service.id).toBe(kingsmeadConnect.id);
    expect(chosenRoute(routes, 'not-in-directory')?.entry.service.id).toBe(valleyPcn.id);
  });

  it('chooses the first offered service when the referral fits none, so its redirect is shown; none when all are paused', () => {
    const onlyKingsmead = { entries: [riversideDirectory[0] as DirectoryEntry] };
    const routes = routeReferral(onlyKingsmead, aged34WithDebt, TODAY);
    expect(defaultRoute(routes)?.fits).toBe(false);
    expect(defaultRoute(routes)?.entry.service.id).toBe(kingsmeadConnect.id);
    const allPaused = [withCapacity(riversideDirectory[0] as DirectoryEntry, { state: 'paused', until: '2027-01-05' })];
    expect(defaultRoute(routeReferral({ entries: allPaused }, widower(), TODAY))).toBeUndefined();
    expect(routeReferral({ entries: [] }, widower(), TODAY)).toEqual([]);
  });
});
