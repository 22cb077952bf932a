import { z } from 'zod';
import { nhsDate } from '../clock/nhs-date';
import { ukDate } from '../clock/uk-date';
import type { ServiceModel } from '../model/model';
import { readModel } from '../model/model-file';
import { odsCodeSchema } from '../referral/referral';
import { serviceIdSchema } from './service';

/** Someone who speaks for one side: the practice champion or GP, or the service lead. */
export const partySchema = z.strictObject({
  name: z.string().trim().min(1, 'Give the name of the person.').max(200),
  role: z.string().trim().min(1, 'Give the person’s role.').max(100),
  organisation: z.string().trim().min(1, 'Give the person’s organisation.').max(200),
});
export type Party = z.output<typeof partySchema>;

/**
 * A model as the model file format reads it, whatever formatVersion that is: readModel decides (it migrates older
 * formats), so this schema never copies the model's own.
 */
export const modelFieldSchema = z.unknown().transform((data, ctx): ServiceModel => {
  const read = readModel(data);
  if (read.ok) return read.model;
  for (const error of read.errors) {
    ctx.addIssue({
      code: 'custom',
      path: error.path === '(the file)' ? [] : error.path.split('.'),
      message: error.message,
    });
  }
  return z.NEVER;
});

const instant = z.iso.datetime({ offset: true });
const isoDay = z.iso.date('A date as YYYY-MM-DD, for example 2027-12-02.');
/** Numbered by the service, 1, 2, 3 … across all its practices, never by a browser. */
const versionSchema = z.number().int().positive();

/** A version both sides agreed: immutable once made. */
export const agreedModelSchema = z.strictObject({
  serviceId: serviceIdSchema,
  practice: odsCodeSchema,
  version: versionSchema,
  model: modelFieldSchema,
  agreedBy: z.strictObject({ practice: partySchema, service: partySchema }),
  agreedAt: instant,
  reviewBy: isoDay,
});
export type AgreedModel = z.output<typeof agreedModelSchema>;

export const PROPOSAL_SIDES = ['practice', 'service'] as const;
export type ProposalSide = (typeof PROPOSAL_SIDES)[number];
export const PROPOSAL_STATUSES = ['proposed', 'agreed', 'sent-back'] as const;

export const proposalSchema = z.strictObject({
  id: z.uuid(),
  serviceId: serviceIdSchema,
  practice: odsCodeSchema,
  version: versionSchema,
  /** The agreed version it changes, if any. */
  basedOn: versionSchema.optional(),
  model: modelFieldSchema,
  side: z.enum(PROPOSAL_SIDES),
  proposedBy: partySchema,
  proposedAt: instant,
  status: z.enum(PROPOSAL_STATUSES),
  comment: z.string().trim().min(1).max(2000).optional(),
  decidedBy: partySchema.optional(),
  decidedAt: instant.optional(),
});
export type Proposal = z.output<typeof proposalSchema>;

/** "Agreed by Dr Asha Patel, Riverside Surgery and Sam Lee, Kingsmead Connect on 3 December 2026; review by 2 December 2027". */
export function agreementWords(agreed: Pick<AgreedModel, 'agreedBy' | 'agreedAt' | 'reviewBy'>): string {
  const { practice, service } = agreed.agreedBy;
  return `Agreed by ${practice.name}, ${practice.organisation} and ${service.name}, ${service.organisation} on ${nhsDate(ukDate(new Date(agreed.agreedAt)))}; review by ${nhsDate(agreed.reviewBy)}`;
}
