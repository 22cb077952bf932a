import { z } from 'zod';
import { odsCodeSchema } from '../referral/referral';
import { agreedModelSchema } from './agreement';
import { serviceSchema } from './service';

/** One service a practice may refer to, with the version of the model they agreed. */
export const directoryEntrySchema = z.strictObject({ service: serviceSchema, agreement: agreedModelSchema });
export type DirectoryEntry = z.output<typeof directoryEntrySchema>;

/** A practice's directory as the extension caches it. */
export const directorySchema = z.strictObject({
  practice: odsCodeSchema,
  fetchedAt: z.iso.datetime({ offset: true }),
  entries: z.array(directoryEntrySchema),
});
export type Directory = z.output<typeof directorySchema>;

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

function count(amount: number, unit: string): string {
  return `${amount} ${unit}${amount === 1 ? '' : 's'}`;
}

/** "Directory from 3 hours ago": how old a cached directory is, for a cache that could not be refreshed. */
export function directoryAgeWords(fetchedAt: string, now: number): string {
  const age = Math.max(0, now - Date.parse(fetchedAt));
  if (age < MINUTE) return 'Directory fetched just now';
  if (age < HOUR) return `Directory from ${count(Math.floor(age / MINUTE), 'minute')} ago`;
  if (age < DAY) return `Directory from ${count(Math.floor(age / HOUR), 'hour')} ago`;
  return `Directory from ${count(Math.floor(age / DAY), 'day')} ago`;
}
