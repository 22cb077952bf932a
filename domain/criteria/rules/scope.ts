import type { Route, ServiceModel } from '../../model/model';
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

type Boundary = { rule: RuleId; subject?: string; outside: string; detail?: string };

/**
 * Who and what the model covers. 'Boundaried' models redirect a person outside the scope, always saying where to
 * instead; 'open' models never refuse on scope, so the same findings become information for the referrer.
 *
 * Needs partly in scope: a GP referring someone for loneliness and debt to a loneliness service expects the referral to
 * go for the loneliness and to be told where the debt should go. So a need outside the scope redirects the whole
 * referral only when no need is in scope; otherwise it is a warning card with the route for that need, and the
 * referral goes for the rest (the rule id travels with it, so the link worker sees it too).
 */
export function scope(draft: ReferralDraft, model: ServiceModel, today: string): Finding[] {
  const route = model.scope.outOfScopeRoute;
  const boundaries: Boundary[] = [];
  const known = draft.needs.filter(isNeedCode);
  const inScope = known.filter((code) => model.scope.needs.includes(code));
  const outside = known.filter((code) => !model.scope.needs.includes(code));
  const partial: NeedCode[] = inScope.length > 0 ? outside : [];

  const mustInclude = model.scope.mustInclude;
  if (known.length > 0 && mustInclude.length > 0 && !known.some((code) => mustInclude.includes(code))) {
    const wanted = listed(mustInclude.map((code) => needLabel(code).toLowerCase()));
    boundaries.push({ rule: 'scope.must-include', outside: `This service is for people with ${wanted}` });
  }
  if (inScope.length === 0) {
    for (const code of outside) {
      boundaries.push({ rule: 'scope.need', subject: code, outside: `${needLabel(code)} is outside this service` });
    }
  }

  const dateOfBirth = draft.patient.dateOfBirth ? parseDateOfBirth(draft.patient.dateOfBirth) : undefined;
  if (dateOfBirth && dateOfBirth <= today) {
    const age = ageOn(dateOfBirth, today);
    const { minAge, maxAge } = model.scope;
    if ((minAge !== undefined && age < minAge) || (maxAge !== undefined && age > maxAge)) {
      boundaries.push({ rule: 'scope.age', subject: 'dateOfBirth', outside: `Aged ${age}: ${ageRange(model)}` });
    }
  }

  const outward = draft.patient.postcode ? outwardCode(draft.patient.postcode) : undefined;
  const areas = model.scope.postcodeAreas;
  if (outward && areas.length > 0 && !postcodeCovered(outward, areas)) {
    boundaries.push({
      rule: 'scope.area',
      subject: 'postcode',
      outside: `Postcode district ${outward} is outside the area covered`,
      detail: `This service covers ${listed(areas)}.`,
    });
  }

  const ods = odsCodeSchema.safeParse(draft.referrer.odsCode ?? '');
  const practices = model.scope.practices;
  if (ods.success && practices.length > 0 && !practices.includes(ods.data)) {
    boundaries.push({
      rule: 'scope.practice',
      subject: 'odsCode',
      outside: `Practice ${ods.data} is not one this service covers`,
      detail: `This service covers the practices ${listed(practices)}.`,
    });
  }

  const findings = boundaries.map((boundary) => boundaryFinding(boundary, model, route));
  for (const code of partial) {
    findings.push(
      finding('none', {
        rule: 'scope.need',
        subject: code,
        indicator: model.kind === 'open' ? 'info' : 'warning',
        summary:
          model.kind === 'open'
            ? `${needLabel(code)} is not one of this service's usual needs; ${route.service} may suit it better.`
            : `${needLabel(code)} is outside this service: the referral goes for the rest; send this need to ${route.service}.`,
        detail: routeDetail(route),
        suggestions: [suggestion(route)],
      }),
    );
  }
  return findings;
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

function ageRange({ scope: { minAge, maxAge } }: ServiceModel): string {
  if (minAge !== undefined && maxAge !== undefined) return `this service is for people aged ${minAge} to ${maxAge}`;
  if (minAge !== undefined) return `this service is for people aged ${minAge} and over`;
  return `this service is for people aged up to ${maxAge}`;
}
