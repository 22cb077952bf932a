import { resendReferral } from '../../lib/outbox/queries';
import type { OutboxRow } from '../../lib/outbox/row';
import { sentReferralView } from '../../lib/outbox/sent-wording';

/** One list of sent referrals with each one's state in the GP's words; changes are announced (role=status). */
export function SentReferralList({
  title,
  rows,
  now = Date.now(),
}: {
  title: string;
  rows: OutboxRow[];
  now?: number;
}) {
  const id = `pad-sent-${title.toLowerCase().replace(/\W+/g, '-')}`;
  return (
    <section class="pad-section" aria-labelledby={id}>
      <h3 id={id}>{title}</h3>
      <div role="status">
        {rows.length === 0 ? (
          <p>None.</p>
        ) : (
          <ul class="pad-sent-list">
            {rows.map((row) => {
              const view = sentReferralView(row, now);
              return (
                <li key={view.id} class="pad-sent-item">
                  <strong class="pad-sent-reference">{view.reference}</strong> —{' '}
                  {new Date(view.sentAt).toLocaleString('en-GB', { dateStyle: 'short', timeStyle: 'short' })}
                  {view.needs.length > 0 && <span> · {view.needs.join(', ')}</span>}
                  <p>
                    <strong>{view.state}</strong>
                    {view.detail && <span>: {view.detail}</span>}
                  </p>
                  {view.canSendAgain && (
                    <button
                      type="button"
                      class="pad-button pad-button--secondary"
                      onClick={() => void resendReferral(view.id)}
                      aria-label={`Send ${view.reference} again`}
                    >
                      Send again
                    </button>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </section>
  );
}
