import type { Pathway, Route, ServiceModel } from '../../model/model';
import { ageOn, parseDateOfBirth } from '../../referral/date-of-birth';
import type { ReferralDraft } from '../../referral/draft';
import { isNeedCode, type NeedCode, needLabel } from '../../referral/needs';
import { postcodeSchema } from '../../referral/patient';
import { odsCodeSchema } from '../../referral/referral';
import { type Finding, finding, routeDetail, suggestion } from '../finding';
import { listed } from '../labels';
import type { RuleId } from '../verdict';

/** A postcode's outward code ("BS16" of "BS16 1QY") or undefined when it is not a UK postcode. */
export function outwardCode(postcode: string): string | undefined {
  const parsed = postcodeSchema.safeParse(postcode);
  return parsed.success ? parsed.data.split(' ')[0] : undefined;
}

/**
 * "BS" is an area and matches any BS postcode; "BS1" is a district and matches only BS1 — never BS16 — so the match
 * is on the whole outward code, or on its letters for an area.
 */
export function postcodeCovered(outward: string, areas: readonly string[]): boolean {
  const letters = /^[A-Z]+/.exec(outward)?.[0];
  return areas.some((area) => area === outward || area === letters);
}

/** A boundary crossed: the card's words (outside), and the same briefly for a line about another group (brief). */
type Boundary = { rule: RuleId; subject?: string; outside: string; brief: string; detail?: string };

/** What the check knows of the person: needs it recognises, age and outward code when given and readable. */
type Person = { needs: NeedCode[]; age?: number; outward?: string };

/** Does the pathway take this need? No needs listed means any need. */
const takes = (pathway: Pathway, code: NeedCode) => !pathway.needs || pathway.needs.includes(code);

/** Every need any pathway takes: the chips the pad marks as in scope. */
export function needsInScope(model: ServiceModel): NeedCode[] | undefined {
  if (model.scope.pathways.some((pathway) => !pathway.needs)) return undefined;
  return [...new Set(model.scope.pathways.flatMap((pathway) => pathway.needs ?? []))];
}

/**
 * Who the model covers. A referral is in scope when it fits any one pathway (and the practice is covered). When it fits
 * none, the pathway it came closest to (fewest boundaries crossed) gives the cards, each boundary naming it, and every
 * other pathway gets one line saying why it does not fit. 'Boundaried' models redirect a person outside the scope,
 * always saying where to instead; 'open' models never refuse on scope, so the same findings become information.
 *
 * Needs partly in scope: a GP referring someone for loneliness and debt to a loneliness service expects the referral to
 * go for the loneliness and to be told where the debt should go. So a need no fitting pathway takes is a warning card
 * with the route for that need, and the referral goes for the rest (the rule id travels with it to the link worker).
 */
export function scope(draft: ReferralDraft, model: ServiceModel, today: string): Finding[] {
  const route = model.scope.outOfScopeRoute;
  const person = personOf(draft, today);
  const { pathways } = model.scope;
  const several = pathways.length > 1;
  const crossed = pathways.map((pathway) => boundaries(pathway, person, several));
  const fitting = pathways.filter((_, index) => crossed[index]?.length === 0);
  const findings: Finding[] = [];
  if (fitting.length === 0) {
    const closest = closestIndex(crossed);
    for (const boundary of crossed[closest] ?? []) findings.push(boundaryFinding(boundary, model, route));
    // With several groups, one line each: which came closest, and why each does not fit.
    if (several) {
      pathways.forEach((pathway, index) => {
        findings.push(groupLine(pathway, crossed[index] ?? [], index === closest));
      });
    }
  }
  // Needs that the groups nearest the person do not take, when they take some of the others.
  const near = fitting.length > 0 ? fitting : pathways.filter((_, index) => index === closestIndex(crossed));
  if (person.needs.some((code) => near.some((pathway) => takes(pathway, code)))) {
    const partial = person.needs.filter((code) => !near.some((pathway) => takes(pathway, code)));
    for (const code of partial) findings.push(partialNeed(code, model, route));
  }
  const practice = practiceBoundary(draft, model);
  if (practice) findings.push(boundaryFinding(practice, model, route));
  return findings;
}

/** The pathway with the fewest boundaries crossed (the first of equals: the model's own order). */
function closestIndex(crossed: Boundary[][]): number {
  return crossed.reduce((best, list, index) => (list.length < (crossed[best]?.length ?? 0) ? index : best), 0);
}

function personOf(draft: ReferralDraft, today: string): Person {
  const person: Person = { needs: draft.needs.filter(isNeedCode) };
  const dateOfBirth = draft.patient.dateOfBirth ? parseDateOfBirth(draft.patient.dateOfBirth) : undefined;
  if (dateOfBirth && dateOfBirth <= today) person.age = ageOn(dateOfBirth, today);
  const outward = draft.patient.postcode ? outwardCode(draft.patient.postcode) : undefined;
  if (outward) person.outward = outward;
  return person;
}

/**
 * The boundaries of one pathway the person is outside. Each has the words of a card for a one-group model ("this
 * service") and a brief form, which is the card's words when there are several groups (the group is named on its own
 * line). What is not known yet (no needs chosen, no date of birth) crosses nothing: the completeness rules ask for it.
 */
function boundaries(pathway: Pathway, person: Person, several: boolean): Boundary[] {
  const found: Boundary[] = [];
  const { mustInclude } = pathway;
  if (person.needs.length > 0 && mustInclude.length > 0 && !person.needs.some((code) => mustInclude.includes(code))) {
    const wanted = listed(mustInclude.map((code) => needLabel(code).toLowerCase()));
    found.push({
      rule: 'scope.must-include',
      outside: `This service is for people with ${wanted}`,
      brief: `needs do not include ${wanted}`,
    });
  }
  if (!person.needs.some((code) => takes(pathway, code))) {
    for (const code of person.needs) {
      found.push({
        rule: 'scope.need',
        subject: code,
        outside: `${needLabel(code)} is outside this service`,
        brief: `${needLabel(code).toLowerCase()} is not one of its needs`,
      });
    }
  }
  const { minAge, maxAge } = pathway;
  const age = person.age;
  if (age !== undefined && ((minAge !== undefined && age < minAge) || (maxAge !== undefined && age > maxAge))) {
    found.push({
      rule: 'scope.age',
      subject: 'dateOfBirth',
      outside: `Aged ${age}: this service is for people aged ${ageRange(pathway)}`,
      brief: `aged ${age}, not ${ageRange(pathway)}`,
    });
  }
  const areas = pathway.postcodeAreas;
  if (person.outward && areas.length > 0 && !postcodeCovered(person.outward, areas)) {
    found.push({
      rule: 'scope.area',
      subject: 'postcode',
      outside: `Postcode district ${person.outward} is outside the area covered`,
      brief: `postcode ${person.outward} is outside its areas`,
      detail: `${several ? `The group “${pathway.label}”` : 'This service'} covers ${listed(areas)}.`,
    });
  }
  return several ? found.map((boundary) => ({ ...boundary, outside: capital(boundary.brief) })) : found;
}

function practiceBoundary(draft: ReferralDraft, model: ServiceModel): Boundary | undefined {
  const ods = odsCodeSchema.safeParse(draft.referrer.odsCode ?? '');
  const practices = model.scope.practices;
  if (!ods.success || practices.length === 0 || practices.includes(ods.data)) return undefined;
  return {
    rule: 'scope.practice',
    subject: 'odsCode',
    outside: `Practice ${ods.data} is not one this service covers`,
    brief: `practice ${ods.data} is not covered`,
    detail: `This service covers the practices ${listed(practices)}.`,
  };
}

const LINE_ORDER: RuleId[] = ['scope.age', 'scope.area', 'scope.must-include', 'scope.need'];

/**
 * One line for a group when the referral fits none: the closest, or another, with the first reason (age, then area,
 * then needs) and how many more; every reason is in the detail.
 */
function groupLine(pathway: Pathway, crossed: Boundary[], closest: boolean): Finding {
  const reasons = [...crossed]
    .sort((a, b) => LINE_ORDER.indexOf(a.rule) - LINE_ORDER.indexOf(b.rule))
    .map((boundary) => boundary.brief);
  const more = reasons.length - 1;
  const why = `${reasons[0] ?? ''}${more > 0 ? `, and ${more} more reason${more === 1 ? '' : 's'}` : ''}`;
  return finding('none', {
    rule: 'scope.pathway',
    subject: pathway.label,
    indicator: 'info',
    summary: closest ? `Closest group, “${pathway.label}”: ${why}.` : `Not in the group “${pathway.label}”: ${why}.`,
    detail: `${capital(listed(reasons))}.`,
  });
}

function partialNeed(code: NeedCode, model: ServiceModel, route: Route): Finding {
  return finding('none', {
    rule: 'scope.need',
    subject: code,
    indicator: model.kind === 'open' ? 'info' : 'warning',
    summary:
      model.kind === 'open'
        ? `${needLabel(code)} is not one of this service's usual needs; ${route.service} may suit it better.`
        : `${needLabel(code)} is outside this service: the referral goes for the rest; send this need to ${route.service}.`,
    detail: routeDetail(route),
    suggestions: [suggestion(route)],
  });
}

function boundaryFinding(boundary: Boundary, model: ServiceModel, route: Route): Finding {
  const detail = [boundary.detail, routeDetail(route)].filter(Boolean).join(' ');
  if (model.kind === 'open') {
    return finding('none', {
      rule: boundary.rule,
      subject: boundary.subject,
      indicator: 'info',
      summary: `${boundary.outside}; this open service still accepts, and the link worker will see it.`,
      detail,
      suggestions: [suggestion(route)],
    });
  }
  // A warning, not critical: the person is not at risk, the service is just not for them; red is kept for danger.
  return finding('redirect', {
    rule: boundary.rule,
    subject: boundary.subject,
    indicator: 'warning',
    summary: `${boundary.outside}: send to ${route.service} instead.`,
    detail,
    suggestions: [suggestion(route)],
    overridable: model.overridesAllowed,
  });
}

function ageRange({ minAge, maxAge }: Pathway): string {
  if (minAge !== undefined && maxAge !== undefined) return `${minAge} to ${maxAge}`;
  if (minAge !== undefined) return `${minAge} and over`;
  return `up to ${maxAge}`;
}

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
