import type { CaseStanding } from '../../../domain/caseload/standing';
import type { LinkWorkerStatus } from '../../../domain/fhir';
import { AttemptForm, type CaseFormProps, NextActionForm, NoteForm, WaitingListForm } from './case-forms';
import { CloseForm } from './close-form';
import type { Entered, Problem } from './entered';
import type { CaseForm } from './read-case-forms';

const FORMS: { form: CaseForm; words: string }[] = [
  { form: 'attempt', words: 'Record a contact attempt' },
  { form: 'note', words: 'Add a case note' },
  { form: 'next-action', words: 'Set the next action' },
  { form: 'waiting-list', words: 'Waiting list' },
  { form: 'close', words: 'Close the case' },
];

/**
 * Working an open case: a form each for an attempt, a note, the next action, the waiting list and closing, with links
 * to each at the top. After a post that changed nothing, that form shows what was typed and its problems.
 */
export function CaseWork(props: {
  referralId: string;
  status: LinkWorkerStatus['status'];
  csrf: string;
  facts: CaseStanding;
  needs: readonly string[];
  now: Date;
  problems: readonly Problem[];
  again?: { form: CaseForm; entered: Entered };
}) {
  const forForm = (form: CaseForm): CaseFormProps => ({
    referralId: props.referralId,
    csrf: props.csrf,
    now: props.now,
    problems: props.again?.form === form ? props.problems : [],
    ...(props.again?.form === form ? { entered: props.again.entered } : {}),
  });
  return (
    <section aria-labelledby="work-heading">
      <h2 id="work-heading">Work on this referral</h2>
      <ul class="jump-links">
        {FORMS.map(({ form, words }) => (
          <li key={form}>
            <a href={`#${form}-heading`}>{words}</a>
          </li>
        ))}
        <li>
          <a href="#status">Record a decision</a>
        </li>
      </ul>
      <AttemptForm {...forForm('attempt')} />
      <NoteForm {...forForm('note')} />
      <NextActionForm {...forForm('next-action')} />
      <WaitingListForm {...forForm('waiting-list')} requested={props.status === 'requested'} />
      <CloseForm {...forForm('close')} attempts={props.facts.attempts} needs={props.needs} />
    </section>
  );
}
