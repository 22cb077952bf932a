import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  CASELOAD_VIEW_LABELS,
  CASELOAD_VIEW_MEANINGS,
  CASELOAD_VIEWS,
  type CaseFacts,
  inCaseloadView,
  isOverdue,
} from '../../domain/caseload/views';
import { LINK_WORKER_STATUSES } from '../../domain/fhir/task';

const me = { username: 'sam', today: '2026-12-10' };
const base: CaseFacts = {
  status: 'requested',
  onWaitingList: false,
  decisionDue: '2026-12-16',
  contactDue: '2026-12-09',
};
const views = (c: CaseFacts, who = me) => CASELOAD_VIEWS.filter((view) => inCaseloadView(view, c, who));

describe('the caseload views', () => {
  it('are six, each with a label and a one-line meaning', () => {
    expect(CASELOAD_VIEWS.map((view) => CASELOAD_VIEW_LABELS[view])).toEqual([
      'New',
      'Mine',
      'Unassigned',
      'Overdue',
      'Waiting list',
      'Closed',
    ]);
    for (const view of CASELOAD_VIEWS) expect(CASELOAD_VIEW_MEANINGS[view]).toMatch(/^[A-Z].*\.$/);
  });

  it('put a new unassigned referral under New and Unassigned', () => {
    expect(views(base)).toEqual(['new', 'unassigned']);
  });

  it('put an assigned one under Mine for its link worker only', () => {
    expect(views({ ...base, assignedTo: 'sam' })).toEqual(['new', 'mine']);
    expect(views({ ...base, assignedTo: 'alex' })).toEqual(['new']);
  });

  it('mark a referral overdue the day after the decision due day, not on it', () => {
    expect(isOverdue(base, '2026-12-16')).toBe(false);
    expect(isOverdue(base, '2026-12-17')).toBe(true);
    expect(views(base, { ...me, today: '2026-12-17' })).toEqual(['new', 'unassigned', 'overdue']);
  });

  it('mark an accepted referral overdue past the contact due day until the person is reached', () => {
    const accepted: CaseFacts = { ...base, status: 'accepted' };
    expect(isOverdue(accepted, '2026-12-09')).toBe(false);
    expect(isOverdue(accepted, '2026-12-10')).toBe(true);
    expect(isOverdue({ ...accepted, firstContactAt: '2026-12-10T09:00:00Z' }, '2026-12-11')).toBe(false);
    expect(isOverdue({ ...accepted, status: 'contacted' }, '2026-12-11')).toBe(false);
  });

  it('put a waiting-list referral under Waiting list while open, and Overdue too if no one has reached the person', () => {
    const waiting: CaseFacts = { ...base, status: 'accepted', onWaitingList: true, assignedTo: 'sam' };
    expect(views({ ...waiting, firstContactAt: '2026-12-03T10:00:00Z' })).toEqual(['mine', 'waiting-list']);
    expect(views(waiting)).toEqual(['mine', 'overdue', 'waiting-list']);
  });

  it('put a final referral under Closed only, whoever it was assigned to and however late', () => {
    for (const status of ['declined', 'redirected', 'completed', 'cancelled'] as const)
      expect(
        views({ ...base, status, assignedTo: 'sam', onWaitingList: true }, { ...me, today: '2027-06-01' }),
      ).toEqual(['closed']);
  });

  it('every referral is either open (Mine or Unassigned, for someone) or Closed, never both', () => {
    const facts = fc.record({
      status: fc.constantFrom(...LINK_WORKER_STATUSES),
      assignedTo: fc.option(fc.constantFrom('sam', 'alex'), { nil: undefined }),
      onWaitingList: fc.boolean(),
      decisionDue: fc.constant('2026-12-16'),
      contactDue: fc.constant('2026-12-09'),
    });
    fc.assert(
      fc.property(facts, (c) => {
        const forOwner = views(c as CaseFacts, { ...me, username: c.assignedTo ?? 'sam' });
        if (forOwner.includes('closed')) expect(forOwner).toEqual(['closed']);
        else expect(forOwner.includes('mine') || forOwner.includes('unassigned')).toBe(true);
      }),
    );
  });
});
