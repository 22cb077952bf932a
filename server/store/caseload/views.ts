import type { CaseloadView } from '../../../domain/caseload/views';

const OPEN = `r.status IN ('requested', 'accepted', 'contacted')`;
const FINAL = `r.status IN ('declined', 'redirected', 'completed', 'cancelled')`;

/**
 * Which referrals a view holds, as SQL on `r` (each matches a partial index of migration 011, so that its first page
 * is a range of that index). `at(value)` adds a parameter and gives its placeholder.
 */
export function viewCondition(
  view: CaseloadView,
  who: { username: string; today: string },
  at: (value: unknown) => string,
): string {
  switch (view) {
    case 'new':
      return `r.status = 'requested'`;
    case 'mine':
      return `r.assigned_to = ${at(who.username)} AND ${OPEN}`;
    case 'unassigned':
      return `r.assigned_to IS NULL AND ${OPEN}`;
    case 'overdue':
      // Overdue the day after the due day: on the due day itself the referral is still on time.
      return `r.overdue_after IS NOT NULL AND r.overdue_after < ${at(who.today)}::date`;
    case 'waiting-list':
      return `r.waiting_expected IS NOT NULL AND ${OPEN}`;
    case 'closed':
      return FINAL;
  }
}
