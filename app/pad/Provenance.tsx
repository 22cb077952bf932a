import type { Provenance as Source } from '../../domain/referral/patient';

/** Says where a patient detail came from, so a referrer knows what they are vouching for. */
export function Provenance({ id, source }: { id: string; source: Source | undefined }) {
  if (!source) return null;
  return (
    <span id={id} class={`pad-provenance pad-provenance--${source}`}>
      {source === 'page' ? 'from the record' : 'typed'}
    </span>
  );
}
