import { describe, expect, it } from 'vitest';
import { ons4Schema, type Swemwbs, swemwbsSchema } from '../../domain/caseload/case';
import {
  ONS4_QUESTIONS,
  ons4Words,
  SWEMWBS_STATEMENTS,
  swemwbsMetric,
  wellbeingChange,
  wellbeingWords,
} from '../../domain/caseload/wellbeing';

type Item = Swemwbs['items'][number];
const swemwbs = (...items: Item[]): Swemwbs =>
  swemwbsSchema.parse({ kind: 'swemwbs', items: items.length === 7 ? items : [...items, ...Array(7 - items.length)] });
/** Seven answers summing to `raw` (7-35): as many 5s as fit, the rest 1s, one in between. */
function withRaw(raw: number): Swemwbs {
  const items: number[] = Array(7).fill(1);
  let extra = raw - 7;
  for (let i = 0; i < 7 && extra > 0; i += 1) {
    const add = Math.min(4, extra);
    items[i] = 1 + add;
    extra -= add;
  }
  return swemwbs(...items);
}

describe('SWEMWBS metric score', () => {
  // Warwick Medical School's conversion table, every raw score.
  const TABLE: Record<number, number> = {
    7: 7.0,
    8: 9.51,
    9: 11.25,
    10: 12.4,
    11: 13.33,
    12: 14.08,
    13: 14.75,
    14: 15.32,
    15: 15.84,
    16: 16.36,
    17: 16.88,
    18: 17.43,
    19: 17.98,
    20: 18.59,
    21: 19.25,
    22: 19.98,
    23: 20.73,
    24: 21.54,
    25: 22.35,
    26: 23.21,
    27: 24.11,
    28: 25.03,
    29: 26.02,
    30: 27.03,
    31: 28.13,
    32: 29.31,
    33: 30.7,
    34: 32.55,
    35: 35.0,
  };

  it('converts every raw score 7-35 by the published table', () => {
    for (let raw = 7; raw <= 35; raw += 1) expect(swemwbsMetric(withRaw(raw)), `raw ${raw}`).toBe(TABLE[raw]);
  });

  it('is the table’s value, not the raw sum: raw 14 is 15.32 and raw 21 is 19.25', () => {
    expect(swemwbsMetric(swemwbs(2, 2, 2, 2, 2, 2, 2))).toBe(15.32);
    expect(swemwbsMetric(swemwbs(3, 3, 3, 3, 3, 3, 3))).toBe(19.25);
  });

  it('has no score unless all seven statements are answered', () => {
    expect(swemwbsMetric(swemwbs(5, 5, 5, 5, 5, 5))).toBeUndefined();
    expect(swemwbsMetric(swemwbs())).toBeUndefined();
    expect(wellbeingWords(swemwbs(5, 5, 5, 5, 5, 5))).toBe('SWEMWBS not scored: 6 of 7 statements answered');
  });

  it('says the score with its raw sum', () => {
    expect(wellbeingWords(swemwbs(4, 4, 4, 4, 4, 3, 3))).toBe('SWEMWBS 23.21 (raw 26 of 35)');
  });

  it('has its seven statements', () => {
    expect(SWEMWBS_STATEMENTS).toHaveLength(7);
  });
});

describe('ONS4 in words', () => {
  it('gives each answer out of 10 and says which were skipped, never counting a skip as 0', () => {
    const ons4 = ons4Schema.parse({ kind: 'ons4', lifeSatisfaction: 7, worthwhile: 8, happiness: 0 });
    expect(ons4Words(ons4)).toBe('ONS4: life satisfaction 7/10, worthwhile 8/10, happiness 0/10; anxiety skipped');
    expect(wellbeingWords(ons4Schema.parse({ kind: 'ons4' }))).toBe('ONS4: every question skipped');
  });

  it('asks the ONS’s four questions', () => {
    expect(ONS4_QUESTIONS.lifeSatisfaction).toBe('Overall, how satisfied are you with your life nowadays?');
    expect(ONS4_QUESTIONS.anxiety).toBe('Overall, how anxious did you feel yesterday?');
  });
});

describe('the change in wellbeing', () => {
  const start = ons4Schema.parse({ kind: 'ons4', lifeSatisfaction: 4, worthwhile: 5, happiness: 6, anxiety: 8 });

  it('says up or down and whether that is better, anxiety being better lower', () => {
    const end = ons4Schema.parse({ kind: 'ons4', lifeSatisfaction: 7, worthwhile: 5, happiness: 5, anxiety: 3 });
    expect(wellbeingChange(start, end)).toBe(
      'ONS4: life satisfaction up from 4 to 7 (better), worthwhile unchanged at 5, happiness down from 6 to 5 (worse), anxiety down from 8 to 3 (better)',
    );
  });

  it('compares only the questions answered both times', () => {
    const end = ons4Schema.parse({ kind: 'ons4', lifeSatisfaction: 6 });
    expect(wellbeingChange(start, end)).toBe('ONS4: life satisfaction up from 4 to 6 (better)');
    expect(wellbeingChange(start, ons4Schema.parse({ kind: 'ons4' }))).toBe(
      'ONS4: no question answered both at the start and at the end',
    );
  });

  it('compares SWEMWBS metric scores, and only full ones', () => {
    expect(wellbeingChange(withRaw(18), withRaw(24))).toBe('SWEMWBS up from 17.43 to 21.54 (better)');
    expect(wellbeingChange(withRaw(24), withRaw(24))).toBe('SWEMWBS unchanged at 21.54');
    expect(wellbeingChange(swemwbs(3, 3), withRaw(24))).toBe(
      'SWEMWBS: no change to report, not every statement answered at the start',
    );
  });

  it('has nothing to say without both, and does not compare different measures', () => {
    expect(wellbeingChange(start, undefined)).toBeUndefined();
    expect(wellbeingChange(undefined, start)).toBeUndefined();
    expect(wellbeingChange(start, withRaw(20))).toBe(
      'No change to report: ONS4 at the start and SWEMWBS at the end are different measures',
    );
  });
});
