import type { CaseEvent } from '../../domain/caseload/case';
import { caseStanding } from '../../domain/caseload/standing';
import type { TimelineEntry } from '../../domain/caseload/timeline';
import { nhsDate, nhsDateTime } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { isFinal } from '../../domain/fhir';
import { ACCESS_NEEDS, ageOn, CONTACT_MODES, needLabel, referralReference } from '../../domain/referral';
import { ErrorSummary } from '../../ui/ErrorSummary';
import type { LinkWorker, Session } from '../store/link-workers';
import type { DecisionRecord, ReferralSummary } from '../store/referrals';
import { CaseSummary } from './case/case-summary';
import { CaseWork } from './case/case-work';
import type { Entered } from './case/entered';
import type { CaseForm } from './case/read-case-forms';
import { TimelineSection } from './case/timeline-section';
import { type DecisionForm, DecisionFormSection, type Problem } from './decision-form';
import type { DueFlag } from './due-flag';
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

/** A case form's problems and what was typed in it, shown again after a post that changed nothing. */
export type FormAgain = { form: CaseForm; entered: Entered };

export function DetailPage(props: {
  session: Session;
  referral: ReferralSummary & { decisions: DecisionRecord[] };
  events: readonly CaseEvent[];
  timeline: readonly TimelineEntry[];
  /** The flag against the service's rule, if any. */
  flag?: DueFlag | undefined;
  /** The service's enabled link workers, for a lead to assign to. */
  linkWorkers: readonly LinkWorker[];
  now: Date;
  saved?: string;
  problems?: Problem[];
  form?: DecisionForm;
  again?: FormAgain;
}) {
  const { referral: row, form = {}, problems = [] } = props;
  const { referral } = row;
  const facts = caseStanding(props.events);
  return (
    <Page title={patientName(referral)} session={props.session}>
      <a class="back-link" href="/inbox">
        Caseload
      </a>
      {props.saved && (
        <div class="notice" role="status">
          {props.saved}
        </div>
      )}
      <ErrorSummary
        id="error-summary"
        title="There is a problem"
        items={problems.map((problem) => ({ message: problem.message, target: problem.field }))}
      />
      <h1>
        {patientName(referral)} <StatusTag status={row.status} />
      </h1>
      <CaseSummary
        referralId={row.id}
        status={row.status}
        session={props.session}
        facts={facts}
        flag={props.flag}
        linkWorkers={props.linkWorkers}
      />
      <TimelineSection entries={props.timeline} />
      <AsSent row={row} today={ukDate(props.now)} />
      {isFinal(row.status) ? (
        <p class="inset">{`This referral is ${STATUS_LABELS[row.status].toLowerCase()}: nothing more can be recorded on it.`}</p>
      ) : (
        <>
          <CaseWork
            referralId={row.id}
            status={row.status}
            csrf={props.session.csrfToken}
            facts={facts}
            needs={referral.needs}
            now={props.now}
            problems={problems}
            {...(props.again ? { again: props.again } : {})}
          />
          <DecisionFormSection session={props.session} row={row} form={form} problems={props.again ? [] : problems} />
        </>
      )}
    </Page>
  );
}

/** The referral as the practice sent it: what the referrer saw, the needs, the patient, who referred and when. */
function AsSent({ row, today }: { row: ReferralSummary; today: string }) {
  const { referral } = row;
  const { verdict } = referral;
  return (
    <>
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

      <PatientDetails referral={referral} today={today} />

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
    </>
  );
}
