import { type CaseEventBody, closingSchema, type Wellbeing } from '../../../domain/caseload/case';
import { ONS4_QUESTIONS, SWEMWBS_STATEMENTS } from '../../../domain/caseload/wellbeing';
import type { Read } from '../../services/read-forms';
import { type Entered, type Problem, text, values } from './entered';
import { problemsAt } from './read-case-forms';

/** How many "connected to" rows the close form offers (no script: a fixed number, blank ones left out). */
export const CONNECTION_ROWS = 3;

export const WHEN = ['start', 'end'] as const;
type When = (typeof WHEN)[number];

/** The control's id for one answer: `close-start-ons4-happiness`, `close-end-swemwbs-3`. */
export function answerId(when: When, measure: 'ons4' | 'swemwbs', item: string | number): string {
  return `close-${when}-${measure}-${item}`;
}

/** A whole number from `min` to `max`, undefined for blank (skipped), or a problem at the control. */
function answer(entered: Entered, id: string, min: number, max: number, problems: Problem[]): number | undefined {
  const typed = text(entered, id);
  if (typed === '') return undefined;
  if (/^\d{1,2}$/.test(typed) && Number(typed) >= min && Number(typed) <= max) return Number(typed);
  problems.push({
    field: id,
    message: `Answer with a whole number from ${min} to ${max}, or leave it blank to skip it.`,
  });
  return undefined;
}

/** One time's scores on the measure chosen; none when every question was skipped. */
function scores(entered: Entered, when: When, problems: Problem[]): Wellbeing | undefined {
  const measure = text(entered, 'close-measure');
  if (measure === 'ons4') {
    const answers = Object.fromEntries(
      Object.keys(ONS4_QUESTIONS).map((key) => [key, answer(entered, answerId(when, 'ons4', key), 0, 10, problems)]),
    );
    const given = Object.fromEntries(Object.entries(answers).filter(([, value]) => value !== undefined));
    return Object.keys(given).length ? { kind: 'ons4', ...given } : undefined;
  }
  if (measure === 'swemwbs') {
    const items = SWEMWBS_STATEMENTS.map((_, index) =>
      answer(entered, answerId(when, 'swemwbs', index + 1), 1, 5, problems),
    ) as Extract<Wellbeing, { kind: 'swemwbs' }>['items'];
    return items.some((item) => item !== undefined) ? { kind: 'swemwbs', items } : undefined;
  }
  return undefined;
}

const CLOSING_FIELDS: Record<string, string> = {
  reason: 'close-reason',
  attempts: 'close-attempts',
  elsewhere: 'close-elsewhere',
  summary: 'close-summary',
  needsMet: 'close-needs',
};

/** The close form: why, after how many attempts, where to, what the person was connected to, scores, the summary. */
export function readClosing(entered: Entered): Read<CaseEventBody> {
  const problems: Problem[] = [];
  const attempts = text(entered, 'close-attempts');
  const connectedTo = Array.from({ length: CONNECTION_ROWS }, (_, index) => ({
    kind: text(entered, `close-connected-${index + 1}-kind`) || 'other',
    name: text(entered, `close-connected-${index + 1}-name`),
  }));
  const start = scores(entered, 'start', problems);
  const end = scores(entered, 'end', problems);
  const optional = (name: string) => (text(entered, name) ? text(entered, name) : undefined);
  const result = closingSchema.safeParse({
    reason: text(entered, 'close-reason') || undefined,
    attempts: /^\d{1,2}$/.test(attempts) ? Number(attempts) : attempts || undefined,
    elsewhere: optional('close-elsewhere'),
    connectedTo: connectedTo.filter((connection) => connection.name !== ''),
    needsMet: values(entered, 'close-needs'),
    summary: optional('close-summary'),
    wellbeing: { ...(start ? { start } : {}), ...(end ? { end } : {}) },
  });
  if (!result.success) {
    const named = connectedTo.map((c, index) => ({ ...c, index })).filter((c) => c.name !== '');
    problems.push(
      ...problemsAt(result.error.issues, CLOSING_FIELDS, 'close-reason').map((problem, index) => {
        const issue = result.error.issues[index];
        if (issue?.path[0] === 'connectedTo')
          return { ...problem, field: `close-connected-${(named[Number(issue.path[1])]?.index ?? 0) + 1}-name` };
        if (issue?.path[0] === 'reason') return { ...problem, message: 'Choose why the case is closing.' };
        if (issue?.path[0] === 'attempts' && attempts !== '')
          return { ...problem, message: 'The attempts are a whole number from 1 to 50.' };
        return problem;
      }),
    );
  }
  if (problems.length || !result.success) return { ok: false, problems };
  return { ok: true, value: { kind: 'closed', closing: result.data } };
}
