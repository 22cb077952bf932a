import { z } from 'zod';
import { NEED_CODES } from '../referral/needs';
import { CONTACT_MODE_CODES } from '../referral/patient';
import { odsCodeSchema } from '../referral/referral';
import { SAFETY_FLAGS } from '../referral/safety';

/**
 * The model file format this code writes. A file with a newer formatVersion is refused, not guessed at; version 1 (one
 * age range, one list of needs) is still read and brought forward (migrate.ts).
 */
export const FORMAT_VERSION = 2;

export const MODEL_KINDS = [
  {
    kind: 'open',
    label: 'Open',
    explanation:
      'Universal access: anyone the practice refers is seen. A safety answer is flagged for the link worker, and the referrer is given the route to use as well, rather than refused (unless the agreement chooses to redirect it).',
  },
  {
    kind: 'boundaried',
    label: 'Boundaried',
    explanation:
      'Targeted: only the groups of people and needs agreed are in scope; anyone outside is given a route elsewhere, never just turned away. Safety answers usually redirect to the service that can help.',
  },
] as const;

const isoDay = z.iso.date('A date as YYYY-MM-DD, for example 2026-04-01.');

/** Where to send someone instead: what a GP needs to act on it there and then. */
export const routeSchema = z.strictObject({
  service: z.string().trim().min(1, 'Name the service to send the person to.').max(200),
  contact: z.string().trim().min(1, 'Say how to contact that service.').max(300),
  guidance: z.string().trim().max(1000).optional(),
  /** A service in the practice's directory ("kingsmead-pcn-sp"): the pad can then refer there in one press. */
  serviceId: z
    .string()
    .regex(
      /^[a-z0-9][a-z0-9-]{1,62}$/,
      'A service id is lower-case letters, digits and dashes, for example "kingsmead-pcn-sp".',
    )
    .optional(),
});
export type Route = z.output<typeof routeSchema>;

/**
 * What happens when a safety question is answered yes. 'flag' is the open kind's answer: the referral still goes, with a
 * critical card for the link worker, and the referrer is given the route to use as well and confirms they have used it.
 */
export const SAFETY_ACTIONS = ['accept', 'review', 'flag', 'redirect'] as const;
export type SafetyAction = (typeof SAFETY_ACTIONS)[number];

/** The safety rules, one per question; built for a list of actions so that version 1 (no 'flag') can use it too. */
export function safetySchema<const A extends readonly [SafetyAction, ...SafetyAction[]]>(actions: A) {
  const rule = z
    .strictObject({ action: z.enum(actions), redirectTo: routeSchema.optional() })
    .refine((rule) => (rule.action !== 'redirect' && rule.action !== 'flag') || rule.redirectTo, {
      message: 'A question that redirects or flags must say which route to use (redirectTo).',
      path: ['redirectTo'],
    });
  const shape = Object.fromEntries(SAFETY_FLAGS.map((flag) => [flag, rule])) as Record<
    (typeof SAFETY_FLAGS)[number],
    typeof rule
  >;
  return z.strictObject(shape);
}

/** Optional patient details a model can make required (name, NHS number, date of birth, sex always are). */
export const REQUIRABLE_FIELDS = ['phone', 'email', 'postcode', 'contactTimes', 'whatMatters'] as const;
export type RequirableField = (typeof REQUIRABLE_FIELDS)[number];

export const capacitySchema = z.discriminatedUnion('status', [
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

/** Postcode districts or areas covered ("BS1", "BS"); empty means anywhere. */
export const postcodeAreasSchema = z
  .array(
    z
      .string()
      .trim()
      .toUpperCase()
      .regex(/^[A-Z]{1,2}(\d[A-Z\d]?)?$/, 'A postcode area or district, for example BS or BS16.'),
  )
  .default([]);

const ageSchema = z.number().int().min(0).max(120).optional();

/**
 * One group of people the service takes ("55 and over and isolated"): a referral fits the group when the person's age
 * and postcode are within its bounds and their needs are ones it takes, including one it must include.
 */
export const pathwaySchema = z
  .strictObject({
    /** The group in plain words: the pad names it when a referral fits none. */
    label: z.string().trim().min(1, 'Name the group in plain words, for example “55 and over and isolated”.').max(200),
    minAge: ageSchema,
    maxAge: ageSchema,
    postcodeAreas: postcodeAreasSchema,
    /** The needs the group is for; absent means any need. */
    needs: z.array(z.enum(NEED_CODES)).min(1, 'At least one need must be in scope for this group.').optional(),
    /** At least one of these needs must be among the referral's (e.g. "isolated"); empty means no such condition. */
    mustInclude: z.array(z.enum(NEED_CODES)).default([]),
  })
  .superRefine((pathway, ctx) => {
    if (pathway.minAge !== undefined && pathway.maxAge !== undefined && pathway.minAge > pathway.maxAge) {
      ctx.addIssue({ code: 'custom', path: ['maxAge'], message: 'The upper age bound is below the lower one.' });
    }
  });
export type Pathway = z.output<typeof pathwaySchema>;

/**
 * What every version of the model file has in common, before and after the scope and safety rules (which are what
 * changed), in the order a file lists them.
 */
export const modelHead = {
  /** Stable across versions of the same model. */
  id: z
    .string()
    .regex(/^[a-z0-9][a-z0-9-]{1,62}$/, 'An id is lower-case letters, digits and dashes, for example "bristol-vcse".'),
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
};

export const modelTail = {
  requiredFields: z.array(z.enum(REQUIRABLE_FIELDS)).default([]),
  contactModes: z.array(z.enum(CONTACT_MODE_CODES)).min(1, 'Offer at least one way to contact people.'),
  capacity: capacitySchema,
  /** May a referrer go ahead, with a reason, when the scope says no? Never for safety redirects. */
  overridesAllowed: z.boolean(),
};

/** ODS codes of the practices covered; empty means any practice. */
export const practicesSchema = z.array(odsCodeSchema).default([]);

export function agreementDates(model: { agreement: { agreedOn: string; reviewBy: string } }, ctx: z.RefinementCtx) {
  if (model.agreement.reviewBy < model.agreement.agreedOn) {
    ctx.addIssue({
      code: 'custom',
      path: ['agreement', 'reviewBy'],
      message: 'The review date is before the date the model was agreed.',
    });
  }
}

export const serviceModelSchema = z
  .strictObject({
    formatVersion: z.literal(FORMAT_VERSION),
    ...modelHead,
    scope: z.strictObject({
      /** The groups the service takes: a referral is in scope when it fits any one of them. */
      pathways: z.array(pathwaySchema).min(1, 'Describe at least one group of people the service takes.'),
      practices: practicesSchema,
      /** Where to send someone who is outside the scope. */
      outOfScopeRoute: routeSchema,
    }),
    safety: safetySchema(SAFETY_ACTIONS),
    ...modelTail,
  })
  .superRefine(agreementDates);

export type ServiceModel = z.output<typeof serviceModelSchema>;
export type ServiceModelInput = z.input<typeof serviceModelSchema>;
