import { z } from 'zod';

/** A service's id: stable, in URLs (HealthcareService/<id>), in referrals and in routes that name a service. */
export const serviceIdSchema = z
  .string()
  .regex(
    /^[a-z0-9][a-z0-9-]{1,62}$/,
    'A service id is lower-case letters, digits and dashes, for example "kingsmead-connect".',
  );
export type ServiceId = z.output<typeof serviceIdSchema>;
