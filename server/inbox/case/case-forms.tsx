import type { ComponentChildren } from 'preact';
import { ATTEMPT_OUTCOMES, CONTACT_WAYS } from '../../../domain/caseload/case';
import { partsOf } from '../../../domain/clock/date-parts';
import { ukTime } from '../../../domain/clock/nhs-date';
import { ukDate } from '../../../domain/clock/uk-date';
import { ChoiceGroup } from '../../../ui/ChoiceGroup';
import { DateInput } from '../../../ui/DateInput';
import { Field } from '../../../ui/Field';
import { errorsFor } from '../../services/parts';
import { dateBoxes, type Entered, type Problem, text } from './entered';
import type { CaseForm } from './read-case-forms';

/** What each case form gets: the referral, the session's token, what was typed (after a problem) and the problems. */
export type CaseFormProps = {
  referralId: string;
  csrf: string;
  /** What the link worker posted to this form, shown again with its problems; undefined: the form as it starts. */
  entered?: Entered;
  problems: readonly Problem[];
  /** The queue's clock: the attempt's time starts at now. */
  now: Date;
};

const CONTACT_WAY_WORDS: Record<(typeof CONTACT_WAYS)[number], string> = {
  phone: 'Phone',
  text: 'Text message',
  email: 'Email',
  letter: 'Letter',
  visit: 'Visit',
  'via-carer': 'Through a carer or relative',
};

const OUTCOME_WORDS: Record<(typeof ATTEMPT_OUTCOMES)[number], string> = {
  reached: 'Reached the person',
  'no-answer': 'No answer',
  'message-left': 'Left a message',
  'wrong-number': 'Wrong number or address',
};

/** One case form: its own heading, token and button, posted to the referral's path for it. */
export function CaseFormBox(props: {
  form: CaseForm;
  heading: string;
  button: string;
  referralId: string;
  csrf: string;
  children: ComponentChildren;
}) {
  return (
    <form
      method="post"
      action={`/inbox/referrals/${props.referralId}/${props.form}`}
      class="form case-form"
      aria-labelledby={`${props.form}-heading`}
    >
      <h3 id={`${props.form}-heading`}>{props.heading}</h3>
      <input type="hidden" name="csrf" value={props.csrf} />
      {props.children}
      <button type="submit" class="nhsuk-button">
        {props.button}
      </button>
    </form>
  );
}

/** A date group's error, when a problem is about it. */
function dateError(problems: readonly Problem[], id: string) {
  const problem = problems.find((p) => p.field === id);
  return problem && { message: problem.message, parts: problem.parts ?? (['day', 'month', 'year'] as const) };
}

export function AttemptForm(props: CaseFormProps) {
  const { at, described } = errorsFor(props.problems);
  const entered = props.entered;
  const when = entered ? dateBoxes(entered, 'attempt-when') : partsOf(ukDate(props.now));
  return (
    <CaseFormBox form="attempt" heading="Record a contact attempt" button="Save the attempt" {...props}>
      <DateInput
        id="attempt-when"
        name="attempt-when"
        legend="Date"
        hint="Today unless you say otherwise. For example, 2 12 2026"
        value={when}
        error={dateError(props.problems, 'attempt-when')}
      />
      <Field id="attempt-time" label="Time" hint="24-hour clock, for example 14:30" errors={at('attempt-time')}>
        <input
          class="nhsuk-input nhsuk-input--short"
          id="attempt-time"
          name="attempt-time"
          value={entered ? text(entered, 'attempt-time') : ukTime(props.now)}
          {...described('attempt-time', '24-hour clock, for example 14:30')}
        />
      </Field>
      <ChoiceGroup
        id="attempt-how"
        name="attempt-how"
        legend="How"
        errors={at('attempt-how')}
        choices={CONTACT_WAYS.map((way) => ({ value: way, label: CONTACT_WAY_WORDS[way] }))}
        multiple={false}
        chosen={(value) => (entered ? text(entered, 'attempt-how') === value : value === 'phone')}
      />
      <ChoiceGroup
        id="attempt-outcome"
        name="attempt-outcome"
        legend="What happened"
        errors={at('attempt-outcome')}
        choices={ATTEMPT_OUTCOMES.map((outcome) => ({ value: outcome, label: OUTCOME_WORDS[outcome] }))}
        multiple={false}
        chosen={(value) => entered !== undefined && text(entered, 'attempt-outcome') === value}
      />
      <Field id="attempt-note" label="Note (optional)" errors={at('attempt-note')}>
        <textarea
          class="nhsuk-textarea"
          id="attempt-note"
          name="attempt-note"
          rows={2}
          maxLength={1000}
          {...described('attempt-note')}
        >
          {entered ? text(entered, 'attempt-note') : ''}
        </textarea>
      </Field>
    </CaseFormBox>
  );
}

export function NoteForm(props: CaseFormProps) {
  const { at, described } = errorsFor(props.problems);
  const hint = 'Notes cannot be changed or removed once saved: they carry your name and the time.';
  return (
    <CaseFormBox form="note" heading="Add a case note" button="Add the note" {...props}>
      <Field id="note-text" label="Note" hint={hint} errors={at('note-text')}>
        <textarea
          class="nhsuk-textarea"
          id="note-text"
          name="note-text"
          rows={4}
          maxLength={4000}
          {...described('note-text', hint)}
        >
          {props.entered ? text(props.entered, 'note-text') : ''}
        </textarea>
      </Field>
    </CaseFormBox>
  );
}

export function NextActionForm(props: CaseFormProps) {
  const { at, described } = errorsFor(props.problems);
  return (
    <CaseFormBox form="next-action" heading="Set the next action" button="Save the next action" {...props}>
      <Field id="next-text" label="What you will do next" errors={at('next-text')}>
        <input
          class="nhsuk-input"
          id="next-text"
          name="next-text"
          maxLength={300}
          value={props.entered ? text(props.entered, 'next-text') : ''}
          {...described('next-text')}
        />
      </Field>
      <DateInput
        id="next-due"
        name="next-due"
        legend="By when"
        hint="For example, 9 12 2026"
        value={props.entered ? dateBoxes(props.entered, 'next-due') : partsOf('')}
        error={dateError(props.problems, 'next-due')}
      />
    </CaseFormBox>
  );
}

export function WaitingListForm(props: CaseFormProps & { requested: boolean }) {
  return (
    <CaseFormBox
      form="waiting-list"
      heading={props.requested ? 'Accept onto the waiting list' : 'Put on the waiting list'}
      button={props.requested ? 'Accept onto the waiting list' : 'Save the waiting list date'}
      {...props}
    >
      <DateInput
        id="waiting-expected"
        name="waiting-expected"
        legend="When the person can expect to hear from you"
        hint="The referrer is told this date. For example, 5 1 2027"
        value={props.entered ? dateBoxes(props.entered, 'waiting-expected') : partsOf('')}
        error={dateError(props.problems, 'waiting-expected')}
      />
    </CaseFormBox>
  );
}
