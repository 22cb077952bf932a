import { ukDate } from '../clock/uk-date';
import { checkReferral } from '../criteria/check-referral';
import type { Verdict } from '../criteria/verdict';
import type { ServiceModel } from '../model/model';
import type { ReferralDraft } from '../referral/draft';
import type { Directory, DirectoryEntry } from '../service/directory';
import { capacityWords, isOffered } from '../service/service';

/** One service of the practice's directory as the pad offers it for this referral. */
export type ServiceRoute = {
  entry: DirectoryEntry;
  /** The check against the model agreed with this service. */
  verdict: Verdict;
  /** Nothing in its agreed model sends the referral elsewhere (it may still be incomplete). */
  fits: boolean;
  /** Why it does not fit, in one line; absent when it fits. */
  reason?: string;
  /** "Accepting referrals", "Waiting list of about 3 weeks", "Paused until 5 January 2027: …". */
  capacity: string;
  /** May the referral go there today? A paused service is shown, but never offered. */
  offered: boolean;
};

/** The one line that says why: the first card that sends the person elsewhere (most severe first). */
function reasonOf(verdict: Verdict): string {
  const card = verdict.cards.find((one) => one.suggestions.length > 0 && !one.overridden && !one.routeConfirmation);
  return card?.summary ?? 'This referral does not fit the model agreed with this service.';
}

/**
 * The model as agreed with the practice: its version is the agreement's (the number the queue checks the referral
 * against), and its agreement and review dates are the queue's record of it, so the review rules use those.
 */
export function agreedModel(entry: DirectoryEntry): ServiceModel {
  const { model, version, agreedAt, reviewBy } = entry.agreement;
  const agreedOn = ukDate(new Date(agreedAt));
  return { ...model, version, agreement: { ...model.agreement, agreedOn, reviewBy } };
}

/**
 * Each entry's agreed model, made once: the pad routes on every keystroke across up to dozens of services, and the
 * directory's entries do not change (a new fetch gives new objects). Keyed weakly, so a replaced directory is let go.
 */
const agreedModels = new WeakMap<DirectoryEntry, ServiceModel>();
function agreedModelOf(entry: DirectoryEntry): ServiceModel {
  let model = agreedModels.get(entry);
  if (!model) {
    model = agreedModel(entry);
    agreedModels.set(entry, model);
  }
  return model;
}

function routeFor(entry: DirectoryEntry, draft: ReferralDraft, today: string): ServiceRoute {
  const verdict = checkReferral(agreedModelOf(entry), draft, today);
  const fits = verdict.outcome !== 'redirect';
  return {
    entry,
    verdict,
    fits,
    ...(fits ? {} : { reason: reasonOf(verdict) }),
    capacity: capacityWords(entry.service.capacity, today),
    offered: isOffered(entry.service.capacity, today),
  };
}

/**
 * The referral checked against every service in the directory at once, each under the model it agreed with the
 * practice: the services it fits and that are offered first (in the directory's order), then the rest — those it does
 * not fit, and any paused — each with its reason. Pure: the same directory, draft and day give the same routes.
 */
export function routeReferral(
  directory: Pick<Directory, 'entries'>,
  draft: ReferralDraft,
  today: string,
): ServiceRoute[] {
  const routes = directory.entries.map((entry) => routeFor(entry, draft, today));
  const open = (route: ServiceRoute) => route.fits && route.offered;
  return [...routes.filter(open), ...routes.filter((route) => !open(route))];
}

/**
 * The service the pad chooses when the referrer has not: the first that fits and is accepting, else the first that fits
 * (a waiting list). When nothing fits, the first offered, so the verdict panel says where to go instead; none when every
 * service is paused.
 */
export function defaultRoute(routes: ServiceRoute[]): ServiceRoute | undefined {
  const offered = routes.filter((route) => route.offered);
  const fitting = offered.filter((route) => route.fits);
  return fitting.find((route) => route.entry.service.capacity.state === 'accepting') ?? fitting[0] ?? offered[0];
}

/**
 * The service the referral goes to: the one the referrer chose while it is offered, else the default. A choice the
 * referral no longer fits stays chosen (the verdict panel says why), so the pad never moves it silently elsewhere.
 */
export function chosenRoute(routes: ServiceRoute[], chosenId: string | undefined): ServiceRoute | undefined {
  const chosen = routes.find((route) => route.entry.service.id === chosenId);
  return chosen?.offered ? chosen : defaultRoute(routes);
}
