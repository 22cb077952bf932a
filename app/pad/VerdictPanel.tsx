import { ukDate } from '../../domain/clock/uk-date';
import { reviewState } from '../../domain/model/review';
import { agreementLine } from '../../domain/pad/agreement';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { missingField, NO_MODEL } from '../../domain/pad/send-block';
import type { PadState } from './pad-state';
import { VerdictCard } from './VerdictCard';

const OUTCOME_HEADINGS = {
  incomplete: 'Not complete yet',
  accept: 'Fits the agreed model',
  review: 'Fits the agreed model — flagged for the link worker',
  redirect: 'Outside the agreed model',
} as const;

/** The live check against the agreed model: which model, who agreed it, and the cards. Updates as the referrer types. */
export function VerdictPanel({ state }: { state: PadState }) {
  const model = state.model.value;
  const verdict = state.verdict.value;
  if (!model || !verdict) {
    return (
      <section class="pad-verdict pad-verdict--none" aria-labelledby="pad-verdict-title">
        <h2 id="pad-verdict-title">Agreed service model</h2>
        <p>{NO_MODEL}</p>
      </section>
    );
  }
  // One reason box serves every overridable card: it is shown on the first one.
  const firstOverridable = verdict.cards.find((card) => card.overridable);
  // What is merely missing is a checklist linking to the field; the model's own cards are shown in full.
  const stillNeeded = verdict.cards.flatMap((card) => {
    const field = missingField(card);
    return field ? [{ card, field }] : [];
  });
  const cards = verdict.cards.filter((card) => !missingField(card));
  return (
    <section class={`pad-verdict pad-verdict--${verdict.outcome}`} aria-labelledby="pad-verdict-title">
      <h2 id="pad-verdict-title">Check against the agreed model</h2>
      <p class="pad-verdict__model">
        <strong>{model.name}</strong> ({model.service.name}, version {model.version})
        <br />
        {agreementLine(model)}
      </p>
      {reviewState(model, ukDate(Date.now())).state === 'overdue' && (
        <p class="pad-verdict__overdue">This agreement was due for review on {model.agreement.reviewBy}.</p>
      )}
      <p class="pad-verdict__outcome" aria-live="polite">
        {OUTCOME_HEADINGS[verdict.outcome]}
      </p>
      {stillNeeded.length > 0 && (
        <div class="pad-still-needed">
          <p class="pad-still-needed__title">Still needed</p>
          <ul>
            {stillNeeded.map(({ card, field }) => (
              <li key={card.rule + (card.subject ?? '')}>
                <a
                  href={`#${fieldId(field)}`}
                  onClick={(event) => {
                    const target = document.getElementById(fieldId(field));
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                  }}
                >
                  {card.summary}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {cards.length > 0 && (
        <ul class="pad-cards">
          {cards.map((card) => (
            <VerdictCard
              key={card.rule + (card.subject ?? '')}
              card={card}
              state={state}
              showOverride={card === firstOverridable}
            />
          ))}
        </ul>
      )}
    </section>
  );
}
