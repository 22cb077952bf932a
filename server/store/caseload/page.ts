import { CASELOAD_VIEWS, type CaseloadView } from '../../../domain/caseload/views';
import type { Queryable } from '../db';
import {
  type InboxPage,
  type InboxQuery,
  inboxConditions,
  LISTED_COLUMNS,
  type ListedColumns,
  type ListedRow,
  listedRow,
  PAGE_SIZE,
} from '../inbox';
import { viewCondition } from './views';

export type CaseloadQuery = InboxQuery & {
  view: CaseloadView;
  /** The link worker asking: "Mine" is theirs. */
  username: string;
  /** The UK day (from service.now()): what is overdue. */
  today: string;
};

export type CaseloadRow = ListedRow & {
  assignedName?: string;
  decisionDue: string;
  contactDue: string;
  waitingExpected?: string;
  nextActionDue?: string;
};

export type CaseloadPage = Omit<InboxPage, 'referrals'> & { referrals: CaseloadRow[] };

/**
 * Each view's count (its tab and its page) stops here and says "more than": six counts on every page, each a walk over
 * its matches, so a tenth of the inbox's COUNT_UP_TO keeps a page's cost level with 100,000 referrals stored (bench:
 * queue.caseload-*-first-page). A caseload tab needs "more than 100" no more exactly than the inbox did.
 */
export const CASELOAD_COUNT_UP_TO = 100;

/**
 * Counting walks the matches in the view's index order too: without an order the planner may read the whole table
 * for a view with many matches (seen with 100,000 referrals), where the index gives the first matches at once.
 */
const IN_ORDER = 'ORDER BY r.inbox_order, r.id';

type CaseloadColumns = ListedColumns & {
  assigned_name: string | null;
  decision_due: string | null;
  contact_due: string | null;
  waiting_expected: string | null;
  next_action_due: string | null;
};

/** A query's conditions and the view's, on `r`, with their parameters. */
function where(query: CaseloadQuery): { sql: string; params: unknown[]; at: (value: unknown) => string } {
  const { where: filters, params } = inboxConditions(query);
  const at = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  return { sql: `${filters} AND ${viewCondition(query.view, query, at)}`, params, at };
}

/**
 * One page of a caseload view, in the inbox's order (safety-flagged first, newest first, then the rest, oldest
 * first), read as a range of the view's index after the cursor, with the count of all that match (up to CASELOAD_COUNT_UP_TO).
 */
export async function caseloadPage(db: Queryable, query: CaseloadQuery, size = PAGE_SIZE): Promise<CaseloadPage> {
  const counted = where(query);
  const page = where(query);
  const after = query.after
    ? ` AND (r.inbox_order, r.id) > (${page.at(query.after.order)}::bigint, ${page.at(query.after.id)}::uuid)`
    : '';
  const [rows, count] = await Promise.all([
    db.query<CaseloadColumns>(
      `SELECT ${LISTED_COLUMNS}, w.display_name AS assigned_name, r.decision_due::text, r.contact_due::text,
         r.waiting_expected::text, r.next_action_due::text
       FROM referral r JOIN practice p ON p.ods_code = r.ods_code LEFT JOIN link_worker w ON w.username = r.assigned_to
       WHERE ${page.sql}${after} ORDER BY r.inbox_order, r.id LIMIT ${size + 1}`,
      page.params,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM referral r WHERE ${counted.sql} ${IN_ORDER} LIMIT ${CASELOAD_COUNT_UP_TO + 1}) matching`,
      counted.params,
    ),
  ]);
  const shown = rows.slice(0, size);
  const last = shown[shown.length - 1];
  return {
    referrals: shown.map(caseloadRow),
    total: count[0]?.n ?? 0,
    countedUpTo: CASELOAD_COUNT_UP_TO,
    ...(rows.length > size && last ? { next: { order: Number(last.inbox_order), id: last.id } } : {}),
  };
}

function caseloadRow(row: CaseloadColumns): CaseloadRow {
  return {
    ...listedRow(row),
    ...(row.assigned_name ? { assignedName: row.assigned_name } : {}),
    // Filled when the database is opened (fillResponseDue): empty only for a row stored since by hand.
    decisionDue: row.decision_due ?? '',
    contactDue: row.contact_due ?? '',
    ...(row.waiting_expected ? { waitingExpected: row.waiting_expected } : {}),
    ...(row.next_action_due ? { nextActionDue: row.next_action_due } : {}),
  };
}

/** How many each view holds (each counted up to one more than CASELOAD_COUNT_UP_TO), in one statement. */
export async function caseloadCounts(
  db: Queryable,
  who: { serviceId?: string; username: string; today: string },
): Promise<Record<CaseloadView, number>> {
  const params: unknown[] = [];
  const at = (value: unknown) => {
    params.push(value);
    return `$${params.length}`;
  };
  const service = who.serviceId ? ` AND r.service_id = ${at(who.serviceId)}` : '';
  const counts = CASELOAD_VIEWS.map(
    (view, index) =>
      `(SELECT count(*)::int FROM (SELECT 1 FROM referral r WHERE r.details_removed_at IS NULL${service}
         AND ${viewCondition(view, who, at)} ${IN_ORDER} LIMIT ${CASELOAD_COUNT_UP_TO + 1}) v) AS c${index}`,
  );
  const [row] = await db.query<Record<string, number>>(`SELECT ${counts.join(', ')}`, params);
  return Object.fromEntries(CASELOAD_VIEWS.map((view, index) => [view, row?.[`c${index}`] ?? 0])) as Record<
    CaseloadView,
    number
  >;
}
