import { z } from 'zod';

/**
 * The FHIR shapes a referral Bundle may have: exactly what referralToBundle makes (plus a server-given `id`), so that
 * nothing a referrer entered can travel in an element we would not read. Unknown elements are refused, not dropped.
 * Values are checked as FHIR here and as a referral later (referralSchema), so the domain rules live in one place.
 */

const text = z.string({ error: (issue) => (issue.input === undefined ? 'Missing.' : 'Expected a string.') });

export const codingSchema = z.strictObject({ system: text, code: text, display: text.optional() });

export const referenceSchema = z.strictObject({ reference: text });

export const identifierSchema = z.strictObject({ system: text, value: text });

const value = {
  valueString: text.optional(),
  valueBoolean: z.boolean().optional(),
  valueCode: text.optional(),
  valuePositiveInt: z.number().int().positive().optional(),
  valueCoding: codingSchema.optional(),
};

export const subExtensionSchema = z.strictObject({ url: text, ...value });
export const extensionSchema = z.strictObject({
  url: text,
  ...value,
  extension: z.array(subExtensionSchema).optional(),
});
export type FhirExtension = z.infer<typeof extensionSchema>;
export type FhirSubExtension = z.infer<typeof subExtensionSchema>;

const resourceId = { id: text.optional() };

export const practitionerRoleSchema = z.strictObject({
  resourceType: z.literal('PractitionerRole'),
  ...resourceId,
  practitioner: z.strictObject({ display: text }),
  organization: z.strictObject({ identifier: identifierSchema }),
  code: z.array(z.strictObject({ text })).length(1, 'The referrer has one role.'),
});

export const patientResourceSchema = z.strictObject({
  resourceType: z.literal('Patient'),
  ...resourceId,
  extension: z.array(extensionSchema).optional(),
  identifier: z.array(identifierSchema).min(1, 'The Patient has no identifier: it needs the NHS number.'),
  name: z
    .array(
      z.strictObject({
        use: z.literal('official').optional(),
        family: text,
        given: z.array(text).length(1, 'The given name is one string.'),
      }),
    )
    .length(1, 'The Patient has one name.'),
  gender: text,
  birthDate: text.regex(/^\d{4}-\d{2}-\d{2}$/, 'A birth date is a full date, YYYY-MM-DD.'),
  telecom: z.array(z.strictObject({ system: z.enum(['phone', 'email']), value: text })).optional(),
  address: z
    .array(z.strictObject({ postalCode: text }))
    .length(1, 'The Patient has one address.')
    .optional(),
  communication: z
    .array(z.strictObject({ language: z.strictObject({ text }), preferred: z.boolean().optional() }))
    .length(1, 'The Patient has one language (for the interpreter).')
    .optional(),
});

export const serviceRequestResourceSchema = z.strictObject({
  resourceType: z.literal('ServiceRequest'),
  ...resourceId,
  contained: z.array(practitionerRoleSchema).length(1, 'The ServiceRequest contains its requester, and only that.'),
  extension: z.array(extensionSchema),
  identifier: z.array(identifierSchema).min(1, 'The ServiceRequest has no referral identifier.'),
  status: z.literal('active', 'A new referral’s ServiceRequest is active.'),
  intent: z.literal('order', 'A referral’s ServiceRequest is an order.'),
  code: z.strictObject({ coding: z.array(codingSchema).min(1), text: text.optional() }),
  subject: referenceSchema,
  authoredOn: text,
  requester: referenceSchema,
  performer: z
    .array(z.strictObject({ reference: text, display: text.optional() }))
    .length(1, 'A referral is sent to one service.')
    .optional(),
  reasonCode: z.array(z.strictObject({ coding: z.array(codingSchema).length(1), text: text.optional() })),
  note: z
    .array(z.strictObject({ authorString: text.optional(), time: text.optional(), text }))
    .max(1, 'A referral has one note: what matters to the patient.')
    .optional(),
});

export const taskResourceSchema = z.strictObject({
  resourceType: z.literal('Task'),
  ...resourceId,
  contained: z.array(practitionerRoleSchema).length(1, 'The Task contains its requester, and only that.'),
  identifier: z.array(identifierSchema).min(1, 'The Task has no referral identifier.'),
  status: z.literal('requested', 'A new referral’s Task is requested.'),
  intent: z.literal('order', 'A referral’s Task is an order.'),
  code: z.strictObject({ coding: z.array(codingSchema), text: text.optional() }).optional(),
  focus: referenceSchema,
  for: referenceSchema,
  authoredOn: text,
  lastModified: text.optional(),
  requester: referenceSchema,
});

export const entrySchema = z.strictObject({
  fullUrl: text.regex(
    /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i,
    'An entry’s fullUrl is urn:uuid: and a UUID.',
  ),
  resource: z.looseObject({ resourceType: text }),
  request: z.strictObject({
    method: z.literal('POST', 'Each entry is created (POST).'),
    url: text,
    ifNoneExist: text,
  }),
});

export const bundleSchema = z.strictObject(
  {
    resourceType: z.literal('Bundle', 'Not a FHIR Bundle (resourceType must be "Bundle").'),
    ...resourceId,
    type: z.literal('transaction', 'A referral is sent as a transaction Bundle.'),
    entry: z.array(entrySchema, 'The Bundle has no entries.'),
  },
  { error: (issue) => (issue.code === 'invalid_type' ? 'Not a FHIR Bundle: expected a JSON object.' : undefined) },
);
