import { CASELOAD_VIEWS, type CaseloadView } from '../../domain/caseload/views';
import { type DatePart, type DateParts, partsOf, readDateParts } from '../../domain/clock/date-parts';
import { LINK_WORKER_STATUSES } from '../../domain/fhir';
import { isNeedCode, nhsNumberSchema } from '../../domain/referral';
import { type Cursor, type InboxQuery, type InboxSearch, patientNameKey } from '../store/inbox';

const DAY = /^\d{4}-\d{2}-\d{2}$/;
/** A name as typed: letters, with spaces, hyphens, apostrophes and full stops between (O’Neill-Smith, St. John). */
const NAME = /^\p{L}[\p{L}\p{M} '’.-]{0,99}$/u;
const REFERENCE = /^SP-?([0-9A-F]{4})-?([0-9A-F]{4})$/i;
const CURSOR = /^(-?\d{1,16})_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/;

/** What the link worker asked the list for, read from the URL; anything unreadable is left out, never an error page. */
export type ListRequest = {
  /**
   * The caseload's view (its tab). Undefined: every view, for a search or a status asked for without a view (a
   * reference the GP quotes may be of a referral decided, closed or someone else's).
   */
  view?: CaseloadView;
  query: InboxQuery;
  /** The status as the form shows it: '' any status in the view, 'any' any status in every view. */
  statusChoice: string;
  /** The search as typed, and why it was not understood. */
  searchText: string;
  searchProblem?: string;
  /** The "received" dates' boxes as typed, and what is wrong with one that is not a date (the filter is then left out). */
  dates: Record<'from' | 'to', { boxes: DateParts; problem?: { message: string; parts: DatePart[] } }>;
  /** The page's number, for the heading only: the page itself is found by its cursor. */
  page: number;
};

function search(text: string): InboxSearch | undefined {
  const reference = REFERENCE.exec(text);
  if (reference) return { referenceHex: `${reference[1]}${reference[2]}`.toLowerCase() };
  const nhs = nhsNumberSchema.safeParse(text);
  if (nhs.success) return { nhsNumber: nhs.data };
  return NAME.test(text) ? { name: patientNameKey(text) } : undefined;
}

function cursor(text: string | undefined): Cursor | undefined {
  const match = CURSOR.exec(text ?? '');
  return match ? { order: Number(match[1]), id: match[2] as string } : undefined;
}

export function cursorParam(at: Cursor): string {
  return `${at.order}_${at.id}`;
}

function validDay(text: string | undefined): string | undefined {
  if (!text || !DAY.test(text)) return undefined;
  return Number.isNaN(Date.parse(`${text}T00:00:00Z`)) ? undefined : text;
}

/**
 * A "received" date from its day, month and year boxes (`from-day`, …) as the form sends it, or as YYYY-MM-DD (`from`)
 * from a link; a date typed that is not one is left out of the filter and said at the field.
 */
function receivedDay(params: Record<string, string>, name: 'from' | 'to', what: string) {
  const boxes = {
    day: params[`${name}-day`] ?? '',
    month: params[`${name}-month`] ?? '',
    year: params[`${name}-year`] ?? '',
  };
  if (Object.values(boxes).every((box) => box.trim() === '')) {
    const day = validDay(params[name]);
    return { day, field: { boxes: partsOf(day ?? '') } };
  }
  const reading = readDateParts(boxes, what);
  return reading.ok
    ? { day: reading.iso, field: { boxes } }
    : { day: undefined, field: { boxes, problem: { message: reading.message, parts: reading.parts } } };
}

/** The default is the New view: what needs a decision. A search, or a status without a view, looks in every view. */
export function readListRequest(params: Record<string, string>): ListRequest {
  const searchText = (params.q ?? '').trim();
  const found = searchText ? search(searchText) : undefined;
  const statusChoice =
    params.status === 'any' || (LINK_WORKER_STATUSES as readonly string[]).includes(params.status ?? '')
      ? (params.status as string)
      : '';
  const status = statusChoice === 'any' ? undefined : statusChoice || undefined;
  const asked = (CASELOAD_VIEWS as readonly string[]).includes(params.view ?? '')
    ? (params.view as CaseloadView)
    : undefined;
  const view = asked ?? (searchText || statusChoice ? undefined : 'new');
  const after = cursor(params.after);
  const from = receivedDay(params, 'from', 'Received from').day;
  const to = receivedDay(params, 'to', 'Received to').day;
  return {
    ...(view ? { view } : {}),
    query: {
      ...(status ? { status: status as InboxQuery['status'] } : {}),
      ...(params.practice && /^[A-Z0-9]{3,6}$/.test(params.practice) ? { odsCode: params.practice } : {}),
      ...(params.need && isNeedCode(params.need) ? { need: params.need } : {}),
      ...(from ? { receivedFrom: from } : {}),
      ...(to ? { receivedTo: to } : {}),
      ...(found ? { search: found } : {}),
      ...(after ? { after } : {}),
    },
    statusChoice,
    searchText,
    dates: {
      from: receivedDay(params, 'from', 'Received from').field,
      to: receivedDay(params, 'to', 'Received to').field,
    },
    ...(searchText && !found
      ? {
          searchProblem:
            'Search by a referral’s reference (for example SP-1A2B-3C4D), an NHS number (10 digits) or the patient’s name.',
        }
      : {}),
    page: after ? Math.max(2, Math.min(100_000, Number.parseInt(params.page ?? '2', 10) || 2)) : 1,
  };
}
