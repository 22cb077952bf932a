import { type CaseEvent, caseEventSchema } from '../../../domain/caseload/case';
import type { Queryable } from '../db';
import { referralDetail } from '../referrals';

type Detail = NonNullable<Awaited<ReturnType<typeof referralDetail>>>;

export type CaseDetail = Detail & {
  assignedTo?: string;
  assignedName?: string;
  decisionDue: string;
  contactDue: string;
  decidedAt?: string;
  firstContactAt?: string;
  waitingExpected?: string;
  nextActionDue?: string;
  closedAt?: string;
  /** Everything that happened to the case after arrival, oldest first. */
  events: CaseEvent[];
};

type CaseColumns = {
  assigned_to: string | null;
  assigned_name: string | null;
  decision_due: string | null;
  contact_due: string | null;
  decided_at: Date | null;
  first_contact_at: Date | null;
  waiting_expected: string | null;
  next_action_due: string | null;
  closed_at: Date | null;
};

const instant = (value: Date | null) => (value ? new Date(value).toISOString() : undefined);

/** Everything that happened to a case after arrival, oldest first. */
export async function caseEvents(db: Queryable, referralId: string): Promise<CaseEvent[]> {
  const rows = await db.query<{ id: string | number; at: Date; by_username: string; by_name: string; body: unknown }>(
    'SELECT id, at, by_username, by_name, body FROM case_event WHERE referral_id = $1 ORDER BY id',
    [referralId],
  );
  return rows.map((event) => ({
    ...caseEventSchema.parse(event.body),
    id: Number(event.id),
    at: new Date(event.at).toISOString(),
    by: event.by_username,
    byName: event.by_name,
  }));
}

/** A referral with its case (as referralDetail: undefined when it is not in `serviceId`'s caseload). */
export async function caseDetail(
  db: Queryable,
  referralId: string,
  serviceId?: string,
): Promise<CaseDetail | undefined> {
  const [detail, columns, events] = await Promise.all([
    referralDetail(db, referralId, serviceId),
    db.query<CaseColumns>(
      `SELECT r.assigned_to, w.display_name AS assigned_name, r.decision_due::text, r.contact_due::text, r.decided_at,
         r.first_contact_at, r.waiting_expected::text, r.next_action_due::text, r.closed_at
       FROM referral r LEFT JOIN link_worker w ON w.username = r.assigned_to WHERE r.id = $1`,
      [referralId],
    ),
    caseEvents(db, referralId),
  ]);
  const row = columns[0];
  if (!detail || !row) return undefined;
  const optional = {
    assignedTo: row.assigned_to ?? undefined,
    assignedName: row.assigned_name ?? undefined,
    decidedAt: instant(row.decided_at),
    firstContactAt: instant(row.first_contact_at),
    waitingExpected: row.waiting_expected ?? undefined,
    nextActionDue: row.next_action_due ?? undefined,
    closedAt: instant(row.closed_at),
  };
  return {
    ...detail,
    ...Object.fromEntries(Object.entries(optional).filter(([, value]) => value !== undefined)),
    decisionDue: row.decision_due ?? '',
    contactDue: row.contact_due ?? '',
    events,
  };
}
