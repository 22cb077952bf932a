import { nhsDate } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import type { Card } from '../../domain/criteria';
import { type CardGroup, cardsByRoute } from '../../domain/criteria/card-groups';
import { meaningOfVerdict, verdictHeadline } from '../../domain/criteria/verdict-words';
import { reviewState } from '../../domain/model/review';
import { agreementLine } from '../../domain/pad/agreement';
import { fieldId } from '../../domain/pad/referral-from-draft';
import { missingField, NO_MODEL } from '../../domain/pad/send-block';
import { agreementWords } from '../../domain/service/agreement';
import type { PadState } from './pad-state';
import { VerdictCard } from './VerdictCard';

/**
 * What is merely missing, each a link to its field; the safety questions not yet answered are one link (to the first),
 * not five, and so are the two consents: the list stays short enough to read at a glance.
 */
function stillNeededLinks(cards: readonly Card[]): { key: string; summary: string; field: string }[] {
  const links = cards.flatMap((card) => {
    const field = missingField(card);
    return field ? [{ key: card.rule + (card.subject ?? ''), summary: card.summary, field }] : [];
  });
  const merge = (list: typeof links, prefix: string, summary: (count: number) => string) => {
    const some = list.filter((link) => link.field.startsWith(prefix));
    const [first] = some;
    if (!first || some.length < 2) return list;
    const at = list.indexOf(first);
    const merged = { key: prefix, summary: summary(some.length), field: first.field };
    return [...list.slice(0, at), merged, ...list.slice(at).filter((link) => !some.includes(link))];
  };
  const safety = merge(links, 'safety.', (count) => `Answer the ${count} safety questions.`);
  return merge(
    safety,
    'consent.',
    () => 'Record whether the patient agrees to the referral and to sharing their details.',
  );
}

/** The live check against the agreed model: which model, who agreed it, and the cards. Updates as the referrer types. */
export function VerdictPanel({ state }: { state: PadState }) {
  const model = state.model.value;
  const verdict = state.verdict.value;
  const chosen = state.chosen.value;
  if (!model || !verdict) {
    return (
      <section class="pad-verdict pad-verdict--none" aria-labelledby="pad-verdict-title">
        <h2 id="pad-verdict-title">Agreed service model</h2>
        <p>{NO_MODEL}</p>
      </section>
    );
  }
  // One reason box serves every overridable card: it is shown on the first one.
  const meaning = meaningOfVerdict(verdict, state.draft.value.overrideReason);
  // No reason box while a safety stop applies: nothing the referrer writes can send it.
  const firstOverridable = meaning.kind === 'safety-stop' ? undefined : verdict.cards.find((card) => card.overridable);
  // What is merely missing is a checklist linking to the field; the model's own cards are shown in full.
  const stillNeeded = stillNeededLinks(verdict.cards);
  // One card per place to refer instead (Stop first), above what is still needed; then the link worker's points.
  const groups = cardsByRoute(verdict.cards.filter((card) => !missingField(card)));
  const routed = groups.filter((group) => group.service && !group.cards[0]?.overridden);
  const others = groups.filter((group) => !routed.includes(group));
  const overrideGroup = groups.find((group) => group.cards.includes(firstOverridable as Card));
  const render = (list: CardGroup[]) =>
    list.length > 0 && (
      <ul class="pad-cards">
        {list.map((group) => (
          <VerdictCard
            key={group.cards.map((card) => card.rule + (card.subject ?? '')).join()}
            group={group}
            state={state}
            showOverride={group === overrideGroup}
          />
        ))}
      </ul>
    );
  return (
    <section class={`pad-verdict pad-verdict--${verdict.outcome}`} aria-labelledby="pad-verdict-title">
      <h2 id="pad-verdict-title">Check against the agreed model</h2>
      {/* Folded to its name and version; one press shows who agreed it and when. */}
      <details class="pad-verdict__model">
        <summary>
          <strong>{model.name}</strong> ({model.service.name}, version {model.version})
        </summary>
        {/* From the directory, both sides' names as the queue recorded them; else the model's own words. */}
        {chosen ? agreementWords(chosen.entry.agreement) : agreementLine(model)}
      </details>
      {reviewState(model, ukDate(Date.now())).state === 'overdue' && (
        <p class="pad-verdict__overdue">This agreement was due for review on {nhsDate(model.agreement.reviewBy)}.</p>
      )}
      <p class="pad-verdict__outcome" aria-live="polite">
        {verdictHeadline(meaning)}
      </p>
      {render(routed)}
      {stillNeeded.length > 0 && (
        <div class="pad-still-needed">
          <p class="pad-still-needed__title">Still needed</p>
          <ul>
            {stillNeeded.map(({ key, summary, field }) => (
              <li key={key}>
                <a
                  href={`#${fieldId(field)}`}
                  onClick={(event) => {
                    const target = document.getElementById(fieldId(field));
                    if (!target) return;
                    event.preventDefault();
                    target.focus();
                  }}
                >
                  {summary}
                </a>
              </li>
            ))}
          </ul>
        </div>
      )}
      {render(others)}
    </section>
  );
}
