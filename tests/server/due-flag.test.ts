import { describe, expect, it } from 'vitest';
import { dueFlag } from '../../server/inbox/due-flag';

const dues = { decisionDue: '2026-12-07', contactDue: '2026-12-14' };

describe('the flag a referral carries against its service’s rule', () => {
  it.each([
    // Friday 4 December 2026: the decision is due Monday 7th, one working day on.
    ['requested', '2026-12-04', { tone: 'yellow', words: 'Decision due soon: 7 Dec 2026' }],
    ['requested', '2026-12-07', { tone: 'yellow', words: 'Decision due soon: 7 Dec 2026' }],
    ['requested', '2026-12-08', { tone: 'red', words: 'Decision overdue: was due 7 Dec 2026' }],
    // Three working days before: not yet.
    ['requested', '2026-12-02', undefined],
    ['accepted', '2026-12-15', { tone: 'red', words: 'First contact overdue: was due 14 Dec 2026' }],
    ['accepted', '2026-12-10', { tone: 'yellow', words: 'First contact due soon: 14 Dec 2026' }],
    ['contacted', '2026-12-30', undefined],
    ['completed', '2026-12-30', undefined],
  ] as const)('%s on %s', (status, today, flag) => {
    expect(dueFlag({ status, ...dues }, today, 2)).toEqual(flag);
  });
});
