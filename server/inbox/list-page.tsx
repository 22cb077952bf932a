import {
  CASELOAD_VIEW_LABELS,
  CASELOAD_VIEW_MEANINGS,
  CASELOAD_VIEWS,
  type CaseloadView,
} from '../../domain/caseload/views';
import { nhsDate, nhsDateTime } from '../../domain/clock/nhs-date';
import { isFinal } from '../../domain/fhir';
import { needLabel, referralReference } from '../../domain/referral';
import { CASELOAD_COUNT_UP_TO } from '../store/caseload';
import type { Cursor, ListedRow } from '../store/inbox';
import type { Session } from '../store/link-workers';
import type { Practice } from '../store/practices';
import { DueTag, dueFlag } from './due-flag';
import { Page, PageLinks } from './layout';
import { Filters, Search } from './list-filters';
import { cursorParam, type ListRequest } from './list-query';
import { nhsNumber, patientName, SafetyFlags, StatusTag, VerdictTag } from './referral-parts';

/** A row of a view; a search's rows (every view) carry no due days or assignment. */
type ShownRow = ListedRow & {
  assignedName?: string;
  decisionDue?: string;
  contactDue?: string;
  waitingExpected?: string;
  nextActionDue?: string;
};

type ShownPage = { referrals: ShownRow[]; total: number; countedUpTo: number; next?: Cursor };

/** "More than 1,000" past the count's cap. */
function counted(n: number, upTo: number): string {
  return n > upTo ? `More than ${upTo.toLocaleString('en-GB')}` : n.toLocaleString('en-GB');
}

/** "3 referrals need a decision" (New, unfiltered), "12 referrals in Mine", "1 referral matches" (every view). */
function countText(page: ShownPage, request: ListRequest): string {
  const n = counted(page.total, page.countedUpTo);
  const one = page.total === 1;
  if (!request.view) return `${n} referral${one ? '' : 's'} ${one ? 'matches' : 'match'}`;
  if (request.view === 'new' && request.statusChoice === '')
    return `${n} referral${one ? ' needs' : 's need'} a decision`;
  return `${n} referral${one ? '' : 's'} in ${CASELOAD_VIEW_LABELS[request.view]}`;
}

/** The list's own URL with its filters (and view), starting after `after` (the next page) or from the first. */
function pageHref(params: Record<string, string>, after?: { cursor: string; page: number }): string {
  const kept = Object.entries(params).filter(([name, value]) => value !== '' && name !== 'after' && name !== 'page');
  const search = new URLSearchParams(kept);
  if (after) {
    search.set('after', after.cursor);
    search.set('page', String(after.page));
  }
  const text = search.toString();
  return text ? `/inbox?${text}` : '/inbox';
}

/** This very page (its filters, view and cursor): where "Assign to me" comes back to. */
function thisPage(params: Record<string, string>): string {
  const text = new URLSearchParams(Object.entries(params).filter(([, value]) => value !== '')).toString();
  return text ? `/inbox?${text}` : '/inbox';
}

/** A tab per view with its count; the filters stay, the search and the page do not (a tab starts its own list). */
function Tabs(props: { request: ListRequest; params: Record<string, string>; counts: Record<CaseloadView, number> }) {
  const { q: _q, view: _view, status, ...rest } = props.params;
  // "Any status in every view" is no filter within a view.
  const filters = status && status !== 'any' ? { ...rest, status } : rest;
  const current = props.request.view;
  return (
    <nav class="tabs" aria-label="Caseload views">
      <ul>
        {CASELOAD_VIEWS.map((view) => (
          <li key={view}>
            <a
              href={pageHref({ ...filters, view })}
              aria-current={view === current ? 'page' : undefined}
              title={CASELOAD_VIEW_MEANINGS[view]}
            >
              {CASELOAD_VIEW_LABELS[view]}{' '}
              <span class="tab-count">
                {props.counts[view] > CASELOAD_COUNT_UP_TO
                  ? `${CASELOAD_COUNT_UP_TO.toLocaleString('en-GB')}+`
                  : props.counts[view].toLocaleString('en-GB')}
              </span>
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/** Assign to me, in one press, coming back to this list; or who has it. */
function Assignment(props: { row: ShownRow; csrf: string; back: string; searched: boolean }) {
  const { row } = props;
  if (row.assignedName) return <span>{row.assignedName}</span>;
  if (isFinal(row.status)) return <span class="quiet">Nobody</span>;
  if (props.searched) return <span class="quiet">See the referral</span>;
  return (
    <form method="post" action={`/inbox/referrals/${row.id}/assign`} class="inline-form">
      <input type="hidden" name="csrf" value={props.csrf} />
      <input type="hidden" name="to" value="me" />
      <input type="hidden" name="back" value={props.back} />
      <button type="submit" class="button button-small">
        Assign to me<span class="nhsuk-u-visually-hidden">{`: ${patientName(row.referral)}`}</span>
      </button>
    </form>
  );
}

function Rows(props: {
  rows: ShownRow[];
  csrf: string;
  back: string;
  searched: boolean;
  today: string;
  dueSoon: number;
}) {
  return (
    <tbody>
      {props.rows.map((row) => {
        const flag =
          row.decisionDue && row.contactDue
            ? dueFlag({ ...row, decisionDue: row.decisionDue, contactDue: row.contactDue }, props.today, props.dueSoon)
            : undefined;
        return (
          <tr key={row.id} data-referral={row.id}>
            <td>{nhsDateTime(row.receivedAt)}</td>
            <td class="reference">{referralReference(row.id)}</td>
            <td>
              <a href={`/inbox/referrals/${row.id}`}>{patientName(row.referral)}</a>
              <br />
              <span class="quiet">NHS {nhsNumber(row.referral)}</span>
            </td>
            <td>{row.practiceName}</td>
            <td>{row.referral.needs.map(needLabel).join(', ')}</td>
            <td>
              <SafetyFlags referral={row.referral} />
            </td>
            <td>
              <VerdictTag referral={row.referral} />
            </td>
            <td class="status">
              <StatusTag status={row.status} /> <DueTag flag={flag} />
              {row.waitingExpected && (
                <div class="quiet">{`Waiting list: expects to hear by ${nhsDate(row.waitingExpected, 'short')}`}</div>
              )}
              {row.nextActionDue && <div class="quiet">{`Next action due ${nhsDate(row.nextActionDue, 'short')}`}</div>}
            </td>
            <td>
              <Assignment row={row} csrf={props.csrf} back={props.back} searched={props.searched} />
            </td>
          </tr>
        );
      })}
    </tbody>
  );
}

export function ListPage(props: {
  session: Session;
  page: ShownPage;
  counts: Record<CaseloadView, number>;
  request: ListRequest;
  /** The URL's parameters, kept on the links to other pages. */
  params: Record<string, string>;
  practices: Practice[];
  /** The queue's UK day, and how many working days before a due day the service calls it "due soon". */
  today: string;
  dueSoon: number;
}) {
  const { page, request } = props;
  const searched = request.view === undefined;
  const title = request.view ? CASELOAD_VIEW_LABELS[request.view] : 'Every view';
  return (
    <Page title={request.page > 1 ? `${title}, page ${request.page}` : title} session={props.session}>
      <h1>Caseload</h1>
      <Tabs request={request} params={props.params} counts={props.counts} />
      <p class="quiet">
        {request.view ? CASELOAD_VIEW_MEANINGS[request.view] : 'Referrals in every view: no view chosen.'}
      </p>
      <Search request={request} />
      <Filters request={request} practices={props.practices} />
      <p class="count" id="count">
        {countText(page, request)}
        {request.page > 1 ? `: page ${request.page}` : ''}
      </p>
      {page.referrals.length === 0 ? (
        <p>{request.searchProblem ? 'Nothing was searched for.' : 'No referrals match.'}</p>
      ) : (
        <table class="table" aria-describedby="count">
          <caption>{`${request.view ? CASELOAD_VIEW_LABELS[request.view] : 'Every view'}: safety-flagged referrals first, newest first; then the rest, oldest first`}</caption>
          <thead>
            <tr>
              <th scope="col">Received</th>
              <th scope="col">Reference</th>
              <th scope="col">Patient</th>
              <th scope="col">Practice</th>
              <th scope="col">Needs</th>
              <th scope="col">Safety flags</th>
              <th scope="col">Verdict the referrer saw</th>
              <th scope="col">Status</th>
              <th scope="col">Link worker</th>
            </tr>
          </thead>
          <Rows
            rows={page.referrals}
            csrf={props.session.csrfToken}
            back={thisPage(props.params)}
            searched={searched}
            today={props.today}
            dueSoon={props.dueSoon}
          />
        </table>
      )}
      <PageLinks
        label="Pages of referrals"
        links={[
          ...(request.page > 1 ? [{ href: pageHref(props.params), text: 'First page' }] : []),
          ...(page.next
            ? [
                {
                  href: pageHref(props.params, { cursor: cursorParam(page.next), page: request.page + 1 }),
                  text: 'Next page',
                  rel: 'next' as const,
                },
              ]
            : []),
        ]}
      />
    </Page>
  );
}
