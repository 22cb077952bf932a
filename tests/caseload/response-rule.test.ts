import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RESPONSE_RULE,
  noResponseWords,
  type ResponseFacts,
  type ResponseRule,
  responseDue,
  responseRuleSchema,
  responseState,
  type Timeliness,
} from '../../domain/caseload/response-rule';
import { bankHolidays } from '../../domain/clock/bank-holidays';
import { ukDate } from '../../domain/clock/uk-date';

describe('a service’s response rule', () => {
  it('defaults to first contact in 5 working days, a decision in 10, flagged 2 before', () => {
    expect(responseRuleSchema.parse(DEFAULT_RESPONSE_RULE)).toEqual({
      firstContactWorkingDays: 5,
      decisionWorkingDays: 10,
      dueSoonWorkingDays: 2,
    });
  });

  it('refuses days outside 1-60 (0-10 for due soon), fractions and anything else', () => {
    const bad = [
      { ...DEFAULT_RESPONSE_RULE, firstContactWorkingDays: 0 },
      { ...DEFAULT_RESPONSE_RULE, decisionWorkingDays: 61 },
      { ...DEFAULT_RESPONSE_RULE, dueSoonWorkingDays: 11 },
      { ...DEFAULT_RESPONSE_RULE, firstContactWorkingDays: 2.5 },
      { ...DEFAULT_RESPONSE_RULE, extra: 1 },
    ];
    for (const rule of bad) expect(responseRuleSchema.safeParse(rule).success, JSON.stringify(rule)).toBe(false);
  });
});

describe('when a response is due', () => {
  it('counts working days from the UK day of arrival', () => {
    // Wednesday 2 December 2026: contact by Wednesday 9, a decision by Wednesday 16 December.
    expect(responseDue('2026-12-02T10:00:00Z', DEFAULT_RESPONSE_RULE)).toEqual({
      contactDue: '2026-12-09',
      decisionDue: '2026-12-16',
    });
  });

  it('takes the UK day, not the UTC one: 23:30 UTC on a Friday in summer is Saturday in the UK', () => {
    // Saturday 4 July 2026 (BST): the first working day after it is Monday 6 July.
    expect(responseDue('2026-07-03T23:30:00Z', { ...DEFAULT_RESPONSE_RULE, firstContactWorkingDays: 1 })).toEqual({
      contactDue: '2026-07-06',
      decisionDue: '2026-07-17',
    });
  });

  it('skips Christmas, Boxing Day’s substitute and New Year’s Day', () => {
    expect(responseDue('2026-12-18T09:00:00Z', DEFAULT_RESPONSE_RULE).decisionDue).toBe('2027-01-06');
  });
});

describe('where a referral stands against the rule', () => {
  const facts = { receivedAt: '2026-12-02T10:00:00Z' };
  const at = (day: string) => new Date(`${day}T12:00:00Z`);

  it('is on time, then due soon two working days before, due soon on the day, overdue the day after', () => {
    const state = (day: string) => responseState(facts, DEFAULT_RESPONSE_RULE, at(day)).decision.state;
    expect(state('2026-12-02')).toBe('on-time');
    expect(state('2026-12-11')).toBe('on-time'); // Friday: 3 working days left
    expect(state('2026-12-14')).toBe('due-soon'); // Monday: 2 left
    expect(state('2026-12-16')).toBe('due-soon'); // the due day
    expect(state('2026-12-17')).toBe('overdue');
  });

  it('is met once decided, even late, and counts the wait up to the decision', () => {
    const late = { ...facts, decidedAt: '2026-12-18T09:00:00Z' };
    const state = responseState(late, DEFAULT_RESPONSE_RULE, at('2027-01-20'));
    expect(state.decision).toEqual({ state: 'met', due: '2026-12-16' });
    expect(state.workingDaysWaiting).toBe(12);
  });

  it('judges first contact on its own due day', () => {
    const state = responseState(facts, DEFAULT_RESPONSE_RULE, at('2026-12-10'));
    expect(state.contact).toEqual({ state: 'overdue', due: '2026-12-09' });
    expect(state.decision.state).toBe('on-time');
    const reached = responseState(
      { ...facts, firstContactAt: '2026-12-04T09:00:00Z' },
      DEFAULT_RESPONSE_RULE,
      at('2026-12-10'),
    );
    expect(reached.contact).toEqual({ state: 'met', due: '2026-12-09' });
  });

  it('counts working days waiting to today while there is no decision', () => {
    expect(responseState(facts, DEFAULT_RESPONSE_RULE, at('2026-12-18')).workingDaysWaiting).toBe(12);
    expect(responseState(facts, DEFAULT_RESPONSE_RULE, at('2026-12-02')).workingDaysWaiting).toBe(0);
  });

  it('says how long the GP has waited in plain words', () => {
    expect(noResponseWords('Bristol Community Links', 12)).toBe(
      'No response yet from Bristol Community Links — 12 working days',
    );
    expect(noResponseWords('Bristol Community Links', 1)).toBe(
      'No response yet from Bristol Community Links — 1 working day',
    );
  });
});

/**
 * Model-based: a referral arrives, then the clock moves on, a decision is made and first contact happens in any order
 * and at any time. The model walks the calendar a UK day at a time, counting Monday-Friday days that are not bank
 * holidays, and finds each due day by walking, not by addWorkingDays.
 */
type Model = {
  rule: ResponseRule;
  now: Date;
  today: string;
  counted: number;
  facts: ResponseFacts;
  decidedAfter?: number;
  due: { decision?: string; contact?: string };
};
type Real = Record<string, never>;

function nextDay(day: string): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
}

function isWorkingInModel(day: string): boolean {
  const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
  return weekday !== 0 && weekday !== 6 && !bankHolidays(Number(day.slice(0, 4))).includes(day);
}

function expected(
  done: boolean,
  count: number,
  limit: number,
  due: string | undefined,
  model: Model,
): Timeliness['state'] {
  if (done) return 'met';
  if (due !== undefined && model.today > due) return 'overdue';
  return limit - count <= model.rule.dueSoonWorkingDays ? 'due-soon' : 'on-time';
}

function check(model: Model): void {
  const real = responseState(model.facts, model.rule, model.now);
  expect(real.decision.state).toBe(
    expected(
      model.facts.decidedAt !== undefined,
      model.counted,
      model.rule.decisionWorkingDays,
      model.due.decision,
      model,
    ),
  );
  expect(real.contact.state).toBe(
    expected(
      model.facts.firstContactAt !== undefined,
      model.counted,
      model.rule.firstContactWorkingDays,
      model.due.contact,
      model,
    ),
  );
  if (model.due.decision) expect(real.decision.due).toBe(model.due.decision);
  if (model.due.contact) expect(real.contact.due).toBe(model.due.contact);
  expect(real.workingDaysWaiting).toBe(model.decidedAfter ?? model.counted);
}

class Advance implements fc.Command<Model, Real> {
  constructor(readonly hours: number) {}
  check = () => true;
  run(model: Model): void {
    model.now = new Date(model.now.getTime() + this.hours * 3_600_000);
    const today = ukDate(model.now);
    while (model.today < today) {
      model.today = nextDay(model.today);
      if (!isWorkingInModel(model.today)) continue;
      model.counted += 1;
      if (model.counted === model.rule.decisionWorkingDays) model.due.decision = model.today;
      if (model.counted === model.rule.firstContactWorkingDays) model.due.contact = model.today;
    }
    check(model);
  }
  toString = () => `advance ${this.hours} h`;
}

class Decide implements fc.Command<Model, Real> {
  check = (model: Readonly<Model>) => model.facts.decidedAt === undefined;
  run(model: Model): void {
    model.facts = { ...model.facts, decidedAt: model.now.toISOString() };
    model.decidedAfter = model.counted;
    check(model);
  }
  toString = () => 'decide';
}

class Reach implements fc.Command<Model, Real> {
  check = (model: Readonly<Model>) => model.facts.firstContactAt === undefined;
  run(model: Model): void {
    model.facts = { ...model.facts, firstContactAt: model.now.toISOString() };
    check(model);
  }
  toString = () => 'reach the person';
}

const ruleArbitrary = fc.record({
  firstContactWorkingDays: fc.integer({ min: 1, max: 60 }),
  decisionWorkingDays: fc.integer({ min: 1, max: 60 }),
  dueSoonWorkingDays: fc.integer({ min: 0, max: 10 }),
});

describe('where a referral stands, model-based over any order of events', () => {
  it('agrees with a day-by-day walk of the calendar', { timeout: 60_000 }, () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2024-01-01T00:00:00Z'), max: new Date('2030-06-30T00:00:00Z'), noInvalidDate: true }),
        ruleArbitrary,
        fc.commands([
          fc.integer({ min: 1, max: 24 * 9 }).map((hours) => new Advance(hours)),
          fc.constant(new Decide()),
          fc.constant(new Reach()),
        ]),
        (receivedAt, rule, commands) => {
          const model: Model = {
            rule,
            now: receivedAt,
            today: ukDate(receivedAt),
            counted: 0,
            facts: { receivedAt: receivedAt.toISOString() },
            due: {},
          };
          check(model);
          fc.modelRun(() => ({ model, real: {} }), commands);
        },
      ),
      { numRuns: 300 },
    );
  });
});
