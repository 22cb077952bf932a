import { z } from 'zod';
import type { LinkWorkerStatus } from '../../domain/fhir';
import { type NeedCode, patientSchema, referralSchema, sentVerdictSchema } from '../../domain/referral';
import type { Queryable } from './db';

type Status = LinkWorkerStatus['status'];

/** What a row of the list shows of a referral: read from its stored JSON in the database, not the whole of it. */
const listedSchema = z.object({
  patient: patientSchema.pick({ given: true, family: true, nhsNumber: true }),
  needs: referralSchema.shape.needs,
  safety: referralSchema.shape.safety,
  verdict: sentVerdictSchema,
});
export type ListedReferral = z.output<typeof listedSchema>;

export type ListedRow = {
  id: string;
  practiceName: string;
  receivedAt: string;
  status: Status;
  referral: ListedReferral;
};

/** A page is 50 of these: the few fields it shows travel out of the database, not each referral's few kilobytes. */
export const LISTED_COLUMNS = `r.id, p.name AS practice_name, r.received_at, r.status, r.inbox_order,
  jsonb_build_object('patient', jsonb_build_object('given', r.referral #> '{patient,given}',
    'family', r.referral #> '{patient,family}', 'nhsNumber', r.referral #> '{patient,nhsNumber}'),
    'needs', r.referral -> 'needs', 'safety', r.referral -> 'safety', 'verdict', r.referral -> 'verdict') AS listed`;

/** A row of LISTED_COLUMNS as the database gives it. */
export type ListedColumns = {
  id: string;
  practice_name: string;
  received_at: Date;
  status: Status;
  inbox_order: string | number;
  listed: unknown;
};

export function listedRow(row: ListedColumns): ListedRow {
  return {
    id: row.id,
    practiceName: row.practice_name,
    receivedAt: new Date(row.received_at).toISOString(),
    status: row.status,
    referral: listedSchema.parse(row.listed),
  };
}

/** Where a page ends: the next page starts after this row (keyset paging on the inbox's order, migration 005). */
export type Cursor = { order: number; id: string };

/**
 * Search by the reference the GP's pad shows (its UUID's first eight hex digits), by NHS number, or by the patient's
 * name: the family name, or given and family names, lower-case with ’ as ' (as `patientNameKey` makes it).
 */
export type InboxSearch = { referenceHex: string } | { nhsNumber: string } | { name: string };

/** The form of a name a search compares: lower-case, a typographic apostrophe as a plain one, spaces single. */
export function patientNameKey(text: string): string {
  return text.trim().toLowerCase().replaceAll('’', "'").replace(/\s+/g, ' ');
}

/** The same, in SQL, of a referral's names (patientNameKey's rules). */
const NAME_KEY = (names: string) => `regexp_replace(lower(translate(${names}, '’', '''')), '\\s+', ' ', 'g')`;

export type InboxQuery = {
  /** The link worker's service: only its referrals. Undefined: the whole queue. */
  serviceId?: string;
  /** Undefined: any status. */
  status?: Status;
  odsCode?: string;
  need?: NeedCode;
  /** Received on or after this UK day (YYYY-MM-DD). */
  receivedFrom?: string;
  /** Received on or before this UK day. */
  receivedTo?: string;
  search?: InboxSearch;
  after?: Cursor;
};

export type InboxPage = {
  referrals: ListedRow[];
  /** How many match, counted up to one more than `countedUpTo`. */
  total: number;
  countedUpTo: number;
  next?: Cursor;
};

export const PAGE_SIZE = 50;
/**
 * Counting is a walk over every match: beyond this many the page says "more than", so that a page costs the same with
 * a hundred thousand referrals stored (bench: queue.inbox-first-page).
 */
export const COUNT_UP_TO = 1000;

/** The conditions a query asks for, as SQL on `r` with its parameters from `$1` on; the cursor is not among them. */
export function inboxConditions(query: InboxQuery): { where: string; params: unknown[] } {
  const params: unknown[] = [];
  // A closed referral whose details retention removed is no longer one to work on (its trail is in the audit).
  const clauses: string[] = ['r.details_removed_at IS NULL'];
  const add = (clause: (at: string) => string, value: unknown) => {
    params.push(value);
    clauses.push(clause(`$${params.length}`));
  };
  if (query.serviceId) add((at) => `r.service_id = ${at}`, query.serviceId);
  if (query.status) add((at) => `r.status = ${at}`, query.status);
  if (query.odsCode) add((at) => `r.ods_code = ${at}`, query.odsCode);
  if (query.need) add((at) => `${at} = ANY (r.needs)`, query.need);
  // UK days: a referral received at 00:30 BST belongs to that day, not the one before.
  if (query.receivedFrom)
    add((at) => `r.received_at >= (${at}::date::timestamp AT TIME ZONE 'Europe/London')`, query.receivedFrom);
  if (query.receivedTo)
    add((at) => `r.received_at < ((${at}::date + 1)::timestamp AT TIME ZONE 'Europe/London')`, query.receivedTo);
  const search = query.search;
  if (search && 'referenceHex' in search) {
    // The reference is the UUID's first eight hex digits: every id with them lies in one range of the primary key.
    add((at) => `r.id >= ${at}::uuid`, `${search.referenceHex}-0000-0000-0000-000000000000`);
    add((at) => `r.id <= ${at}::uuid`, `${search.referenceHex}-ffff-ffff-ffff-ffffffffffff`);
  }
  if (search && 'nhsNumber' in search) add((at) => `r.nhs_number = ${at}`, search.nhsNumber);
  // No index: a name is searched for rarely, by a person, within one service's referrals; the reference and the NHS
  // number are the quick ways.
  if (search && 'name' in search)
    add(
      (at) =>
        `(${NAME_KEY(`r.referral #>> '{patient,family}'`)} = ${at} OR ${NAME_KEY(
          `(r.referral #>> '{patient,given}') || ' ' || (r.referral #>> '{patient,family}')`,
        )} = ${at})`,
      search.name,
    );
  return { where: clauses.join(' AND '), params };
}

/**
 * One page of the inbox: referrals with a safety flag first, newest first, then the rest, oldest first, so that nobody
 * at risk waits behind the queue and nobody else waits longest by accident. Read as a range of an index after the
 * cursor (never OFFSET, so a page costs the same however deep), with the count of all that match (up to COUNT_UP_TO).
 */
export async function inboxPage(db: Queryable, query: InboxQuery, size = PAGE_SIZE): Promise<InboxPage> {
  const { where, params } = inboxConditions(query);
  const after = query.after
    ? ` AND (r.inbox_order, r.id) > ($${params.length + 1}::bigint, $${params.length + 2}::uuid)`
    : '';
  const pageParams = query.after ? [...params, query.after.order, query.after.id] : params;
  const [rows, counted] = await Promise.all([
    db.query<ListedColumns>(
      `SELECT ${LISTED_COLUMNS} FROM referral r JOIN practice p ON p.ods_code = r.ods_code
       WHERE ${where}${after} ORDER BY r.inbox_order, r.id LIMIT ${size + 1}`,
      pageParams,
    ),
    db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM (SELECT 1 FROM referral r WHERE ${where} LIMIT ${COUNT_UP_TO + 1}) matching`,
      params,
    ),
  ]);
  const shown = rows.slice(0, size);
  const last = shown[shown.length - 1];
  return {
    referrals: shown.map(listedRow),
    total: counted[0]?.n ?? 0,
    countedUpTo: COUNT_UP_TO,
    ...(rows.length > size && last ? { next: { order: Number(last.inbox_order), id: last.id } } : {}),
  };
}
