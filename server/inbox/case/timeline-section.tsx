import type { TimelineEntry } from '../../../domain/caseload/timeline';
import { nhsDateTime } from '../../../domain/clock/nhs-date';

/** Everything that happened to the referral, oldest first: arrival, decisions, assignments, attempts, notes, closing. */
export function TimelineSection(props: { entries: readonly TimelineEntry[] }) {
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">Timeline</h2>
      <ol class="timeline">
        {props.entries.map((entry, index) => (
          <li key={`${entry.at}-${index}`} data-timeline={index}>
            <strong>{entry.title}</strong>
            <span class="quiet">{` — ${entry.who}, ${nhsDateTime(entry.at)}`}</span>
            {entry.lines.map((line) => (
              <div key={line} class="timeline-line">
                {line}
              </div>
            ))}
          </li>
        ))}
      </ol>
    </section>
  );
}
