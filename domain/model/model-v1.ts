import { z } from 'zod';
import { NEED_CODES } from '../referral/needs';
import {
  agreementDates,
  modelHead,
  modelTail,
  postcodeAreasSchema,
  practicesSchema,
  routeSchema,
  safetySchema,
} from './model';

/**
 * The model file as version 1 wrote it: one age range, one list of needs and areas, and no 'flag' safety action. Kept
 * only to read such files (and stored settings) with errors located where the file has them; migrate.ts brings a
 * version 1 model forward, and nothing writes this format any more.
 */
export const serviceModelV1Schema = z
  .strictObject({
    formatVersion: z.literal(1),
    ...modelHead,
    scope: z.strictObject({
      needs: z.array(z.enum(NEED_CODES)).min(1, 'At least one need must be in scope.'),
      mustInclude: z.array(z.enum(NEED_CODES)).default([]),
      minAge: z.number().int().min(0).max(120).optional(),
      maxAge: z.number().int().min(0).max(120).optional(),
      postcodeAreas: postcodeAreasSchema,
      practices: practicesSchema,
      outOfScopeRoute: routeSchema,
    }),
    safety: safetySchema(['accept', 'review', 'redirect']),
    ...modelTail,
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
    agreementDates(model, ctx);
  });

export type ServiceModelV1 = z.output<typeof serviceModelV1Schema>;
