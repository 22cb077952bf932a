import type { ComponentChildren } from 'preact';
import { type Audience, countText, shareText } from '../../domain/evaluation/suppress';
import { type Cell, cellText, cellValue, type ReportTable } from '../../domain/evaluation/table';
import type { Service } from '../../domain/service/service';
import { ErrorSummary } from '../../ui/ErrorSummary';
import { describedBy, Field } from '../../ui/Field';
import { Page } from '../inbox/layout';
import type { Session } from '../store/link-workers';
import { BarChart, ColumnChart } from './charts';
import { LineChart } from './line-chart';
import { PERIODS, type Report } from './report-data';

type Props = {
  session: Session;
  service: Service;
  report: Report;
  audience: Audience;
  saved?: boolean;
  /** A threshold the lead typed that did not read: what they typed and why. */
  threshold?: { entered: string; problem: string };
};

/** The table, as the CSV gives it, with its download link. */
function Table(props: { table: ReportTable; audience: Audience; period: number }) {
  const { table } = props;
  return (
    <div class="report-table">
      <table class="table" id={`table-${table.id}`}>
        <caption>{table.title}</caption>
        <thead>
          <tr>
            {table.columns.map((column) => (
              <th key={column} scope="col">
                {column}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.length === 0 && (
            <tr>
              <td colSpan={table.columns.length}>None in this period.</td>
            </tr>
          )}
          {table.rows.map((row, index) => (
            <tr key={index}>
              {row.map((cell, column) =>
                column === 0 ? (
                  <th key={column} scope="row">
                    {cellText(cell, props.audience)}
                  </th>
                ) : (
                  <td key={column}>{cellText(cell, props.audience)}</td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
      <p class="no-print">
        <a href={`/inbox/reports/${table.id}.csv?weeks=${props.period}`} download>
          {`Download “${table.title}” (CSV)`}
        </a>
      </p>
    </div>
  );
}

function Section(props: { id: string; title: string; children: ComponentChildren }) {
  return (
    <section class="report-section" aria-labelledby={`${props.id}-heading`}>
      <h2 id={`${props.id}-heading`}>{props.title}</h2>
      {props.children}
    </section>
  );
}

const column = (table: ReportTable, index: number, audience: Audience) =>
  table.rows.map((row) => cellValue(row[index] as Cell | undefined, audience));
const labels = (table: ReportTable, audience: Audience) => table.rows.map((row) => cellText(row[0] as Cell, audience));

/** One table with its chart: the chart drawn from the table's own cells. */
function Charted(props: { table: ReportTable; audience: Audience; period: number; chart: 'columns' | 'bars' }) {
  const { table, audience } = props;
  const Chart = props.chart === 'columns' ? ColumnChart : BarChart;
  return (
    <>
      {table.rows.length > 0 && (
        <Chart
          id={`chart-${table.id}`}
          label={`${table.title}: chart of the table below`}
          labels={labels(table, audience)}
          values={column(table, 1, audience)}
        />
      )}
      <Table table={table} audience={audience} period={props.period} />
    </>
  );
}

function byId(report: Report, id: string): ReportTable | undefined {
  return report.tables.find((table) => table.id === id);
}

const THRESHOLD_HINT = 'A whole number from 1 to 100.';

/** The lead's threshold: the box keeps what was typed, with its problem beside it, when it does not read. */
function ThresholdForm(props: Props) {
  const errors = props.threshold ? [props.threshold.problem] : [];
  return (
    <form method="post" action="/inbox/reports/threshold" class="form no-print">
      <input type="hidden" name="csrf" value={props.session.csrfToken} />
      <Field
        id="threshold"
        label="Say so when the share outside the model passes (per cent)"
        hint={THRESHOLD_HINT}
        errors={errors}
      >
        <input
          class="nhsuk-input nhsuk-input--width-4"
          id="threshold"
          name="threshold"
          inputMode="numeric"
          value={props.threshold?.entered ?? String(props.report.threshold)}
          aria-describedby={describedBy('threshold', THRESHOLD_HINT, errors)}
          aria-invalid={errors.length ? true : undefined}
        />
      </Field>
      <button type="submit" class="nhsuk-button nhsuk-button--secondary">
        Save threshold
      </button>
    </form>
  );
}

/** The drift monitor: its statement past the threshold, the shares week by week with model changes marked. */
function Drift(props: Props) {
  const { report, audience } = props;
  const table = byId(report, 'drift');
  if (!table) return null;
  const series = ['Outside the model', 'Overridden', 'Safety-flagged'].map((name, index) => ({
    name,
    values: column(table, index + 2, audience),
  }));
  return (
    <Section id="drift" title="Role drift">
      <figure class="drift-figure" id="drift-figure">
        {report.drift ? (
          <div class="drift-statement" role="status">
            <p>
              <strong>{report.drift}</strong>
            </p>
          </div>
        ) : (
          <p>{`The share of referrals outside the agreed model over the last 8 weeks is within the service’s threshold of ${report.threshold} %.`}</p>
        )}
        <LineChart
          id="chart-drift"
          label="Shares of referrals outside the model, overridden and safety-flagged, by week: chart of the table below"
          labels={labels(table, audience)}
          series={series}
          threshold={report.threshold}
          marks={report.marks}
        />
      </figure>
      <Table table={table} audience={audience} period={report.period} />
      {audience === 'service' && <ThresholdForm {...props} />}
    </Section>
  );
}

function Timeliness(props: { timeliness: Report['decision']; audience: Audience; what: string }) {
  const { median, ninetieth, within, all, rule } = props.timeliness;
  if (all === 0) return <p>{`No referral that arrived in this period has had its ${props.what} yet.`}</p>;
  const of = `${countText(within, props.audience)} of ${countText(all, props.audience)}`;
  return (
    <p>
      {`Median ${median} working days; 90th percentile ${ninetieth}. Within the service’s rule of ${rule} working days: ${of} (${shareText(within, all, props.audience)}).`}
    </p>
  );
}

/** The service's report: every section with its chart and table, one page that prints as it reads. */
export function ReportPage(props: Props) {
  const { report, audience, service } = props;
  const table = (id: string) => byId(report, id);
  const charted = (id: string, chart: 'columns' | 'bars') => {
    const found = table(id);
    return found && <Charted table={found} audience={audience} period={report.period} chart={chart} />;
  };
  const plain = (id: string) => {
    const found = table(id);
    return found && <Table table={found} audience={audience} period={report.period} />;
  };
  return (
    <Page title={`Reports: ${service.name}`} session={props.session}>
      {props.saved && (
        <div class="notice" role="status">
          Saved: the drift threshold.
        </div>
      )}
      {props.threshold && (
        <ErrorSummary
          id="error-summary"
          title="There is a problem"
          items={[{ message: props.threshold.problem, target: 'threshold' }]}
        />
      )}
      <h1>{`Reports: ${service.name}`}</h1>
      <form method="get" action="/inbox/reports" class="report-period no-print">
        <label class="nhsuk-label" for="weeks">
          Period
        </label>
        <select class="nhsuk-select" id="weeks" name="weeks">
          {PERIODS.map((weeks) => (
            <option key={weeks} value={String(weeks)} selected={weeks === report.period}>
              {`The last ${weeks} weeks`}
            </option>
          ))}
        </select>{' '}
        <button type="submit" class="nhsuk-button nhsuk-button--secondary">
          Show
        </button>
      </form>
      <p class="quiet">
        {`Weeks run Monday to Sunday; this week so far is included. Decisions and times count against the week the referral arrived.`}
        {audience === 'commissioner' &&
          ' Counts from 1 to 4 are shown as “fewer than 5”, and shares of them are not given.'}
      </p>
      <Drift {...props} />
      <Section id="volumes" title="Referrals by week and practice">
        {charted('weekly', 'columns')}
        {plain('practices')}
      </Section>
      <Section id="model" title="Against the agreed model">
        {charted('model-share', 'bars')}
      </Section>
      <Section id="point-of-referral" title="At the point of referral">
        <p>
          Counted by the practices’ pads, with no patient details: each check of a referral against the agreed model,
          and how it ended before anything was sent.
        </p>
        {charted('point-of-referral', 'bars')}
        {charted('redirect-routes', 'bars')}
      </Section>
      <Section id="decisions" title="Decisions">
        {charted('decisions', 'bars')}
        {plain('decline-reasons')}
      </Section>
      <Section id="times" title="Time to decision and to first contact">
        <h3>First decision</h3>
        <Timeliness timeliness={report.decision} audience={audience} what="first decision" />
        {charted('time-to-decision', 'columns')}
        <h3>First contact</h3>
        <Timeliness timeliness={report.contact} audience={audience} what="first contact" />
        {charted('time-to-first-contact', 'columns')}
      </Section>
      <Section id="closures" title="Closures and wellbeing">
        {charted('closures', 'bars')}
        {plain('wellbeing')}
      </Section>
      <Section id="needs" title="Needs over time">
        {charted('needs', 'bars')}
      </Section>
    </Page>
  );
}
