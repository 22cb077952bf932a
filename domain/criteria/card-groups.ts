import type { Card, Indicator } from './verdict';

/** Cards that send the person to the same place, shown as one: the place, and every reason it applies. */
export type CardGroup = { service: string | undefined; indicator: Indicator; cards: Card[] };

const SEVERITY: Record<Indicator, number> = { critical: 0, warning: 1, info: 2 };

/**
 * The verdict's cards as the referrer reads them: one group per place to refer instead (the reasons listed inside it),
 * Stop before redirect, then the cards that only inform the link worker, each on its own. Five reasons to send the
 * person to the same PCN link workers are one card, not five.
 */
export function cardsByRoute(cards: Card[]): CardGroup[] {
  const groups = new Map<string, CardGroup>();
  const alone: CardGroup[] = [];
  for (const card of cards) {
    const service = card.suggestions[0]?.route.service;
    if (!service || card.overridden) {
      alone.push({ service, indicator: card.indicator, cards: [card] });
      continue;
    }
    const group = groups.get(service);
    if (!group) groups.set(service, { service, indicator: card.indicator, cards: [card] });
    else {
      group.cards.push(card);
      if (SEVERITY[card.indicator] < SEVERITY[group.indicator]) group.indicator = card.indicator;
    }
  }
  const routed = [...groups.values()].sort((a, b) => SEVERITY[a.indicator] - SEVERITY[b.indicator]);
  return [...routed, ...alone];
}
