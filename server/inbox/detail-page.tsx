import { nhsDate, nhsDateTime } from '../../domain/clock/nhs-date';
import { isFinal } from '../../domain/fhir';
import { ACCESS_NEEDS, ageOn, CONTACT_MODES, needLabel, referralReference } from '../../domain/referral';
import { ErrorSummary } from '../../ui/ErrorSummary';
import type { Session } from '../store/link-workers';
import type { DecisionRecord, ReferralSummary } from '../store/referrals';
import { type DecisionForm, DecisionFormSection, type Problem } from './decision-form';
import { STATUS_LABELS } from './labels';
import { Page } from './layout';
import { nhsNumber, patientName, SafetyFlags, StatusTag, VerdictTag } from './referral-parts';

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

/** Who the patient is and how to reach them: what the link worker needs to make contact. */
function PatientDetails({ referral, today }: { referral: ReferralSummary['referral']; today: string }) {
  const { patient } = referral;
  return (
    <>
      <h2>Patient</h2>
      <dl class="summary">
        <Row term="NHS number">{nhsNumber(referral)}</Row>
        <Row term="Date of birth">{`${nhsDate(patient.dateOfBirth)} (age ${ageOn(patient.dateOfBirth, today)})`}</Row>
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
    </>
  );
}

/** Each decision recorded so far, oldest first, by whom and when. */
function DecisionHistory({ decisions }: { decisions: DecisionRecord[] }) {
  return (
    <>
      <h2>History</h2>
      {decisions.length === 0 ? (
        <p>No decision yet.</p>
      ) : (
        <ol class="history">
          {decisions.map((decision) => (
            <li key={decision.at}>
              <strong>{STATUS_LABELS[decision.status]}</strong>
              {` by ${decision.byName} (${decision.byUsername}), ${nhsDateTime(decision.at)}`}
              {decision.reason && <div>{`Reason: ${decision.reason}`}</div>}
              {decision.redirectTo && <div>{`Redirected to: ${decision.redirectTo}`}</div>}
              {decision.note && <div>{`Note: ${decision.note}`}</div>}
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

export function DetailPage(props: {
  session: Session;
  referral: ReferralSummary & { decisions: DecisionRecord[] };
  today: string;
  saved?: boolean;
  problems?: Problem[];
  form?: DecisionForm;
}) {
  const { referral: row, form = {} } = props;
  const { referral } = row;
  const { verdict } = referral;
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
      <ErrorSummary
        id="error-summary"
        title="There is a problem"
        items={(props.problems ?? []).map((problem) => ({ message: problem.message, target: problem.field }))}
      />
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

      <PatientDetails referral={referral} today={props.today} />

      <h2>Referrer</h2>
      <dl class="summary">
        <Row term="Reference">
          <span class="reference">{referralReference(row.id)}</span>
        </Row>
        <Row term="Referred by">{`${referral.referrer.name}, ${referral.referrer.role}`}</Row>
        <Row term="Practice">{`${row.practiceName} (${row.odsCode})`}</Row>
        <Row term="Sent">{nhsDateTime(referral.createdAt)}</Row>
        <Row term="Received">{nhsDateTime(row.receivedAt)}</Row>
      </dl>

      <DecisionHistory decisions={row.decisions} />

      {isFinal(row.status) ? (
        <p class="inset">{`This referral is ${STATUS_LABELS[row.status].toLowerCase()}: no further decision can be recorded.`}</p>
      ) : (
        <DecisionFormSection session={props.session} row={row} form={form} problems={props.problems ?? []} />
      )}
    </Page>
  );
}
