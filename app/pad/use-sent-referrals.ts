import { useEffect, useState } from 'preact/hooks';
import type { OutboxRow } from '../../domain/outbox/row';
import type { SentQuery } from '../shared/messaging/protocol';
import { askSendAgain, askSentReferrals, onOutboxChanged, refreshStatuses } from './outbox-link';
import { refreshWhileShown } from './refresh-while-shown';

export type SentList = { rows: OutboxRow[]; loaded: boolean; failed?: string };

/** Told when this pad changed the outbox itself (Send again), before the background's own announcement. */
const changedHere = new EventTarget();

/**
 * The outbox rows for a query (none, at once, for an undefined query), asked of the background and asked again whenever it says
 * the outbox changed. Answers that come back out of order never replace a newer one.
 */
export function useSentReferrals(query: SentQuery | undefined): SentList {
  const [list, setList] = useState<SentList>({ rows: [], loaded: false });
  const nhsNumber = query?.nhsNumber;
  const since = query?.since;
  const wanted = query !== undefined;
  useEffect(() => {
    if (!wanted) {
      setList({ rows: [], loaded: true });
      return;
    }
    let latest = 0;
    let stopped = false;
    const load = () => {
      const ticket = ++latest;
      askSentReferrals({ nhsNumber, since }).then(
        (rows) => {
          if (!stopped && ticket === latest) setList({ rows, loaded: true });
        },
        (error: Error) => {
          if (!stopped && ticket === latest) setList({ rows: [], loaded: true, failed: error.message });
        },
      );
    };
    load();
    const stop = onOutboxChanged(load);
    changedHere.addEventListener('changed', load);
    return () => {
      stopped = true;
      stop();
      changedHere.removeEventListener('changed', load);
    };
  }, [wanted, nhsNumber, since]);
  return list;
}

/** Send again through the background; every list in this pad reads the outbox again once it is queued. */
export async function sendAgain(id: string): Promise<boolean> {
  const resent = await askSendAgain(id);
  changedHere.dispatchEvent(new Event('changed'));
  return resent;
}

/**
 * While `shown`, asks the background for the link workers' latest statuses: at once, when the pad is opened again or
 * its tab shown again, and each minute (app/pad/refresh-while-shown.ts). The answers arrive as `outbox:changed`.
 */
export function useFreshStatuses(shown = true): void {
  useEffect(() => (shown ? refreshWhileShown(refreshStatuses) : undefined), [shown]);
}
