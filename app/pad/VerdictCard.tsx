import type { Card } from '../../domain/criteria';
import type { CardGroup } from '../../domain/criteria/card-groups';
import type { PadState } from './pad-state';
import { TextArea } from './TextArea';

const INDICATOR_WORDS = { info: 'Information', warning: 'Warning', critical: 'Stop' } as const;

/**
 * One card of the verdict: the place to refer instead (when there is one) with every reason it applies, or one point for
 * the link worker; and the override where allowed.
 */
export function VerdictCard({
  group,
  state,
  showOverride,
}: {
  group: CardGroup;
  state: PadState;
  showOverride: boolean;
}) {
  const reason = state.draft.value.overrideReason ?? '';
  const [card] = group.cards as [Card, ...Card[]];
  return (
    <li
      class={`pad-card pad-card--${group.indicator}`}
      data-rule={group.cards.length === 1 ? card.rule : undefined}
      data-route={group.service}
    >
      {group.cards.length === 1 ? (
        <>
          <p class="pad-card__summary">
            <span class="pad-card__indicator">{INDICATOR_WORDS[card.indicator]}: </span>
            {card.summary}
          </p>
          {card.detail && <p class="pad-card__detail">{card.detail}</p>}
        </>
      ) : (
        <>
          <p class="pad-card__summary">
            <span class="pad-card__indicator">{INDICATOR_WORDS[group.indicator]}: </span>
            {group.cards.length} reasons this referral is for {group.service}:
          </p>
          <ul class="pad-card__reasons">
            {group.cards.map((reasonCard) => (
              <li key={reasonCard.rule + (reasonCard.subject ?? '')} data-rule={reasonCard.rule}>
                {reasonCard.summary}
              </li>
            ))}
          </ul>
        </>
      )}
      {card.suggestions.length > 0 && (
        <div class="pad-card__suggestions">
          <p class="pad-card__instead">Where to refer instead:</p>
          <ul>
            {card.suggestions.map((suggestion) => (
              <li key={suggestion.label}>
                <strong>{suggestion.route.service}</strong> — {suggestion.route.contact}
                {suggestion.route.guidance && <span class="pad-card__guidance"> {suggestion.route.guidance}</span>}
              </li>
            ))}
          </ul>
        </div>
      )}
      {group.cards.some((one) => one.overridden) && (
        <p class="pad-card__overridden">Going ahead with your reason: the link worker will see it.</p>
      )}
      {showOverride && (
        <TextArea
          path="overrideReason"
          label="Your reason to refer anyway"
          hint="The model allows this with a reason. The link worker sees it with the referral."
          value={reason}
          // An emptied box is no override at all, not an override without a reason.
          onInput={(value) => state.update((draft) => ({ ...draft, overrideReason: value.trim() ? value : undefined }))}
        />
      )}
    </li>
  );
}
