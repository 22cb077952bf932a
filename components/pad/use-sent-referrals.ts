import { useEffect, useState } from 'preact/hooks';
import { refreshStatuses, type SentQuery, watchSentReferrals } from '../../lib/outbox/queries';
import type { OutboxRow } from '../../lib/outbox/row';

/** The outbox rows for a query, live; showing them asks the background for the link workers' latest statuses. */
export function useSentReferrals(query: SentQuery): OutboxRow[] {
  const [rows, setRows] = useState<OutboxRow[]>([]);
  const { nhsNumber, since } = query;
  useEffect(() => watchSentReferrals({ nhsNumber, since }, setRows), [nhsNumber, since]);
  useEffect(() => refreshStatuses(), []);
  return rows;
}
