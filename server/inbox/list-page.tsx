import { nhsDateTime } from '../../domain/clock/nhs-date';
import { LINK_WORKER_STATUSES } from '../../domain/fhir';
import { NEEDS, needLabel, referralReference } from '../../domain/referral';
import { DateInput } from '../../ui/DateInput';
import type { InboxPage, ListedRow } from '../store/inbox';
import type { Session } from '../store/link-workers';
import type { Practice } from '../store/practices';
import { STATUS_LABELS } from './labels';
import { Page, PageLinks } from './layout';
import { cursorParam, type ListRequest } from './list-query';
import { nhsNumber, patientName, SafetyFlags, StatusTag, VerdictTag } from './referral-parts';

/** "1 referral needs a decision", "More than 1,000 referrals match". */
function countText(page: InboxPage, request: ListRequest): string {
  const n =
    page.total > page.countedUpTo
      ? `More than ${page.countedUpTo.toLocaleString('en-GB')}`
      : page.total.toLocaleString('en-GB');
  const one = page.total === 1;
  if (request.query.status === 'requested' && !request.query.search && request.statusChoice === '')
    return `${n} referral${one ? ' needs' : 's need'} a decision`;
  return `${n} referral${one ? '' : 's'} ${one ? 'matches' : 'match'}`;
}

/** The list's own URL with its filters, starting after `after` (the next page) or from the first. */
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

function Filters(props: { request: ListRequest; params: Record<string, string>; practices: Practice[] }) {
  const { query, statusChoice, dates } = props.request;
  return (
    <form method="get" action="/inbox" class="filters" aria-label="Filter referrals">
      <div class="form-group">
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value="" selected={statusChoice === ''}>
            Needs a decision (new)
          </option>
          <option value="any" selected={statusChoice === 'any'}>
            Any status
          </option>
          {LINK_WORKER_STATUSES.filter((status) => status !== 'requested').map((status) => (
            <option key={status} value={status} selected={statusChoice === status}>
              {STATUS_LABELS[status]}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label for="practice">Practice</label>
        <select id="practice" name="practice">
          <option value="">Any</option>
          {props.practices.map((practice) => (
            <option key={practice.odsCode} value={practice.odsCode} selected={query.odsCode === practice.odsCode}>
              {`${practice.name} (${practice.odsCode})`}
            </option>
          ))}
        </select>
      </div>
      <div class="form-group">
        <label for="need">Need</label>
        <select id="need" name="need">
          <option value="">Any</option>
          {NEEDS.map((need) => (
            <option key={need.code} value={need.code} selected={query.need === need.code}>
              {need.label}
            </option>
          ))}
        </select>
      </div>
      <DateInput
        id="from"
        name="from"
        legend="Received from"
        hint="For example, 1 12 2026"
        value={dates.from.boxes}
        error={dates.from.problem}
      />
      <DateInput
        id="to"
        name="to"
        legend="Received to"
        hint="For example, 2 12 2026"
        value={dates.to.boxes}
        error={dates.to.problem}
      />
      <button type="submit" class="button button-secondary">
        Filter
      </button>
    </form>
  );
}

function Search(props: { request: ListRequest }) {
  const { searchText, searchProblem } = props.request;
  return (
    <form method="get" action="/inbox" class="filters" aria-label="Find a referral">
      <div class={`form-group${searchProblem ? ' form-group-error' : ''}`}>
        <label for="q">Find a referral by its reference or NHS number</label>
        {searchProblem && (
          <span class="error-message" id="q-error">
            {searchProblem}
          </span>
        )}
        <input
          id="q"
          name="q"
          type="search"
          value={searchText}
          spellcheck={false}
          autocomplete="off"
          aria-describedby={searchProblem ? 'q-error' : undefined}
        />
      </div>
      <button type="submit" class="button button-secondary">
        Find
      </button>
    </form>
  );
}

function Rows(props: { referrals: ListedRow[] }) {
  return (
    <tbody>
      {props.referrals.map((row) => (
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
          <td>
            <StatusTag status={row.status} />
          </td>
        </tr>
      ))}
    </tbody>
  );
}

export function ListPage(props: {
  session: Session;
  page: InboxPage;
  request: ListRequest;
  /** The URL's parameters, kept on the links to other pages. */
  params: Record<string, string>;
  practices: Practice[];
}) {
  const { page, request } = props;
  const count = countText(page, request);
  return (
    <Page title={request.page > 1 ? `Referrals, page ${request.page}` : 'Referrals'} session={props.session}>
      <h1>Referrals</h1>
      <Search request={request} />
      <Filters request={request} params={props.params} practices={props.practices} />
      <p class="count" id="count">
        {count}
        {request.page > 1 ? `: page ${request.page}` : ''}
      </p>
      {page.referrals.length === 0 ? (
        <p>{request.searchProblem ? 'Nothing was searched for.' : 'No referrals match.'}</p>
      ) : (
        <table class="table" aria-describedby="count">
          <caption>Safety-flagged referrals first, newest first; then the rest, oldest first</caption>
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
            </tr>
          </thead>
          <Rows referrals={page.referrals} />
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
