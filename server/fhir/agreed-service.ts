import type { Referral } from '../../domain/referral';
import type { Db } from '../store/db';
import { type ReferralService, serviceForReferral } from '../store/services';
import type { Issue } from './operation-outcome';

/**
 * Agreed versions are never changed or removed (migration 010), so a referral's service once found stays right: each
 * database keeps those it found, and only a referral not yet seen costs a query. A refusal is never kept (a version
 * may be agreed a moment later).
 */
const found = new WeakMap<Db, Map<string, string>>();

function refusal(answer: Exclude<ReferralService, { ok: true }>, referral: Referral): Issue {
  const practice = referral.referrer.odsCode;
  const { modelId, modelVersion } = referral.verdict;
  const refresh = 'Refresh the practice’s directory and check the referral again.';
  switch (answer.problem) {
    case 'no-service':
      return {
        code: 'not-found',
        path: 'ServiceRequest.performer',
        message: `There is no service “${answer.serviceId}” on this queue. ${refresh}`,
      };
    case 'no-agreement':
      return {
        code: 'business-rule',
        path: 'ServiceRequest.performer',
        message: `Practice ${practice} has no agreed model with ${answer.serviceName}: nothing was stored. The service and the practice agree a model first.`,
      };
    case 'version-not-agreed':
      return {
        code: 'business-rule',
        path: 'ServiceRequest.extension(verdict).modelVersion',
        message: `Version ${modelVersion} of ${answer.serviceName}’s model is not agreed with practice ${practice} (agreed: ${answer.agreed.join(', ')}); nothing was stored. ${refresh}`,
      };
    case 'model-not-agreed':
      return {
        code: 'business-rule',
        path: 'ServiceRequest.extension(verdict)',
        message: `Model “${modelId}” version ${modelVersion} is not a version any service on this queue agreed with practice ${practice}, and the referral names no service; nothing was stored.`,
      };
  }
}

/** The service this referral goes to under an agreed version, or the issue that refuses it (422). */
export async function agreedService(db: Db, referral: Referral): Promise<{ serviceId: string } | { issue: Issue }> {
  const practice = referral.referrer.odsCode;
  const { modelId, modelVersion } = referral.verdict;
  const key = JSON.stringify([practice, referral.serviceId ?? null, modelId, modelVersion]);
  let known = found.get(db);
  const cached = known?.get(key);
  if (cached) return { serviceId: cached };
  const answer = await serviceForReferral(db, {
    practice,
    modelId,
    version: modelVersion,
    ...(referral.serviceId ? { serviceId: referral.serviceId } : {}),
  });
  if (!answer.ok) return { issue: refusal(answer, referral) };
  if (!known) {
    known = new Map();
    found.set(db, known);
  }
  known.set(key, answer.serviceId);
  return { serviceId: answer.serviceId };
}
