import { z } from 'zod';
import { NEED_CODES } from '../referral/needs';
import { CONTACT_MODE_CODES } from '../referral/patient';
import { odsCodeSchema } from '../referral/referral';
import { SAFETY_FLAGS } from '../referral/safety';

/** The model file format this code writes. A file with a newer formatVersion is refused, not guessed at. */
export const FORMAT_VERSION = 1;

export const MODEL_KINDS = [
  {
    kind: 'open',
    label: 'Open',
    explanation:
      'Universal access: anyone the practice refers is seen; risks are flagged for the link worker, not refused.',
  },
  {
    kind: 'boundaried',
    label: 'Boundaried',
    explanation:
      'Targeted: only the people and needs agreed are in scope; anyone outside is given a route elsewhere, never just turned away.',
  },
] as const;

const isoDay = z.iso.date('A date as YYYY-MM-DD, for example 2026-04-01.');

/** Where to send someone instead: what a GP needs to act on it there and then. */
export const routeSchema = z.strictObject({
  service: z.string().trim().min(1, 'Name the service to send the person to.').max(200),
  contact: z.string().trim().min(1, 'Say how to contact that service.').max(300),
  guidance: z.string().trim().max(1000).optional(),
});
export type Route = z.output<typeof routeSchema>;

export const SAFETY_ACTIONS = ['accept', 'review', 'redirect'] as const;
export type SafetyAction = (typeof SAFETY_ACTIONS)[number];

const safetyRuleSchema = z
  .strictObject({ action: z.enum(SAFETY_ACTIONS), redirectTo: routeSchema.optional() })
  .refine((rule) => rule.action !== 'redirect' || rule.redirectTo, {
    message: 'A flag that redirects must say where to (redirectTo).',
    path: ['redirectTo'],
  });

const safetyShape = Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, safetyRuleSchema])) as Record<
  (typeof SAFETY_FLAGS)[number],
  typeof safetyRuleSchema
>;

/** Optional patient details a model can make required (name, NHS number, date of birth, sex always are). */
export const REQUIRABLE_FIELDS = ['phone', 'email', 'postcode', 'contactTimes', 'whatMatters'] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

const capacitySchema = z.discriminatedUnion('status', [
  z.strictObject({ status: z.literal('open') }),
  z.strictObject({
    status: z.literal('waiting-list'),
    typicalWeeks: z.number().int().min(1).max(104),
  }),
  z.strictObject({
    status: z.literal('paused'),
    message: z.string().trim().max(500).optional(),
    redirectTo: routeSchema,
  }),
]);

export const serviceModelSchema = z
  .strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    /** Stable across versions of the same model. */
    id: z
      .string()
      .regex(
        /^[a-z0-9][a-z0-9-]{1,62}$/,
        'An id is lower-case letters, digits and dashes, for example "bristol-vcse".',
      ),
    /** Goes up by one with each saved change. */
    version: z.number().int().positive(),
    name: z.string().trim().min(1).max(200),
    kind: z.enum(['open', 'boundaried']),
    service: z.strictObject({
      name: z.string().trim().min(1).max(200),
      contact: z.string().trim().min(1).max(300),
      whatHappensNext: z.string().trim().max(1000).optional(),
    }),
    agreement: z.strictObject({
      agreedBy: z.array(z.string().trim().min(1)).min(1, 'Name who agreed the model: roles and organisations.'),
      agreedOn: isoDay,
      reviewBy: isoDay,
      summary: z.string().trim().min(1, 'Give a plain-English summary of the model.').max(2000),
    }),
    scope: z.strictObject({
      needs: z.array(z.enum(NEED_CODES)).min(1, 'At least one need must be in scope.'),
      /** At least one of these needs must be among the referral's (e.g. "isolated"); empty means no such condition. */
      mustInclude: z.array(z.enum(NEED_CODES)).default([]),
      minAge: z.number().int().min(0).max(120).optional(),
      maxAge: z.number().int().min(0).max(120).optional(),
      /** Postcode districts or areas covered ("BS1", "BS"); empty means anywhere. */
      postcodeAreas: z
        .array(
          z
            .string()
            .trim()
            .toUpperCase()
            .regex(/^[A-Z]{1,2}(\d[A-Z\d]?)?$/, 'A postcode area or district, for example BS or BS16.'),
        )
        .default([]),
      /** ODS codes of the practices covered; empty means any practice. */
      practices: z.array(odsCodeSchema).default([]),
      /** Where to send someone who is outside the scope. */
      outOfScopeRoute: routeSchema,
    }),
    safety: z.strictObject(safetyShape),
    requiredFields: z.array(z.enum(REQUIRABLE_FIELDS)).default([]),
    contactModes: z.array(z.enum(CONTACT_MODE_CODES)).min(1, 'Offer at least one way to contact people.'),
    capacity: capacitySchema,
    /** May a referrer go ahead, with a reason, when the scope says no? Never for safety redirects. */
    overridesAllowed: z.boolean(),
  })
  .superRefine((model, ctx) => {
    const { minAge, maxAge } = model.scope;
    if (minAge !== undefined && maxAge !== undefined && minAge > maxAge) {
      ctx.addIssue({
        code: 'custom',
        path: ['scope', 'maxAge'],
        message: 'The upper age bound is below the lower one.',
      });
    }
    if (model.agreement.reviewBy < model.agreement.agreedOn) {
      ctx.addIssue({
        code: 'custom',
        path: ['agreement', 'reviewBy'],
        message: 'The review date is before the date the model was agreed.',
      });
    }
  });

export type ServiceModel = z.output<typeof serviceModelSchema>;
export type ServiceModelInput = z.input<typeof serviceModelSchema>;
