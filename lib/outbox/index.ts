export { type OutboxDb, openOutbox, outbox } from './db';
export { enqueueReferral, OutboxUnavailableError, outboxAvailable } from './enqueue';
export { relayOnline } from './messages';
export {
  refreshStatuses,
  resendReferral,
  type SentQuery,
  sentReferrals,
  startOfToday,
  startOfWeek,
  waitingCount,
} from './queries';
export { OUTBOX_STATUSES, type OutboxRow, type OutboxStatus, type TrailStep } from './row';
