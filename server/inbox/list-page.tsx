import { LINK_WORKER_STATUSES } from '../../domain/fhir';
import { NEEDS, needLabel, referralReference } from '../../domain/referral';
import type { Session } from '../store/link-workers';
import type { Practice } from '../store/practices';
import type { InboxFilter, ReferralSummary } from '../store/referrals';
import { STATUS_LABELS, when } from './labels';
import { Page } from './layout';
import { nhsNumber, patientName, SafetyFlags, StatusTag, VerdictTag } from './referral-parts';

export function ListPage(props: {
  session: Session;
  referrals: ReferralSummary[];
  filter: InboxFilter;
  practices: Practice[];
}) {
  const { filter } = props;
  return (
    <Page title="Referrals" session={props.session}>
      <h1>Referrals</h1>
      <form method="get" action="/inbox" class="filters" aria-label="Filter referrals">
        <div class="form-group">
          <label for="status">Status</label>
          <select id="status" name="status">
            <option value="">Any</option>
            {LINK_WORKER_STATUSES.map((status) => (
              <option key={status} value={status} selected={filter.status === status}>
                {STATUS_LABELS[status]}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="practice">Practice</label>
          <select id="practice" name="practice">
            <option value="">Any</option>
            {props.practices.map((practice) => (
              <option key={practice.odsCode} value={practice.odsCode} selected={filter.odsCode === practice.odsCode}>
                {`${practice.name} (${practice.odsCode})`}
              </option>
            ))}
          </select>
        </div>
        <div class="form-group">
          <label for="need">Need</label>
          <select id="need" name="need">
            <option value="">Any</option>
            {NEEDS.map((need) => (
              <option key={need.code} value={need.code} selected={filter.need === need.code}>
                {need.label}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" class="button button-secondary">
          Filter
        </button>
      </form>
      {props.referrals.length === 0 ? (
        <p>No referrals match.</p>
      ) : (
        <table class="table">
          <caption>{`${props.referrals.length} referral${props.referrals.length === 1 ? '' : 's'}, oldest first`}</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Reference</th>
              <th scope="col">Patient</th>
              <th scope="col">Practice</th>
              <th scope="col">Needs</th>
              <th scope="col">Safety flags</th>
              <th scope="col">Verdict the referrer saw</th>
              <th scope="col">Status</th>
            </tr>
          </thead>
          <tbody>
            {props.referrals.map((row) => (
              <tr key={row.id} data-referral={row.id}>
                <td>{when(row.receivedAt)}</td>
                <td class="reference">{referralReference(row.id)}</td>
                <td>
                  <a href={`/inbox/referrals/${row.id}`}>{patientName(row.referral)}</a>
                  <br />
                  <span class="quiet">NHS {nhsNumber(row.referral)}</span>
                </td>
                <td>{row.practiceName}</td>
                <td>{row.referral.needs.map(needLabel).join(', ')}</td>
                <td>
                  <SafetyFlags referral={row.referral} />
                </td>
                <td>
                  <VerdictTag referral={row.referral} />
                </td>
                <td>
                  <StatusTag status={row.status} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Page>
  );
}
