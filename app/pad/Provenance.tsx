import type { Provenance as Source } from '../../domain/referral/patient';

/**
 * Says where a patient detail came from, so a referrer knows what they are vouching for; or, for a detail the record
 * shows but the pad could not read (`unread`, as the record shows it) and the referrer has not typed, that it needs them.
 */
export function Provenance({ id, source, unread }: { id: string; source: Source | undefined; unread?: string }) {
  if (unread !== undefined && source !== 'typed') {
    return (
      <span id={id} class="pad-provenance pad-provenance--unread">
        Could not read from the record: ‘{unread}’
      </span>
    );
  }
  if (!source) return null;
  return (
    <span id={id} class={`pad-provenance pad-provenance--${source}`}>
      {source === 'page' ? 'from the record' : 'typed'}
    </span>
  );
}
