import { nhsDate } from '../../domain/clock/nhs-date';
import { ukDate } from '../../domain/clock/uk-date';
import { driftStatement } from '../../domain/evaluation/drift';
import {
  CLOSURE_LABELS,
  daysTable,
  driftTable,
  keyedTable,
  modelShareTable,
  needsTable,
  pointOfReferralTables,
  practiceTable,
  type ReportInput,
  type Timeliness,
  weeklyTable,
  wellbeingTable,
} from '../../domain/evaluation/report';
import type { Audience } from '../../domain/evaluation/suppress';
import type { ReportTable } from '../../domain/evaluation/table';
import { lastWeeks, weekOf } from '../../domain/evaluation/weeks';
import { STATUS_LABELS } from '../inbox/labels';
import { responseRuleOf } from '../store/caseload';
import type { Db } from '../store/db';
import { listPractices } from '../store/practices';
import { driftThreshold, modelChanges, reportCounts } from '../store/reports';

/** The periods a reader may choose, in weeks ending with this one. */
export const PERIODS = [8, 13, 26, 52] as const;
export type Period = (typeof PERIODS)[number];

export type Report = {
  period: Period;
  weeks: string[];
  tables: ReportTable[];
  drift?: string;
  threshold: number;
  decision: Timeliness;
  contact: Timeliness;
  /** Model changes in the period, by the week they fall in. */
  marks: { index: number; text: string }[];
};

/** Everything the report page and its CSVs show, read from the summary tables. */
export async function buildReport(
  db: Db,
  serviceId: string,
  now: Date,
  period: Period,
  audience: Audience,
): Promise<Report> {
  const today = ukDate(now);
  // The drift monitor compares two 8-week windows whatever period is shown.
  const weeks = lastWeeks(today, Math.max(period, 16));
  const [counts, practices, changes, threshold, rule] = await Promise.all([
    reportCounts(db, { serviceId, from: weeks[0] as string, to: weeks[weeks.length - 1] as string }),
    listPractices(db),
    modelChanges(db, serviceId, new Date(`${weeks[0]}T00:00:00Z`)),
    driftThreshold(db, serviceId),
    responseRuleOf(db, serviceId),
  ]);
  const shown = weeks.slice(-period);
  const inPeriod = new Set(shown);
  const input: ReportInput = { counts: counts.filter((count) => inPeriod.has(count.week)), weeks: shown, practices };
  const decision = daysTable(input, {
    id: 'time-to-decision',
    title: 'Time from arrival to the first decision',
    measure: 'days-to-decision',
    rule: rule.decisionWorkingDays,
  });
  const contact = daysTable(input, {
    id: 'time-to-first-contact',
    title: 'Time from arrival to first contact',
    measure: 'days-to-first-contact',
    rule: rule.firstContactWorkingDays,
  });
  const tables = [
    weeklyTable(input),
    practiceTable(input),
    modelShareTable(input),
    ...pointOfReferralTables(input),
    driftTable(input),
    keyedTable(input, {
      id: 'decisions',
      title: 'Decisions',
      measure: 'decision',
      heading: 'Decision',
      label: (key) => STATUS_LABELS[key as keyof typeof STATUS_LABELS] ?? key,
    }),
    {
      ...keyedTable(input, {
        id: 'decline-reasons',
        title: 'Reasons given for declining',
        measure: 'decline-reason',
        heading: 'Reason (as written, first words)',
        label: (key) => key,
      }),
      serviceOnly: true,
    },
    decision.table,
    contact.table,
    keyedTable(input, {
      id: 'closures',
      title: 'Cases closed, by reason',
      measure: 'closure',
      heading: 'Reason',
      label: (key) => CLOSURE_LABELS[key] ?? key,
    }),
    wellbeingTable(input),
    needsTable(input),
  ];
  const drift = driftStatement(counts, { today, thresholdPercent: threshold, audience });
  return {
    period,
    weeks: shown,
    tables: tables.filter((table) => audience === 'service' || !table.serviceOnly),
    ...(drift ? { drift } : {}),
    threshold,
    decision: decision.timeliness,
    contact: contact.timeliness,
    marks: marksOf(changes, shown),
  };
}

/** Model changes as marks on the drift chart: one a week, naming the versions agreed in it and the first day. */
function marksOf(changes: { version: number; agreedAt: string }[], weeks: string[]): Report['marks'] {
  const byWeek = new Map<number, { versions: number[]; day: string }>();
  for (const change of changes) {
    const day = ukDate(new Date(change.agreedAt));
    const index = weeks.indexOf(weekOf(day));
    if (index < 0) continue;
    const mark = byWeek.get(index) ?? { versions: [], day };
    mark.versions.push(change.version);
    byWeek.set(index, mark);
  }
  return [...byWeek].map(([index, { versions, day }]) => {
    const first = Math.min(...versions);
    const last = Math.max(...versions);
    const named = first === last ? `v${first}` : `v${first}–v${last}`;
    return { index, text: `Model ${named} agreed ${nhsDate(day, 'short')}` };
  });
}
