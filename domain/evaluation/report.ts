import { nhsDate } from '../clock/nhs-date';
import { needLabel } from '../referral/needs';
import { CHECK_ENDINGS, type CheckEnding } from './counts';
import { percentile, within } from './histogram';
import { byKey, type ReportCount, total, VERDICT_CLASSES } from './report-counts';
import type { Cell, ReportTable } from './table';

export type ReportInput = {
  counts: readonly ReportCount[];
  /** The weeks reported (their Mondays), oldest first. */
  weeks: readonly string[];
  practices: readonly { odsCode: string; name: string }[];
};

const count = (n: number): Cell => ({ n });
const weekLabel = (week: string) => `w/c ${nhsDate(week, 'short')}`;

/** Referrals arriving each week, and how they stood against the agreed model. */
export function weeklyTable({ counts, weeks }: ReportInput): ReportTable {
  return {
    id: 'weekly',
    title: 'Referrals by week',
    columns: ['Week', 'Referrals', 'In the model', 'Overridden', 'Out of scope by a rule', 'Safety-flagged'],
    rows: weeks.map((week) => {
      const one = new Set([week]);
      const referrals = total(counts, 'referrals', undefined, one);
      return [
        weekLabel(week),
        count(referrals),
        count(total(counts, 'verdict', 'in-model', one)),
        count(total(counts, 'verdict', 'overridden', one)),
        count(total(counts, 'verdict', 'out-of-scope', one)),
        count(total(counts, 'safety-flagged', undefined, one)),
      ];
    }),
  };
}

/** Each practice's referrals, week by week; practices that sent none are left out. */
export function practiceTable({ counts, weeks, practices }: ReportInput): ReportTable {
  const names = new Map(practices.map((practice) => [practice.odsCode, practice.name]));
  const byPractice = new Map<string, ReportCount[]>();
  for (const count of counts) {
    if (count.measure !== 'referrals') continue;
    const mine = byPractice.get(count.odsCode) ?? [];
    mine.push(count);
    byPractice.set(count.odsCode, mine);
  }
  const sending = [...byPractice.keys()].sort();
  return {
    id: 'practices',
    title: 'Referrals by practice and week',
    columns: ['Practice', 'ODS code', 'All weeks', ...weeks.map(weekLabel)],
    rows: sending.map((ods) => {
      const byWeek = new Map<string, number>();
      for (const one of byPractice.get(ods) ?? []) byWeek.set(one.week, (byWeek.get(one.week) ?? 0) + one.n);
      const all = [...byWeek.values()].reduce((sum, n) => sum + n, 0);
      return [names.get(ods) ?? ods, ods, count(all), ...weeks.map((week) => count(byWeek.get(week) ?? 0))];
    }),
  };
}

/** The shares in the model, overridden and out of scope by a rule, over the weeks reported. */
export function modelShareTable({ counts }: ReportInput): ReportTable {
  const all = total(counts, 'referrals');
  return {
    id: 'model-share',
    title: 'Referrals against the agreed model',
    columns: ['How the referral stood', 'Referrals', 'Share'],
    rows: VERDICT_CLASSES.filter(
      (verdict) => verdict.key !== 'not-known' || total(counts, 'verdict', 'not-known') > 0,
    ).map((verdict) => {
      const n = total(counts, 'verdict', verdict.key);
      return [verdict.label, count(n), { part: n, whole: all }];
    }),
  };
}

/** Week by week: the shares outside the model, overridden, and safety-flagged (the drift monitor's chart). */
export function driftTable({ counts, weeks }: ReportInput): ReportTable {
  return {
    id: 'drift',
    title: 'Role drift: shares of referrals by week',
    columns: ['Week', 'Referrals', 'Outside the model', 'Overridden', 'Safety-flagged'],
    rows: weeks.map((week) => {
      const one = new Set([week]);
      const whole = total(counts, 'referrals', undefined, one);
      const overridden = total(counts, 'verdict', 'overridden', one);
      const outside = overridden + total(counts, 'verdict', 'out-of-scope', one);
      return [
        weekLabel(week),
        count(whole),
        { part: outside, whole },
        { part: overridden, whole },
        { part: total(counts, 'safety-flagged', undefined, one), whole },
      ];
    }),
  };
}

/** Needs named in referrals, the most named first, week by week. */
export function needsTable({ counts, weeks }: ReportInput): ReportTable {
  return {
    id: 'needs',
    title: 'Needs over time',
    columns: ['Need', 'All weeks', ...weeks.map(weekLabel)],
    rows: byKey(counts, 'need').map(({ key, n }) => [
      needLabel(key),
      count(n),
      ...weeks.map((week) => count(total(counts, 'need', key, new Set([week])))),
    ]),
  };
}

/** A measure counted by key: label, count, share of all. */
export function keyedTable(
  { counts }: ReportInput,
  table: {
    id: string;
    title: string;
    measure: ReportCount['measure'];
    heading: string;
    label: (key: string) => string;
  },
): ReportTable {
  const rows = byKey(counts, table.measure);
  const all = rows.reduce((sum, row) => sum + row.n, 0);
  return {
    id: table.id,
    title: table.title,
    columns: [table.heading, 'Number', 'Share'],
    rows: rows.map(({ key, n }) => [table.label(key), count(n), { part: n, whole: all }]),
  };
}

export type Timeliness = { median?: number; ninetieth?: number; within: number; all: number; rule: number };

/** A working-days histogram as a table, and what it says against the service's rule. */
export function daysTable(
  { counts }: ReportInput,
  table: { id: string; title: string; measure: 'days-to-decision' | 'days-to-first-contact'; rule: number },
): { table: ReportTable; timeliness: Timeliness } {
  const histogram = byKey(counts, table.measure).sort((a, b) => Number(a.key) - Number(b.key));
  const all = histogram.reduce((sum, bar) => sum + bar.n, 0);
  const median = percentile(histogram, 0.5);
  const ninetieth = percentile(histogram, 0.9);
  return {
    table: {
      id: table.id,
      title: table.title,
      columns: ['Working days', 'Referrals', 'Share'],
      rows: histogram.map(({ key, n }) => [key === '60' ? '60 or more' : key, count(n), { part: n, whole: all }]),
    },
    timeliness: {
      ...(median !== undefined ? { median } : {}),
      ...(ninetieth !== undefined ? { ninetieth } : {}),
      within: within(histogram, table.rule),
      all,
      rule: table.rule,
    },
  };
}

const ENDING_LABELS: Record<CheckEnding, string> = {
  'sent-in-model': 'Sent in the agreed model',
  'sent-with-override': 'Sent with an override',
  redirected: 'Redirected elsewhere before sending',
  abandoned: 'Not sent (abandoned)',
};

/**
 * What the pads counted at the point of referral (eval-counts' counts, kept by week in the summary): how the checks
 * ended, and where the model redirected people before anything was sent, by route.
 */
export function pointOfReferralTables({ counts }: ReportInput): ReportTable[] {
  const checked = total(counts, 'check');
  const redirected = total(counts, 'check', 'redirected');
  return [
    {
      id: 'point-of-referral',
      title: 'Checks at the point of referral, by how they ended',
      columns: ['How the check ended', 'Checks', 'Share of checks'],
      rows: [
        ...CHECK_ENDINGS.map((ending): Cell[] => {
          const n = total(counts, 'check', ending);
          return [ENDING_LABELS[ending], count(n), { part: n, whole: checked }];
        }),
        ['All checks', count(checked), { part: checked, whole: checked }],
      ],
    },
    {
      id: 'redirect-routes',
      title: 'Redirected at the point of referral, by route',
      columns: ['Route', 'Checks redirected', 'Share of redirects'],
      rows: byKey(counts, 'redirect-route').map(({ key, n }) => [key, count(n), { part: n, whole: redirected }]),
    },
  ];
}

export const CLOSURE_LABELS: Record<string, string> = {
  completed: 'Completed',
  'patient-declined': 'Patient declined',
  'unable-to-contact': 'Unable to contact',
  'did-not-engage': 'Did not engage',
  'referred-elsewhere': 'Referred elsewhere',
};

const SCALES = [
  { prefix: 'swemwbs:', label: 'SWEMWBS (raw score, 7 to 35)' },
  { prefix: 'ons4:', label: 'ONS4 life satisfaction (0 to 10)' },
] as const;

/**
 * Wellbeing where a case closed with complete scores at its start and end: how many people, how many better, the same
 * or worse, and the median change (the queue counts each change in a histogram: 'swemwbs:3', 'ons4:-1').
 */
export function wellbeingTable({ counts }: ReportInput): ReportTable {
  const changes = byKey(counts, 'wellbeing-change');
  return {
    id: 'wellbeing',
    title: 'Wellbeing change, start to end of a case',
    columns: ['Scale', 'People with both scores', 'Better', 'The same', 'Worse', 'Median change'],
    rows: SCALES.flatMap((scale): Cell[][] => {
      const histogram = changes
        .filter(({ key }) => key.startsWith(scale.prefix))
        .map(({ key, n }) => ({ key: key.slice(scale.prefix.length), n }));
      const all = histogram.reduce((sum, bar) => sum + bar.n, 0);
      if (all === 0) return [];
      const where = (keep: (change: number) => boolean) =>
        histogram.filter(({ key }) => keep(Number(key))).reduce((sum, bar) => sum + bar.n, 0);
      const median = percentile(histogram, 0.5) ?? 0;
      return [
        [
          scale.label,
          count(all),
          { part: where((change) => change > 0), whole: all },
          { part: where((change) => change === 0), whole: all },
          { part: where((change) => change < 0), whole: all },
          // A median of fewer than 5 people is not given to a commissioner: the table shows it only beside its count.
          all < 5 ? 'fewer than 5 people' : `${median > 0 ? '+' : ''}${median}`,
        ],
      ];
    }),
  };
}
