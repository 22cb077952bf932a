import { z } from 'zod';
import { nhsDate } from '../clock/nhs-date';
import { odsCodeSchema } from '../referral/referral';
import { serviceIdSchema } from './service-id';

export { type ServiceId, serviceIdSchema } from './service-id';

const isoDay = z.iso.date('A date as YYYY-MM-DD, for example 2027-01-05.');
const note = z.string().trim().min(1).max(500).optional();

/** How full the service is, set by the service (it knows), not by each practice. */
export const serviceCapacitySchema = z.discriminatedUnion('state', [
  z.strictObject({ state: z.literal('accepting') }),
  z.strictObject({ state: z.literal('waiting-list'), weeks: z.number().int().min(1).max(104), note }),
  z.strictObject({ state: z.literal('paused'), until: isoDay, note }),
]);
export type ServiceCapacity = z.output<typeof serviceCapacitySchema>;

/** Postcode areas or districts served, as in a model's postcodeAreas ("BS", "BS16"). */
export const areaSchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{1,2}(\d[A-Z\d]?)?$/, 'A postcode area or district, for example BS or BS16.');

const text = (max: number, missing: string) => z.string().trim().min(1, missing).max(max);

export const serviceSchema = z.strictObject({
  id: serviceIdSchema,
  name: text(200, 'Name the service.'),
  organisation: z.strictObject({
    name: text(200, 'Name the organisation that runs the service.'),
    odsCode: odsCodeSchema.optional(),
  }),
  description: text(2000, 'Say what the service does, in a sentence or two.'),
  /** How the service makes contact with the people referred ("A link worker phones within 5 working days"). */
  contact: text(500, 'Say how the service makes contact with people.'),
  hours: text(300, 'Give the service’s hours.'),
  /** Empty means anywhere. */
  areas: z.array(areaSchema).default([]),
  capacity: serviceCapacitySchema,
});
export type Service = z.output<typeof serviceSchema>;
export type ServiceInput = z.input<typeof serviceSchema>;

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

function withNote(words: string, capacityNote: string | undefined): string {
  return capacityNote ? `${words}: ${capacityNote}` : words;
}

/** A pause ends at the start of its "until" day: paused until a day after today means not offered. */
function stillPaused(capacity: ServiceCapacity, today: string): boolean {
  return capacity.state === 'paused' && capacity.until > today;
}

/** The capacity in plain words, for the pad, the options page and the service's pages. `today` is YYYY-MM-DD (UK). */
export function capacityWords(capacity: ServiceCapacity, today: string): string {
  switch (capacity.state) {
    case 'accepting':
      return 'Accepting referrals';
    case 'waiting-list':
      return withNote(`Waiting list of about ${plural(capacity.weeks, 'week')}`, capacity.note);
    case 'paused':
      return stillPaused(capacity, today)
        ? withNote(`Paused until ${nhsDate(capacity.until)}`, capacity.note)
        : 'Accepting referrals';
  }
}

/** May the pad offer this service today? A paused service is not offered until its pause ends. */
export function isOffered(capacity: ServiceCapacity, today: string): boolean {
  return !stillPaused(capacity, today);
}
