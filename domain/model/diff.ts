import { nhsDate } from '../clock/nhs-date';
import { needLabel } from '../referral/needs';
import { CONTACT_MODES } from '../referral/patient';
import { safetyLabel } from '../referral/safety';
import { MODEL_KINDS, type Pathway, type Route, type SAFETY_ACTIONS, type ServiceModel } from './model';

const ACTION_WORDS: Record<(typeof SAFETY_ACTIONS)[number], string> = {
  accept: 'accept',
  review: 'accept for the link worker to review',
  flag: 'accept, flagged, with the route to use as well',
  redirect: 'redirect',
};

const REQUIRED_WORDS: Record<string, string> = {
  phone: 'phone number',
  email: 'email address',
  postcode: 'postcode',
  contactTimes: 'best times to contact',
  whatMatters: 'what matters to the person',
};

function quoted(value: string | undefined): string {
  return value === undefined || value === '' ? '(none)' : `“${value}”`;
}

function changed(label: string, before: string, after: string): string[] {
  return before === after ? [] : [`${label}: ${before} → ${after}`];
}

/** "added A, B; removed C" for two lists, in the after list's order, or nothing when they hold the same items. */
function listChange(label: string, before: readonly string[], after: readonly string[], word = (s: string) => s) {
  const added = after.filter((item) => !before.includes(item));
  const removed = before.filter((item) => !after.includes(item));
  const parts = [
    added.length ? `added ${added.map(word).join(', ')}` : '',
    removed.length ? `removed ${removed.map(word).join(', ')}` : '',
  ].filter(Boolean);
  return parts.length ? [`${label}: ${parts.join('; ')}`] : [];
}

function routeText(route: Route | undefined): string {
  if (!route) return '(none)';
  return [route.service, route.contact, route.guidance].filter(Boolean).join(' — ');
}

function routeChange(label: string, before: Route | undefined, after: Route | undefined): string[] {
  return changed(label, quoted(routeText(before)), quoted(routeText(after)));
}

function age(value: number | undefined): string {
  return value === undefined ? '(no bound)' : String(value);
}

function capacityText(capacity: ServiceModel['capacity']): string {
  switch (capacity.status) {
    case 'open':
      return 'open';
    case 'waiting-list':
      return `waiting list (typically ${capacity.typicalWeeks} weeks)`;
    case 'paused':
      return 'paused';
  }
}

const needsText = (needs: readonly string[] | undefined) => (needs ? needs : ['(any need)']);

/** One group's changes; with one group before and after, in the words of a single scope ("Lowest age: 55 → 60"). */
function pathwayChanges(before: Pathway, after: Pathway, prefix: string): string[] {
  const at = (label: string) => `${prefix}${label}`;
  return [
    ...changed(at('Group'), quoted(before.label), quoted(after.label)),
    ...listChange(at('Needs in scope'), needsText(before.needs), needsText(after.needs), needLabel),
    ...listChange(at('Must include one of'), before.mustInclude, after.mustInclude, needLabel),
    ...changed(at('Lowest age'), age(before.minAge), age(after.minAge)),
    ...changed(at('Highest age'), age(before.maxAge), age(after.maxAge)),
    ...listChange(at('Postcode areas'), before.postcodeAreas, after.postcodeAreas),
  ];
}

function pathwaysChanges(before: readonly Pathway[], after: readonly Pathway[]): string[] {
  const several = before.length > 1 || after.length > 1;
  const changes: string[] = [];
  after.forEach((pathway, index) => {
    const was = before[index];
    if (!was) changes.push(`Group added: ${quoted(pathway.label)}`);
    else changes.push(...pathwayChanges(was, pathway, several ? `Group ${index + 1}, ${quoted(pathway.label)}: ` : ''));
  });
  for (const removed of before.slice(after.length)) changes.push(`Group removed: ${quoted(removed.label)}`);
  return changes;
}

const kindLabel = (kind: ServiceModel['kind']) => MODEL_KINDS.find((entry) => entry.kind === kind)?.label ?? kind;
const modeLabel = (code: string) => CONTACT_MODES.find((mode) => mode.code === code)?.label ?? code;

/**
 * What changed between two versions of a model, one plain sentence a change, in the editor's order. The version
 * number and format are not changes a champion makes, so they are left out. No changes gives an empty list.
 */
export function modelChanges(before: ServiceModel | undefined, after: ServiceModel): string[] {
  if (!before) return ['First version of this model.'];
  const changes: string[] = [];
  if (before.id !== after.id) changes.push(`Model id: ${before.id} → ${after.id}`);
  changes.push(...changed('Name', quoted(before.name), quoted(after.name)));
  changes.push(...changed('Kind', kindLabel(before.kind), kindLabel(after.kind)));
  changes.push(...changed('Service name', quoted(before.service.name), quoted(after.service.name)));
  changes.push(...changed('Service contact', quoted(before.service.contact), quoted(after.service.contact)));
  changes.push(
    ...changed('What happens next', quoted(before.service.whatHappensNext), quoted(after.service.whatHappensNext)),
  );
  changes.push(...listChange('Agreed by', before.agreement.agreedBy, after.agreement.agreedBy, quoted));
  changes.push(...changed('Agreed on', nhsDate(before.agreement.agreedOn), nhsDate(after.agreement.agreedOn)));
  changes.push(...changed('Review by', nhsDate(before.agreement.reviewBy), nhsDate(after.agreement.reviewBy)));
  if (before.agreement.summary !== after.agreement.summary) changes.push('Summary of the agreement reworded');
  changes.push(...pathwaysChanges(before.scope.pathways, after.scope.pathways));
  changes.push(...listChange('Practices', before.scope.practices, after.scope.practices));
  changes.push(...routeChange('Out-of-scope route', before.scope.outOfScopeRoute, after.scope.outOfScopeRoute));
  for (const flag of Object.keys(after.safety) as (keyof ServiceModel['safety'])[]) {
    const was = before.safety[flag];
    const now = after.safety[flag];
    const label = safetyLabel(flag);
    changes.push(...changed(label, ACTION_WORDS[was.action], ACTION_WORDS[now.action]));
    const routed = (action: string) => action === 'redirect' || action === 'flag';
    if (routed(now.action) && routed(was.action)) {
      changes.push(...routeChange(`${label}, where to instead`, was.redirectTo, now.redirectTo));
    } else if (routed(now.action)) {
      changes.push(`${label}, where to instead: ${quoted(routeText(now.redirectTo))}`);
    }
  }
  changes.push(
    ...listChange('Required details', before.requiredFields, after.requiredFields, (f) => REQUIRED_WORDS[f] ?? f),
  );
  changes.push(...listChange('Contact modes', before.contactModes, after.contactModes, modeLabel));
  changes.push(...changed('Capacity', capacityText(before.capacity), capacityText(after.capacity)));
  if (before.capacity.status === 'paused' && after.capacity.status === 'paused') {
    changes.push(...changed('Paused message', quoted(before.capacity.message), quoted(after.capacity.message)));
    changes.push(...routeChange('While paused, refer to', before.capacity.redirectTo, after.capacity.redirectTo));
  }
  changes.push(
    ...changed(
      'Overrides with a reason',
      before.overridesAllowed ? 'allowed' : 'not allowed',
      after.overridesAllowed ? 'allowed' : 'not allowed',
    ),
  );
  return changes;
}
