import { nhsDate } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { agreementWords } from '../../domain/service/agreement';
import type { DirectoryEntry } from '../../domain/service/directory';
import { capacityWords } from '../../domain/service/service';
import type { OptionsState } from './options-state';
import { ProposalItem } from './ProposalItem';

/** One service in the directory: its capacity, the version in force and who agreed it, and the proposals with it. */
export function DirectoryService({ state, entry }: { state: OptionsState; entry: DirectoryEntry }) {
  const { service, agreement } = entry;
  const headingId = `service-${service.id}`;
  const notice = state.directory.notices.value[service.id];
  const proposals = state.directory.proposals.value[service.id];
  const row = (term: string, value: string) => (
    <div class="summary-row">
      <dt>{term}</dt>
      <dd>{value}</dd>
    </div>
  );
  return (
    <article class="options-card options-service" aria-labelledby={headingId} data-service={service.id}>
      <h3 id={headingId}>
        {service.name} <span class="options-muted">{service.organisation.name}</span>
      </h3>
      <dl class="options-summary">
        {row('Capacity', capacityWords(service.capacity, ukDate(Date.now())))}
        {row('Agreed version', `Version ${agreement.version}`)}
        {row('Agreement', agreementWords(agreement))}
        {row('Review by', nhsDate(agreement.reviewBy))}
        {row('How they make contact', service.contact)}
        {row('Areas served', service.areas.length ? service.areas.join(', ') : 'Anywhere')}
      </dl>
      {notice && (
        <p class={notice.ok ? 'options-ok' : 'nhsuk-error-message'} role="status">
          {notice.message}
        </p>
      )}
      <h4>Proposals</h4>
      {!proposals && <p class="nhsuk-body options-muted">Reading the proposals from the queue…</p>}
      {proposals && !proposals.ok && (
        <p class="nhsuk-error-message">The proposals could not be read. {proposals.message}</p>
      )}
      {proposals?.ok && proposals.value.length === 0 && (
        <p class="nhsuk-body">None: version {agreement.version} is the one agreed.</p>
      )}
      {proposals?.ok && proposals.value.length > 0 && (
        <ol class="options-history" reversed>
          {[...proposals.value]
            .sort((a, b) => b.proposedAt.localeCompare(a.proposedAt))
            .map((proposal) => (
              <ProposalItem key={proposal.id} state={state} entry={entry} proposal={proposal} />
            ))}
        </ol>
      )}
    </article>
  );
}
