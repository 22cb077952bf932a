import { z } from 'zod';
import { ukDate } from '../clock/uk-date';
import { addWorkingDays, workingDaysBetween } from '../clock/working-days';

/**
 * A service's response-time rule, in England and Wales working days counted from the UK day a referral arrived:
 * first contact within N, a decision (accept, decline, redirect) within M, flagged "due soon" K working days before.
 */
export const responseRuleSchema = z.strictObject({
  firstContactWorkingDays: z.number().int().min(1).max(60),
  decisionWorkingDays: z.number().int().min(1).max(60),
  dueSoonWorkingDays: z.number().int().min(0).max(10),
});
export type ResponseRule = z.output<typeof responseRuleSchema>;

export const DEFAULT_RESPONSE_RULE: ResponseRule = {
  firstContactWorkingDays: 5,
  decisionWorkingDays: 10,
  dueSoonWorkingDays: 2,
};

/** The UK days by which first contact and a decision are due, fixed when the referral arrives. */
export function responseDue(receivedAt: string, rule: ResponseRule): { contactDue: string; decisionDue: string } {
  const received = ukDate(new Date(receivedAt));
  return {
    contactDue: addWorkingDays(received, rule.firstContactWorkingDays),
    decisionDue: addWorkingDays(received, rule.decisionWorkingDays),
  };
}

/**
 * met: done (on time or late); overdue: not done and the due day has passed; due-soon: not done, and the due day is
 * today or within the rule's dueSoonWorkingDays working days; on-time: otherwise.
 */
export type Timeliness = { state: 'met' | 'on-time' | 'due-soon' | 'overdue'; due: string };

export type ResponseFacts = {
  receivedAt: string;
  decidedAt?: string;
  firstContactAt?: string;
  /**
   * The due days fixed on arrival with the rule then in force (the queue keeps them): given, they win over `rule`, so
   * that a rule changed later judges a referral as the caseload's views do.
   */
  due?: { contactDue: string; decisionDue: string };
};

function timeliness(done: boolean, due: string, today: string, dueSoon: number): Timeliness {
  if (done) return { state: 'met', due };
  if (today > due) return { state: 'overdue', due };
  return { state: workingDaysBetween(today, due) <= dueSoon ? 'due-soon' : 'on-time', due };
}

/**
 * Where a referral stands against the rule at `now` (the caller's one clock). Contact is judged on first contact
 * alone: whether it matters yet (only once accepted) is the views' concern. workingDaysWaiting counts the working
 * days from arrival to the decision, or to today while there is none.
 */
export function responseState(
  facts: ResponseFacts,
  rule: ResponseRule,
  now: Date,
): { decision: Timeliness; contact: Timeliness; workingDaysWaiting: number } {
  const today = ukDate(now);
  const received = ukDate(new Date(facts.receivedAt));
  const { contactDue, decisionDue } = facts.due ?? responseDue(facts.receivedAt, rule);
  const waitedUntil = facts.decidedAt ? ukDate(new Date(facts.decidedAt)) : today;
  return {
    decision: timeliness(facts.decidedAt !== undefined, decisionDue, today, rule.dueSoonWorkingDays),
    contact: timeliness(facts.firstContactAt !== undefined, contactDue, today, rule.dueSoonWorkingDays),
    workingDaysWaiting: workingDaysBetween(received, waitedUntil),
  };
}

/** What the GP's pad and the Task say while no decision has been made past the rule. */
export function noResponseWords(serviceName: string, workingDays: number): string {
  return `No response yet from ${serviceName} — ${workingDays} working ${workingDays === 1 ? 'day' : 'days'}`;
}

/** What the GP's pad and the Task say once accepted with no first contact past the rule (days since it arrived). */
export function noContactWords(serviceName: string, workingDays: number): string {
  return `Accepted by ${serviceName} but no contact yet — ${workingDays} working ${workingDays === 1 ? 'day' : 'days'}`;
}
