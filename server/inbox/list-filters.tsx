import { LINK_WORKER_STATUSES } from '../../domain/fhir';
import { NEEDS } from '../../domain/referral';
import { DateInput } from '../../ui/DateInput';
import type { Practice } from '../store/practices';
import { STATUS_LABELS } from './labels';
import type { ListRequest } from './list-query';

/** The filters of a view: its tab is kept (a hidden field), so filtering never moves the link worker to another view. */
export function Filters(props: { request: ListRequest; practices: Practice[] }) {
  const { query, statusChoice, dates, view } = props.request;
  return (
    <form method="get" action="/inbox" class="filters" aria-label="Filter referrals">
      {view && <input type="hidden" name="view" value={view} />}
      <div class="form-group">
        <label for="status">Status</label>
        <select id="status" name="status">
          <option value={view ? '' : 'any'} selected={statusChoice === '' || statusChoice === 'any'}>
            Any status
          </option>
          {LINK_WORKER_STATUSES.map((status) => (
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
        hint=""
        value={dates.from.boxes}
        error={dates.from.problem}
      />
      <DateInput id="to" name="to" legend="Received to" hint="" value={dates.to.boxes} error={dates.to.problem} />
      <button type="submit" class="button button-secondary">
        Filter
      </button>
    </form>
  );
}

/** Find one referral by the reference the GP quotes, their NHS number or their name, in every view. */
export function Search(props: { request: ListRequest }) {
  const { searchText, searchProblem } = props.request;
  return (
    <form method="get" action="/inbox" class="filters" aria-label="Find a referral">
      <div class={`form-group${searchProblem ? ' form-group-error' : ''}`}>
        <label for="q">Find a referral by its reference, NHS number or the patient’s name</label>
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
