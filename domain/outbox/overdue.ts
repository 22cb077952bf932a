import { ukTime } from '../clock/uk-time';
import { type Settings, settingsSchema } from '../settings/settings';
import type { OutboxRow } from './row';

/**
 * When a referral still waiting to be sent turns into Needs attention: the practice's setting (minutes after it was
 * saved) and where it is being sent, for the reason's words.
 */
export type DeliveryWatch = {
  afterMinutes: number;
  /** The queue's endpoint in force; absent when no queue is set. */
  endpoint?: string;
};

/** The watch in force under these settings; the default (60 minutes) until they are read. */
export function deliveryWatch(
  settings: Pick<Settings, 'notDeliveredAfterMinutes' | 'queue'> | undefined,
): DeliveryWatch {
  return {
    afterMinutes: settings?.notDeliveredAfterMinutes ?? settingsSchema.shape.notDeliveredAfterMinutes.parse(undefined),
    ...(settings?.queue && { endpoint: settings.queue.endpoint }),
  };
}

/**
 * Why a referral still waiting to be sent needs the referrer's attention, or undefined while it is not overdue (or not
 * waiting). The outbox goes on trying it: this only stops the referrer believing it has arrived.
 */
export function notDeliveredReason(row: OutboxRow, now: number, watch: DeliveryWatch): string | undefined {
  if (row.status !== 'queued' && row.status !== 'sending') return undefined;
  if (now - row.createdAt < watch.afterMinutes * 60_000) return undefined;
  const after = `Not delivered after ${duration(watch.afterMinutes)}`;
  const host = hostOf(watch.endpoint);
  if (!host) return `${after}: no link worker queue is set for this practice — ask your practice champion.`;
  const still = row.lastError ?? 'it will be tried again.';
  return `${after}: the queue at ${host} has not answered since ${ukTime(row.createdAt, now)} — ${still}`;
}

/** "1 hour", "90 minutes", "2 hours", "1 minute". */
export function duration(minutes: number): string {
  if (minutes % 60 === 0) return minutes === 60 ? '1 hour' : `${minutes / 60} hours`;
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}

function hostOf(endpoint: string | undefined): string | undefined {
  if (!endpoint) return undefined;
  try {
    return new URL(endpoint).host;
  } catch {
    return undefined;
  }
}
