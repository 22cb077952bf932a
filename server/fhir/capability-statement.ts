import type { fhir4 } from '../../domain/fhir';

/** What this FHIR endpoint supports: a transaction of referral Bundles, and reading and searching Tasks. */
export function capabilityStatement(date: string): fhir4.CapabilityStatement {
  return {
    resourceType: 'CapabilityStatement',
    status: 'active',
    date,
    kind: 'instance',
    software: { name: 'Social Prescribing Pad — link worker queue' },
    implementation: { description: 'Receives social prescribing referrals and gives back the link worker’s decision.' },
    fhirVersion: '4.0.1',
    format: ['application/fhir+json'],
    rest: [
      {
        mode: 'server',
        documentation:
          'POST a referral as a transaction Bundle (Patient, ServiceRequest, Task, each a conditional create) with an Idempotency-Key header; a repeat with the same key and body is answered with the first response, the same key with another body is refused (422), and so is another body under a referral id already taken. Read the Task for the link worker’s decision.',
        security: {
          description:
            'Every request but this one needs a practice bearer token (Authorization: Bearer …). A token speaks for one practice: it may send that practice’s referrals and read their Tasks, nothing else.',
        },
        interaction: [{ code: 'transaction' }],
        resource: [
          {
            type: 'Task',
            interaction: [{ code: 'read' }, { code: 'search-type' }],
            versioning: 'versioned',
            conditionalCreate: true,
            searchParam: [
              { name: 'focus', type: 'reference', documentation: 'ServiceRequest/<referral id>' },
              { name: 'identifier', type: 'token', documentation: 'the referral’s identifier, system|value' },
              { name: '_id', type: 'token' },
            ],
          },
          {
            type: 'Organization',
            interaction: [{ code: 'search-type' }],
            documentation: 'The practice the token speaks for, and only that one.',
          },
          {
            type: 'HealthcareService',
            interaction: [{ code: 'search-type' }],
            documentation:
              'The practice’s directory: each service it has agreed a model with, at the version in force. POST $propose-model { model, proposedBy } proposes a version; $proposals lists this practice’s; $agree-model { proposalId, agreedBy } and $send-back { proposalId, comment, by } decide the service’s proposals to it.',
          },
          {
            type: 'MeasureReport',
            interaction: [{ code: 'create' }],
            documentation:
              'The practice’s point-of-referral counts of one day (counts only: no patient, no free text), with an Idempotency-Key per batch: a repeat of a batch is counted once.',
          },
          // Created only within the transaction: no interaction of their own (and FHIR JSON has no empty arrays).
          { type: 'ServiceRequest', conditionalCreate: true },
          { type: 'Patient', conditionalCreate: true },
        ],
      },
    ],
  };
}
