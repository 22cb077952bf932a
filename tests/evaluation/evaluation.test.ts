import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { driftStatement } from '../../domain/evaluation/drift';
import { percentile, within } from '../../domain/evaluation/histogram';
import { wellbeingTable } from '../../domain/evaluation/report';
import type { ReportCount } from '../../domain/evaluation/report-counts';
import { countText, SUPPRESSED, shareText } from '../../domain/evaluation/suppress';
import { cellText, type ReportTable, tableCsv } from '../../domain/evaluation/table';
import { lastWeeks, weekOf } from '../../domain/evaluation/weeks';
import { parseCsv } from '../../test-support/reports/csv';

const TODAY = '2026-12-02';
const weeks = lastWeeks(TODAY, 16);

/** Counts for 16 weeks: `per` referrals a week, `outside` of them out of scope in the recent 8, `before` in the 8 before. */
function history(per: number, outside: number, before: number, need = 'low-mood'): ReportCount[] {
  return weeks.flatMap((week, index) => {
    const out = index < 8 ? before : outside;
    return [
      { week, odsCode: 'L81001', measure: 'referrals', key: '', n: per },
      { week, odsCode: '', measure: 'verdict', key: 'out-of-scope', n: out },
      { week, odsCode: '', measure: 'verdict', key: 'in-model', n: per - out },
      { week, odsCode: '', measure: 'need-outside', key: need, n: out },
    ] satisfies ReportCount[];
  });
}

describe('the drift monitor’s words', () => {
  it('say the share, how it moved, the need most named and what to do, past the threshold', () => {
    expect(driftStatement(history(100, 23, 9), { today: TODAY, thresholdPercent: 20, audience: 'service' })).toBe(
      'Over the last 8 weeks 23 % of referrals (184 of 800) were outside the agreed model, up from 9 %; most named ' +
        'low mood or anxiety (mild to moderate) — review the agreement with your practices.',
    );
  });

  it('say nothing at or under the threshold, or with no referrals', () => {
    expect(driftStatement(history(100, 20, 9), { today: TODAY, thresholdPercent: 20, audience: 'service' })).toBe(
      undefined,
    );
    expect(driftStatement([], { today: TODAY, thresholdPercent: 20, audience: 'service' })).toBe(undefined);
  });

  it('speak whenever the share is past the threshold, whatever it was before (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 0, max: 50 }),
        fc.integer({ min: 1, max: 99 }),
        (per, a, b, threshold) => {
          const outside = Math.min(a, per);
          const words = driftStatement(history(per, outside, Math.min(b, per)), {
            today: TODAY,
            thresholdPercent: threshold,
            audience: 'service',
          });
          expect(words !== undefined).toBe(Math.round((100 * outside) / per) > threshold);
        },
      ),
    );
  });

  it('give a commissioner no small count, and no share of one', () => {
    const lastThree = history(1, 1, 0).filter((count) => count.week >= (weeks[13] as string));
    const words = driftStatement(lastThree, { today: TODAY, thresholdPercent: 20, audience: 'commissioner' });
    expect(words).toBe(
      'Over the last 8 weeks more than 20 % of referrals were outside the agreed model — review the agreement with your practices.',
    );
  });
});

describe('percentiles from a working-days histogram', () => {
  it('read the median and the 90th percentile by nearest rank', () => {
    const histogram = [
      { key: '1', n: 5 },
      { key: '3', n: 4 },
      { key: '12', n: 1 },
    ];
    expect([percentile(histogram, 0.5), percentile(histogram, 0.9), within(histogram, 10)]).toEqual([1, 3, 9]);
    expect(percentile([], 0.5)).toBe(undefined);
  });

  it('agree with sorting the days themselves (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 60 }), { minLength: 1, maxLength: 200 }),
        fc.double({ min: 0.01, max: 1, noNaN: true }),
        (days, share) => {
          const histogram = [...new Set(days)].map((day) => ({
            key: String(day),
            n: days.filter((d) => d === day).length,
          }));
          const sorted = [...days].sort((a, b) => a - b);
          expect(percentile(histogram, share)).toBe(sorted[Math.max(1, Math.ceil(share * days.length)) - 1]);
        },
      ),
    );
  });
});

describe('small numbers for commissioners', () => {
  it('show counts from 1 to 4 as “fewer than 5”, zero and 5 as they are; the service sees all', () => {
    expect([0, 1, 4, 5, 1234].map((n) => countText(n, 'commissioner'))).toEqual([
      '0',
      SUPPRESSED,
      SUPPRESSED,
      '5',
      '1,234',
    ]);
    expect(countText(3, 'service')).toBe('3');
    expect(shareText(3, 40, 'commissioner')).toBe(SUPPRESSED);
    expect(shareText(10, 40, 'commissioner')).toBe('25 %');
  });

  it('never let a count from 1 to 4 reach a commissioner’s table or CSV (property)', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(40), fc.nat(40)), { maxLength: 20 }), (pairs) => {
        const table: ReportTable = {
          id: 't',
          title: 'T',
          columns: ['Row', 'Count', 'Share'],
          rows: pairs.map(([n, whole], index) => [`row ${index}`, { n }, { part: n, whole: n + whole }]),
        };
        const texts = parseCsv(tableCsv(table, 'commissioner'))
          .slice(1)
          .flatMap((row) => row.slice(1));
        for (const text of texts) expect(text).not.toMatch(/^[1-4]$/);
        for (const [n] of pairs) expect(cellText({ n }, 'commissioner')).toBe(n > 0 && n < 5 ? SUPPRESSED : String(n));
      }),
    );
  });
});

describe('a table’s CSV', () => {
  it('quotes commas and quotes, and keeps a spreadsheet from running a cell as a formula', () => {
    const table: ReportTable = {
      id: 't',
      title: 'T',
      columns: ['Reason', 'Number'],
      rows: [
        ['too far, "no bus"', { n: 1200 }],
        ['=HYPERLINK("x")', { n: 1 }],
      ],
    };
    expect(tableCsv(table, 'service')).toBe(
      'Reason,Number\r\n"too far, ""no bus""","1,200"\r\n"\'=HYPERLINK(""x"")",1\r\n',
    );
  });
});

describe('weeks', () => {
  it('start on Monday, and the last ones end with this week', () => {
    expect(weekOf('2026-12-02')).toBe('2026-11-30');
    expect(weekOf('2026-11-29')).toBe('2026-11-23');
    expect(lastWeeks('2026-12-02', 3)).toEqual(['2026-11-16', '2026-11-23', '2026-11-30']);
  });
});

describe('wellbeing change at closing', () => {
  it('says how many had both scores, how many were better, the same or worse, and the median change', () => {
    const counts: ReportCount[] = [
      ['swemwbs:3', 3],
      ['swemwbs:0', 1],
      ['swemwbs:-2', 1],
      ['ons4:1', 2],
    ].map(([key, n]) => ({
      week: '2026-11-30',
      odsCode: '',
      measure: 'wellbeing-change',
      key: key as string,
      n: n as number,
    }));
    const table = wellbeingTable({ counts, weeks: ['2026-11-30'], practices: [] });
    expect(table.rows.map((row) => row.map((cell) => cellText(cell, 'service')))).toEqual([
      ['SWEMWBS (raw score, 7 to 35)', '5', '60 %', '20 %', '20 %', '+3'],
      ['ONS4 life satisfaction (0 to 10)', '2', '100 %', '0 %', '0 %', 'fewer than 5 people'],
    ]);
    expect(table.rows[0]?.map((cell) => cellText(cell, 'commissioner')).slice(1, 5)).toEqual([
      '5',
      SUPPRESSED,
      SUPPRESSED,
      SUPPRESSED,
    ]);
  });
});
