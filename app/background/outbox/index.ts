export { OUTBOX_STATUSES, type OutboxRow, type OutboxStatus, type TrailStep } from '../../../domain/outbox/row';
export { relayOnline } from '../../shared/messaging/outbox-messages';
export { type OutboxDb, openOutbox, outbox } from './db';
export { enqueueReferral, OutboxUnavailableError, outboxAvailable } from './enqueue';
export {
  refreshStatuses,
  resendReferral,
  type SentQuery,
  sentReferrals,
  startOfToday,
  startOfWeek,
  waitingCount,
} from './queries';
