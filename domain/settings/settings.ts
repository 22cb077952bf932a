import { z } from 'zod';
import { adapterSchema } from '../adapters/adapter';
import { modelHistoryEntrySchema } from '../model/history';
import { serviceModelSchema } from '../model/model';

/** HTTPS to the queue, except on this machine (a local queue for demos and tests). */
export const endpointSchema = z.url('The queue endpoint is not a web address.').refine(
  (url) => {
    const { protocol, hostname } = new URL(url);
    return protocol === 'https:' || (protocol === 'http:' && ['localhost', '127.0.0.1', '[::1]'].includes(hostname));
  },
  { message: 'The queue endpoint must use HTTPS (plain HTTP is allowed only on localhost).' },
);

export const queueSettingsSchema = z.strictObject({
  endpoint: endpointSchema,
  /** The practice's bearer token: scoped by the queue service to this practice only. */
  token: z.string().trim().min(1, 'The practice token is missing.'),
});
export type QueueSettings = z.output<typeof queueSettingsSchema>;

export const retentionDaysSchema = z
  .number('Give the number of days as a whole number.')
  .int('Give the number of days as a whole number.')
  .min(1, 'Keep details for at least 1 day.')
  .max(365, 'Keep details for at most 365 days.');

export const notDeliveredAfterMinutesSchema = z
  .number('Give the number of minutes as a whole number.')
  .int('Give the number of minutes as a whole number.')
  .min(10, 'Wait at least 10 minutes: the outbox’s first retries take that long.')
  .max(1440, 'Wait at most 1,440 minutes (a day).');

/** What the practice champion sets. Every key optional in storage: an unset value falls back to the default here. */
export const settingsSchema = z.object({
  /** The agreed model; none until a champion sets one (the pad then says so rather than guessing). */
  model: serviceModelSchema.optional(),
  /** Each saved version of the model, newest first: when, what changed, and the model as it was. */
  modelHistory: z.array(modelHistoryEntrySchema).default([]),
  /** The champion's own page adapters, tried before the built-in ones. */
  adapters: z.array(adapterSchema).default([]),
  queue: queueSettingsSchema.optional(),
  /**
   * Days before identifiable details are removed from the browser: a referral's, after delivery or after it was refused
   * and not sent again; a draft's, after it was last saved.
   */
  retentionDays: retentionDaysSchema.default(7),
  /** Minutes after Send that a referral still not delivered shows as Needs attention (it is still tried). */
  notDeliveredAfterMinutes: notDeliveredAfterMinutesSchema.default(60),
  /**
   * Share counts of referrals checked with the service (issue 18): how each check in the pad ended, per day, counts
   * only. Off unless a champion (or policy) turns it on; the demo turns it on. Unset is off.
   */
  shareCounts: z.boolean().optional(),
});
export type Settings = z.output<typeof settingsSchema>;
