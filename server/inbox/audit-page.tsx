import { nhsDateTime } from '../../domain/clock/nhs-date';
import { referralReference } from '../../domain/referral';
import type { AuditAction, AuditRow } from '../store/audit';
import type { Session } from '../store/link-workers';
import { Page, PageLinks } from './layout';

const ACTIONS: Record<AuditAction, string> = {
  'signed-in': 'Signed in',
  'sign-in-refused': 'Sign-in refused',
  'sign-in-locked': 'Sign-in refused: too many tries',
  'signed-out': 'Signed out',
  'viewed-referral': 'Opened a referral',
  decided: 'Recorded a decision',
  'token-issued': 'Issued a practice token',
  'token-revoked': 'Revoked a practice token',
  'link-worker-added': 'Added a link worker',
  'link-worker-disabled': 'Disabled a link worker',
  'link-worker-enabled': 'Enabled a link worker',
  'case-assigned': 'Assigned a referral',
  'case-event-added': 'Added to a case',
  'details-removed': 'Removed a closed referral’s details',
  'service-added': 'Added a service',
  'service-changed': 'Changed a service’s details or capacity',
  'model-proposed': 'Proposed a model version',
  'model-agreed': 'Agreed a model version',
  'model-sent-back': 'Sent a proposed model back',
};

/** The audit trail for an administrator, newest first, a page at a time. Server-rendered, no script. */
export function AuditPage(props: { session: Session; rows: AuditRow[]; pageSize: number; query: string }) {
  const last = props.rows.at(-1);
  return (
    <Page title="Audit" session={props.session}>
      <a class="back-link" href="/inbox">
        All referrals
      </a>
      <h1>Audit</h1>
      {props.rows.length === 0 ? (
        <p>Nothing recorded.</p>
      ) : (
        <table class="table">
          <caption>Who did what, newest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Who</th>
              <th scope="col">What</th>
              <th scope="col">Referral</th>
              <th scope="col">Detail</th>
              <th scope="col">From</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((row) => (
              <tr key={row.id} data-audit={row.action}>
                <td>{nhsDateTime(row.at.toISOString())}</td>
                <td>{row.actor}</td>
                <td>{ACTIONS[row.action] ?? row.action}</td>
                <td class="reference">
                  {row.referralId && (
                    <a href={`/inbox/audit?referral=${row.referralId}`}>{referralReference(row.referralId)}</a>
                  )}
                </td>
                <td>{row.detail ?? ''}</td>
                <td>{row.address ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <PageLinks
        label="Pages of the audit"
        links={
          last && props.rows.length === props.pageSize
            ? [{ href: `/inbox/audit?${props.query}${props.query ? '&' : ''}before=${last.id}`, text: 'Older entries' }]
            : []
        }
      />
    </Page>
  );
}
