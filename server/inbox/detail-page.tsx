import { isFinal } from '../../domain/fhir';
import { ACCESS_NEEDS, ageOn, CONTACT_MODES, needLabel, referralReference } from '../../domain/referral';
import type { Session } from '../store/link-workers';
import type { DecisionRecord, ReferralSummary } from '../store/referrals';
import { DECISIONS, STATUS_LABELS, when } from './labels';
import { ErrorSummary, Page } from './layout';
import { nhsNumber, patientName, SafetyFlags, StatusTag, VerdictTag } from './referral-parts';

export type DecisionForm = { status?: string; reason?: string; note?: string; redirectTo?: string };

function label(list: readonly { code: string; label: string }[], code: string): string {
  return list.find((item) => item.code === code)?.label ?? code;
}

function Row(props: { term: string; children: preact.ComponentChildren }) {
  return (
    <div class="summary-row">
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </div>
  );
}

export function DetailPage(props: {
  session: Session;
  referral: ReferralSummary & { decisions: DecisionRecord[] };
  today: string;
  saved?: boolean;
  problems?: { field?: string; message: string }[];
  form?: DecisionForm;
}) {
  const { referral: row, form = {} } = props;
  const { referral } = row;
  const { patient, verdict } = referral;
  return (
    <Page title={patientName(referral)} session={props.session}>
      <a class="back-link" href="/inbox">
        All referrals
      </a>
      {props.saved && (
        <div class="notice" role="status">
          {`Saved: ${STATUS_LABELS[row.status]}. The referrer is told.`}
        </div>
      )}
      <ErrorSummary problems={props.problems ?? []} />
      <h1>
        {patientName(referral)} <StatusTag status={row.status} />
      </h1>

      <h2>What the referrer saw</h2>
      <dl class="summary">
        <Row term="Verdict">
          <VerdictTag referral={referral} />
        </Row>
        {verdict.overrideReason !== undefined && <Row term="Override reason">{verdict.overrideReason}</Row>}
        <Row term="Rules that fired">{verdict.rules.length > 0 ? verdict.rules.join(', ') : 'None'}</Row>
        <Row term="Model">{`${verdict.modelId}, version ${verdict.modelVersion}`}</Row>
        <Row term="Safety flags">
          <SafetyFlags referral={referral} />
        </Row>
      </dl>

      <h2>Needs</h2>
      <ul>
        {referral.needs.map((need) => (
          <li key={need}>{needLabel(need)}</li>
        ))}
      </ul>
      {referral.whatMatters && (
        <>
          <h3>What matters to them</h3>
          <p class="inset">{referral.whatMatters}</p>
        </>
      )}

      <h2>Patient</h2>
      <dl class="summary">
        <Row term="NHS number">{nhsNumber(referral)}</Row>
        <Row term="Date of birth">{`${patient.dateOfBirth} (age ${ageOn(patient.dateOfBirth, props.today)})`}</Row>
        <Row term="Sex">{patient.sex}</Row>
        {patient.phone && <Row term="Phone">{patient.phone}</Row>}
        {patient.email && <Row term="Email">{patient.email}</Row>}
        {patient.postcode && <Row term="Postcode">{patient.postcode}</Row>}
        <Row term="Contact by">
          {patient.contactModes.length > 0
            ? patient.contactModes.map((mode) => label(CONTACT_MODES, mode)).join(', ')
            : 'Not said'}
        </Row>
        {patient.contactTimes && <Row term="Best times">{patient.contactTimes}</Row>}
        {patient.interpreterLanguage && <Row term="Interpreter">{patient.interpreterLanguage}</Row>}
        {patient.accessNeeds.length > 0 && (
          <Row term="Access needs">{patient.accessNeeds.map((need) => label(ACCESS_NEEDS, need)).join(', ')}</Row>
        )}
        <Row term="Consent">
          {`To the referral: ${referral.consent.referral ? 'yes' : 'no'}. To sharing details with the service: ${referral.consent.sharing ? 'yes' : 'no'}.`}
        </Row>
      </dl>

      <h2>Referrer</h2>
      <dl class="summary">
        <Row term="Reference">
          <span class="reference">{referralReference(row.id)}</span>
        </Row>
        <Row term="Referred by">{`${referral.referrer.name}, ${referral.referrer.role}`}</Row>
        <Row term="Practice">{`${row.practiceName} (${row.odsCode})`}</Row>
        <Row term="Sent">{when(referral.createdAt)}</Row>
        <Row term="Received">{when(row.receivedAt)}</Row>
      </dl>

      <h2>History</h2>
      {row.decisions.length === 0 ? (
        <p>No decision yet.</p>
      ) : (
        <ol class="history">
          {row.decisions.map((decision) => (
            <li key={decision.at}>
              <strong>{STATUS_LABELS[decision.status]}</strong>
              {` by ${decision.byName} (${decision.byUsername}), ${when(decision.at)}`}
              {decision.reason && <div>{`Reason: ${decision.reason}`}</div>}
              {decision.redirectTo && <div>{`Redirected to: ${decision.redirectTo}`}</div>}
              {decision.note && <div>{`Note: ${decision.note}`}</div>}
            </li>
          ))}
        </ol>
      )}

      {isFinal(row.status) ? (
        <p class="inset">{`This referral is ${STATUS_LABELS[row.status].toLowerCase()}: no further decision can be recorded.`}</p>
      ) : (
        <form method="post" action={`/inbox/referrals/${row.id}/decision`} class="form">
          <input type="hidden" name="csrf" value={props.session.csrfToken} />
          <input type="hidden" name="version" value={String(row.version)} />
          <fieldset id="status">
            <legend>
              <h2>Your decision</h2>
            </legend>
            {DECISIONS.filter((decision) => decision.status !== row.status).map((decision) => (
              <div class="radio" key={decision.status}>
                <input
                  type="radio"
                  id={`status-${decision.status}`}
                  name="status"
                  value={decision.status}
                  checked={form.status === decision.status}
                  required
                />
                <label for={`status-${decision.status}`}>{decision.label}</label>
                <span class="hint">{decision.hint}</span>
              </div>
            ))}
          </fieldset>
          <div class="form-group">
            <label for="reason">Reason (needed to decline)</label>
            <textarea id="reason" name="reason" rows={3} maxLength={1000}>
              {form.reason ?? ''}
            </textarea>
          </div>
          <div class="form-group">
            <label for="redirectTo">Where to (needed to redirect)</label>
            <input id="redirectTo" name="redirectTo" maxLength={500} value={form.redirectTo ?? ''} />
          </div>
          <div class="form-group">
            <label for="note">Note for the referrer</label>
            <textarea id="note" name="note" rows={3} maxLength={2000}>
              {form.note ?? ''}
            </textarea>
          </div>
          <button type="submit" class="button">
            Save decision
          </button>
        </form>
      )}
    </Page>
  );
}
