import type { Card } from '../../domain/criteria';
import type { CardGroup } from '../../domain/criteria/card-groups';
import type { SafetyFlag } from '../../domain/referral/safety';
import type { PadState } from './pad-state';
import { TextArea } from './TextArea';

/** The referrer's confirmation that they have used a flagged safety answer's route: Send is off until it is ticked. */
function RouteUsed({ card, state }: { card: Card; state: PadState }) {
  const flag = card.subject as SafetyFlag;
  const id = `pad-route-used-${flag}`;
  return (
    <div class="pad-card__confirm nhsuk-checkboxes__item">
      <input
        class="nhsuk-checkboxes__input"
        type="checkbox"
        id={id}
        checked={card.routeConfirmation === 'given'}
        onChange={(event) => {
          const used = event.currentTarget.checked;
          state.update((draft) => ({ ...draft, routesUsed: { ...draft.routesUsed, [flag]: used } }));
        }}
      />
      <label class="nhsuk-label nhsuk-checkboxes__label" for={id}>
        I have used this route ({card.suggestions[0]?.route.service})
      </label>
    </div>
  );
}

/**
 * A route that names a service in the practice's directory, offered today and not already chosen: one press refers
 * there instead, the draft kept and checked again against that service's agreed model. Other routes stay as words.
 */
function ReferInstead({ card, state }: { card: Card; state: PadState }) {
  const route = state.routes.value?.find((one) => one.entry.service.id === card.serviceId);
  if (!route?.offered || route === state.chosen.value) return null;
  return (
    <button
      type="button"
      class="pad-button pad-button--secondary pad-card__refer-instead"
      onClick={() => state.chooseService(route.entry.service.id)}
    >
      Refer to {route.entry.service.name} instead
    </button>
  );
}

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
          <p class="pad-card__instead">
            {card.routeConfirmation ? 'Use this route now as well:' : 'Where to refer instead:'}
          </p>
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
      <ReferInstead card={card} state={state} />
      {group.cards
        .filter((one) => one.routeConfirmation && one.rule.startsWith('safety.'))
        .map((one) => (
          <RouteUsed key={one.rule} card={one} state={state} />
        ))}
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
