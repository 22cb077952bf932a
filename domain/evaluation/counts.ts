import { z } from 'zod';
import { odsCodeSchema } from '../referral/referral';
import { serviceIdSchema } from '../service/service-id';

/**
 * How a check in the pad ended (README, "Counts from the point of referral"): sent in the agreed model, sent with an
 * override, redirected elsewhere by one of the model's routes, or abandoned.
 */
export const CHECK_ENDINGS = ['sent-in-model', 'sent-with-override', 'redirected', 'abandoned'] as const;
export type CheckEnding = (typeof CHECK_ENDINGS)[number];

/**
 * A route a model sends people to: the directory service's id it names, else the route's service name as the model
 * gives it. Never anything a referrer types; narrow on purpose, so a name or an NHS number has no room to travel.
 */
export const routeNameSchema = z
  .string()
  .min(1)
  .max(120)
  .regex(
    /^[\p{L}\p{N}][\p{L}\p{N} &'’(),./:-]*$/u,
    "A route is the model’s name for it: letters, digits, spaces and & ' ( ) , . / : - only.",
  );

const count = z.number().int().min(0).max(1_000_000);

/** Checks redirected by one route. */
const redirectCountSchema = z.strictObject({ route: routeNameSchema, n: count.min(1) });

/** One service's counts for the day, under one agreed model version (none: the practice's own model, no service). */
export const serviceCountsSchema = z
  .strictObject({
    serviceId: serviceIdSchema.nullable(),
    modelVersion: z.number().int().positive().nullable(),
    checked: count,
    sentInModel: count,
    sentWithOverride: count,
    redirected: z.array(redirectCountSchema).max(50),
    abandoned: count,
  })
  .superRefine((counts, ctx) => {
    const ended =
      counts.sentInModel +
      counts.sentWithOverride +
      counts.abandoned +
      counts.redirected.reduce((sum, { n }) => sum + n, 0);
    if (ended !== counts.checked)
      ctx.addIssue({
        code: 'custom',
        path: ['checked'],
        message: `Every check ends one way: checked is ${counts.checked} but the endings add up to ${ended}.`,
      });
    const routes = counts.redirected.map(({ route }) => route);
    routes.forEach((route, index) => {
      if (routes.indexOf(route) !== index)
        ctx.addIssue({
          code: 'custom',
          path: ['redirected', index, 'route'],
          message: `Route ${route} is counted twice.`,
        });
    });
  });
export type ServiceCounts = z.output<typeof serviceCountsSchema>;

/**
 * What the pad sends of a practice's day: counts only. No patient, no referrer, no free text — strict objects, so a
 * field nobody declared here cannot ride along (hazard HEC1).
 */
export const pointOfReferralCountsSchema = z
  .strictObject({
    odsCode: odsCodeSchema,
    /** The UK day the checks ended on. */
    day: z.iso.date('A day as YYYY-MM-DD, for example 2026-12-02.'),
    services: z.array(serviceCountsSchema).min(1).max(200),
  })
  .superRefine((counts, ctx) => {
    const strata = counts.services.map(({ serviceId, modelVersion }) => `${serviceId}@${modelVersion}`);
    strata.forEach((stratum, index) => {
      if (strata.indexOf(stratum) !== index)
        ctx.addIssue({
          code: 'custom',
          path: ['services', index],
          message: 'This service and model version are counted twice in the day.',
        });
    });
  });
export type PointOfReferralCounts = z.output<typeof pointOfReferralCountsSchema>;

/** One row as the queue keeps it: one ending (and route) of one service and model version on one day. */
export type CountRow = {
  serviceId: string | null;
  modelVersion: number | null;
  ending: CheckEnding;
  route: string | null;
  n: number;
};

/** The day's counts as rows, the zero counts left out. */
export function countRows(counts: PointOfReferralCounts): CountRow[] {
  return counts.services.flatMap(
    ({ serviceId, modelVersion, sentInModel, sentWithOverride, redirected, abandoned }) => {
      const row = (ending: CheckEnding, n: number, route: string | null = null): CountRow[] =>
        n > 0 ? [{ serviceId, modelVersion, ending, route, n }] : [];
      return [
        ...row('sent-in-model', sentInModel),
        ...row('sent-with-override', sentWithOverride),
        ...redirected.flatMap(({ route, n }) => row('redirected', n, route)),
        ...row('abandoned', abandoned),
      ];
    },
  );
}
