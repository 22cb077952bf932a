import type { Ons4, Swemwbs, Wellbeing } from './case';

/**
 * Wellbeing scores in words, for the link worker's timeline and the GP. Every question may be skipped (some can upset
 * people), so a skipped answer is said, never guessed or counted as 0.
 */

/**
 * ONS personal wellbeing (ONS4): the Office for National Statistics' wording, each answered 0 (not at all) to 10
 * (completely). Checked against ONS's personal well-being pages and its 2011 Opinions Survey report.
 */
export const ONS4_QUESTIONS = {
  lifeSatisfaction: 'Overall, how satisfied are you with your life nowadays?',
  worthwhile: 'Overall, to what extent do you feel that the things you do in your life are worthwhile?',
  happiness: 'Overall, how happy did you feel yesterday?',
  anxiety: 'Overall, how anxious did you feel yesterday?',
} as const satisfies Record<Exclude<keyof Ons4, 'kind'>, string>;

type Ons4Question = keyof typeof ONS4_QUESTIONS;
const ONS4_ORDER: readonly Ons4Question[] = ['lifeSatisfaction', 'worthwhile', 'happiness', 'anxiety'];
const ONS4_NAMES: Record<Ons4Question, string> = {
  lifeSatisfaction: 'life satisfaction',
  worthwhile: 'worthwhile',
  happiness: 'happiness',
  anxiety: 'anxiety',
};

/**
 * SWEMWBS's seven statements ("Below are some statements about feelings and thoughts. Please tick the box that best
 * describes your experience of each over the last 2 weeks") and its five answers, scored 1 to 5, as What Works
 * Wellbeing's measures bank gives them. Warwick Medical School owns the scale: free to use, under a licence each
 * service registers for.
 */
export const SWEMWBS_STATEMENTS = [
  'I’ve been feeling optimistic about the future',
  'I’ve been feeling useful',
  'I’ve been feeling relaxed',
  'I’ve been dealing with problems well',
  'I’ve been thinking clearly',
  'I’ve been feeling close to other people',
  'I’ve been able to make up my own mind about things',
] as const;
export const SWEMWBS_ANSWERS = ['None of the time', 'Rarely', 'Some of the time', 'Often', 'All of the time'] as const;

/**
 * SWEMWBS raw score (7-35) to its metric score, Warwick Medical School's conversion table (Rasch-derived; the raw
 * sum is not an interval scale, so only the metric score may be compared or averaged). Checked against two published
 * copies of the table; Warwick's scoring guidance (warwick.ac.uk/fac/med/research/platform/wemwbs) gives the method.
 */
const SWEMWBS_METRIC: readonly number[] = [
  7.0, 9.51, 11.25, 12.4, 13.33, 14.08, 14.75, 15.32, 15.84, 16.36, 16.88, 17.43, 17.98, 18.59, 19.25, 19.98, 20.73,
  21.54, 22.35, 23.21, 24.11, 25.03, 26.02, 27.03, 28.13, 29.31, 30.7, 32.55, 35.0,
];

function answeredItems(s: Swemwbs): number[] {
  return s.items.filter((item): item is number => item !== undefined);
}

/** The metric score when all seven statements are answered; undefined otherwise (the table needs a full sum). */
export function swemwbsMetric(s: Swemwbs): number | undefined {
  const answered = answeredItems(s);
  if (answered.length !== 7) return undefined;
  return SWEMWBS_METRIC[answered.reduce((sum, item) => sum + item, 0) - 7];
}

function score(value: number): string {
  return value.toFixed(2);
}

/** "ONS4: life satisfaction 7/10, worthwhile 8/10, happiness 6/10; anxiety skipped". */
export function ons4Words(o: Ons4): string {
  const answered = ONS4_ORDER.filter((question) => o[question] !== undefined);
  const skipped = ONS4_ORDER.filter((question) => o[question] === undefined);
  if (answered.length === 0) return 'ONS4: every question skipped';
  const scores = answered.map((question) => `${ONS4_NAMES[question]} ${o[question]}/10`).join(', ');
  const skips = skipped.length ? `; ${skipped.map((question) => ONS4_NAMES[question]).join(', ')} skipped` : '';
  return `ONS4: ${scores}${skips}`;
}

/** "SWEMWBS 23.21 (raw 26 of 35)", or why it has no score. */
function swemwbsWords(s: Swemwbs): string {
  const metric = swemwbsMetric(s);
  if (metric === undefined) return `SWEMWBS not scored: ${answeredItems(s).length} of 7 statements answered`;
  return `SWEMWBS ${score(metric)} (raw ${answeredItems(s).reduce((sum, item) => sum + item, 0)} of 35)`;
}

export function wellbeingWords(w: Wellbeing): string {
  return w.kind === 'ons4' ? ons4Words(w) : swemwbsWords(w);
}

function ons4Change(start: Ons4, end: Ons4): string {
  const changes = ONS4_ORDER.flatMap((question) => {
    const [from, to] = [start[question], end[question]];
    if (from === undefined || to === undefined) return [];
    const name = ONS4_NAMES[question];
    const better = question === 'anxiety' ? to < from : to > from;
    if (from === to) return [`${name} unchanged at ${to}`];
    return [`${name} ${to > from ? 'up' : 'down'} from ${from} to ${to} (${better ? 'better' : 'worse'})`];
  });
  if (changes.length === 0) return 'ONS4: no question answered both at the start and at the end';
  return `ONS4: ${changes.join(', ')}`;
}

function swemwbsChange(start: Swemwbs, end: Swemwbs): string {
  const [from, to] = [swemwbsMetric(start), swemwbsMetric(end)];
  if (from === undefined || to === undefined) {
    const which =
      from === undefined && to === undefined
        ? 'at the start or the end'
        : from === undefined
          ? 'at the start'
          : 'at the end';
    return `SWEMWBS: no change to report, not every statement answered ${which}`;
  }
  if (from === to) return `SWEMWBS unchanged at ${score(to)}`;
  return `SWEMWBS ${to > from ? 'up' : 'down'} from ${score(from)} to ${score(to)} (${to > from ? 'better' : 'worse'})`;
}

/**
 * The change between the scores at the start and at the end, in plain words; undefined when there is nothing to
 * compare (one or both not recorded). Scores of different measures are not compared.
 */
export function wellbeingChange(start?: Wellbeing, end?: Wellbeing): string | undefined {
  if (!start || !end) return undefined;
  if (start.kind === 'ons4' && end.kind === 'ons4') return ons4Change(start, end);
  if (start.kind === 'swemwbs' && end.kind === 'swemwbs') return swemwbsChange(start, end);
  const name = (w: Wellbeing) => (w.kind === 'ons4' ? 'ONS4' : 'SWEMWBS');
  return `No change to report: ${name(start)} at the start and ${name(end)} at the end are different measures`;
}
