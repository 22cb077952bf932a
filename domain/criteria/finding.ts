import type { Route } from '../model/model';
import type { Card, Suggestion } from './verdict';

/**
 * What a rule found: the card the referrer sees and what it does to the outcome. The effect stays inside the criteria
 * so that a card's look (indicator) and its consequence can be chosen separately.
 */
export type Effect = 'redirect' | 'incomplete' | 'review' | 'none';
export type Finding = { card: Card; effect: Effect };

const MAX_SUMMARY = 139;

/** Summaries stay under 140 characters even when a model's names are long; the whole text goes in the detail. */
export function summary(text: string): string {
  return text.length <= MAX_SUMMARY ? text : `${text.slice(0, MAX_SUMMARY - 1).trimEnd()}…`;
}

export function suggestion(route: Route): Suggestion {
  return { label: `Send to ${route.service}`, route };
}

/** The route as one line a GP can act on: the service, how to contact it, and any guidance. */
export function routeDetail(route: Route): string {
  const service = route.service.charAt(0).toUpperCase() + route.service.slice(1);
  return [`${service}: ${route.contact}.`, route.guidance].filter(Boolean).join(' ');
}

type CardParts = Omit<Card, 'suggestions' | 'overridable' | 'detail' | 'subject' | 'serviceId'> & {
  detail?: string | undefined;
  subject?: string | undefined;
  suggestions?: Suggestion[];
  overridable?: boolean;
};

/** Builds the card with a fixed shape (no optional key left undefined, nothing deleted: the check runs on each keystroke). */
export function finding(effect: Effect, parts: CardParts): Finding {
  const card: Card = {
    summary: summary(parts.summary),
    indicator: parts.indicator,
    rule: parts.rule,
    suggestions: parts.suggestions ?? [],
    overridable: parts.overridable ?? false,
  };
  if (parts.detail !== undefined) card.detail = parts.detail;
  if (parts.subject !== undefined) card.subject = parts.subject;
  if (parts.overridden !== undefined) card.overridden = parts.overridden;
  if (parts.routeConfirmation !== undefined) card.routeConfirmation = parts.routeConfirmation;
  const serviceId = card.suggestions[0]?.route.serviceId;
  if (serviceId !== undefined) card.serviceId = serviceId;
  return { card, effect };
}
