import { ChoiceGroup } from '../../ui/ChoiceGroup';
import { describedBy, Field } from '../../ui/Field';
import type { Session } from '../store/link-workers';
import type { ReferralSummary } from '../store/referrals';
import { DECISIONS } from './labels';

export type DecisionForm = { status?: string; reason?: string; note?: string; redirectTo?: string };
export type Problem = { field?: string; message: string };

/** The link worker's decision: a radio each, then the reason, where to and a note, each with its own error. */
export function DecisionFormSection(props: {
  session: Session;
  row: ReferralSummary;
  form: DecisionForm;
  problems: readonly Problem[];
}) {
  const { row, form } = props;
  const errorsAt = (field: string) => props.problems.filter((p) => p.field === field).map((p) => p.message);
  const described = (field: string) => ({
    'aria-describedby': describedBy(field, undefined, errorsAt(field)),
    'aria-invalid': errorsAt(field).length ? true : undefined,
  });
  return (
    <form method="post" action={`/inbox/referrals/${row.id}/decision`} class="form">
      <input type="hidden" name="csrf" value={props.session.csrfToken} />
      <input type="hidden" name="version" value={String(row.version)} />
      <ChoiceGroup
        id="status"
        name="status"
        legend={<h2>Your decision</h2>}
        errors={errorsAt('status')}
        choices={DECISIONS.filter((decision) => decision.status !== row.status).map((decision) => ({
          value: decision.status,
          label: decision.label,
          hint: decision.hint,
        }))}
        multiple={false}
        chosen={(value) => form.status === value}
      />
      <Field id="reason" label="Reason (needed to decline)" errors={errorsAt('reason')}>
        <textarea class="nhsuk-textarea" id="reason" name="reason" rows={3} {...described('reason')} maxLength={1000}>
          {form.reason ?? ''}
        </textarea>
      </Field>
      <Field id="redirectTo" label="Where to (needed to redirect)" errors={errorsAt('redirectTo')}>
        <input
          class="nhsuk-input"
          id="redirectTo"
          name="redirectTo"
          maxLength={500}
          {...described('redirectTo')}
          value={form.redirectTo ?? ''}
        />
      </Field>
      <Field id="note" label="Note for the referrer" errors={errorsAt('note')}>
        <textarea class="nhsuk-textarea" id="note" name="note" rows={3} {...described('note')} maxLength={2000}>
          {form.note ?? ''}
        </textarea>
      </Field>
      <button type="submit" class="nhsuk-button">
        Save decision
      </button>
    </form>
  );
}
