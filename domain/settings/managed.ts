import { z } from 'zod';
import { adapterSchema } from '../adapters/adapter';
import { readModel } from '../model/model-file';
import { endpointSchema, notDeliveredAfterMinutesSchema, retentionDaysSchema, type Settings } from './settings';

/**
 * Settings an organisation sets by enterprise policy (storage.managed; schema in public/managed_schema.json). Flat
 * keys, as policy tools show them; the model and the adapters are JSON text (a model file, a list of adapters), since
 * policy editors hold strings far better than nested objects.
 */
export const MANAGED_KEYS = [
  'queueEndpoint',
  'queueToken',
  'retentionDays',
  'notDeliveredAfterMinutes',
  'shareCounts',
  'model',
  'adapters',
] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

/** The settings a policy value sets; the options page shows these as locked. */
export type LockedSetting =
  | 'queue.endpoint'
  | 'queue.token'
  | 'retentionDays'
  | 'notDeliveredAfterMinutes'
  | 'shareCounts'
  | 'model'
  | 'adapters';

export type ManagedValues = {
  queueEndpoint?: string;
  queueToken?: string;
  retentionDays?: number;
  notDeliveredAfterMinutes?: number;
  shareCounts?: boolean;
  model?: Settings['model'];
  adapters?: Settings['adapters'];
};

/** A policy value that could not be used: which policy key and why. It is ignored, never half-applied. */
export type ManagedProblem = { key: ManagedKey; message: string };

export type Managed = { values: ManagedValues; problems: ManagedProblem[] };

function json(text: unknown): { ok: true; data: unknown } | { ok: false; message: string } {
  if (typeof text !== 'string') return { ok: true, data: text };
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    return { ok: false, message: `Not valid JSON: ${(error as Error).message}` };
  }
}

function issues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length ? `${issue.path.join('.')}: ` : ''}${issue.message}`)
    .join('; ');
}

/** Reads what the policy holds, key by key: a bad value is reported and left out; the others still apply. */
export function readManaged(raw: unknown): Managed {
  const values: ManagedValues = {};
  const problems: ManagedProblem[] = [];
  if (typeof raw !== 'object' || raw === null) return { values, problems };
  const policy = raw as Partial<Record<ManagedKey, unknown>>;

  if (policy.queueEndpoint !== undefined) {
    const parsed = endpointSchema.safeParse(policy.queueEndpoint);
    if (parsed.success) values.queueEndpoint = parsed.data;
    else problems.push({ key: 'queueEndpoint', message: issues(parsed.error) });
  }
  if (policy.queueToken !== undefined) {
    const parsed = z.string().trim().min(1, 'The practice token is empty.').safeParse(policy.queueToken);
    if (parsed.success) values.queueToken = parsed.data;
    else problems.push({ key: 'queueToken', message: issues(parsed.error) });
  }
  if (policy.retentionDays !== undefined) {
    const parsed = retentionDaysSchema.safeParse(policy.retentionDays);
    if (parsed.success) values.retentionDays = parsed.data;
    else problems.push({ key: 'retentionDays', message: issues(parsed.error) });
  }
  if (policy.notDeliveredAfterMinutes !== undefined) {
    const parsed = notDeliveredAfterMinutesSchema.safeParse(policy.notDeliveredAfterMinutes);
    if (parsed.success) values.notDeliveredAfterMinutes = parsed.data;
    else problems.push({ key: 'notDeliveredAfterMinutes', message: issues(parsed.error) });
  }
  if (policy.shareCounts !== undefined) {
    const parsed = z.boolean('Give true or false.').safeParse(policy.shareCounts);
    if (parsed.success) values.shareCounts = parsed.data;
    else problems.push({ key: 'shareCounts', message: issues(parsed.error) });
  }
  if (policy.model !== undefined) {
    const text = json(policy.model);
    const read = text.ok ? readModel(text.data) : undefined;
    if (read?.ok) values.model = read.model;
    else if (!text.ok) problems.push({ key: 'model', message: text.message });
    else if (read && !read.ok)
      problems.push({ key: 'model', message: read.errors.map((e) => `${e.path}: ${e.message}`).join('; ') });
  }
  if (policy.adapters !== undefined) {
    const text = json(policy.adapters);
    const parsed = text.ok ? z.array(adapterSchema).safeParse(text.data) : undefined;
    if (parsed?.success) values.adapters = parsed.data;
    else
      problems.push({
        key: 'adapters',
        message: text.ok && parsed ? issues(parsed.error) : (text as { message: string }).message,
      });
  }
  return { values, problems };
}

/** Which settings the policy sets. */
export function lockedSettings(values: ManagedValues): LockedSetting[] {
  const locked: LockedSetting[] = [];
  if (values.model) locked.push('model');
  if (values.adapters) locked.push('adapters');
  if (values.queueEndpoint !== undefined) locked.push('queue.endpoint');
  if (values.queueToken !== undefined) locked.push('queue.token');
  if (values.retentionDays !== undefined) locked.push('retentionDays');
  if (values.notDeliveredAfterMinutes !== undefined) locked.push('notDeliveredAfterMinutes');
  if (values.shareCounts !== undefined) locked.push('shareCounts');
  return locked;
}

/**
 * The settings in force: the policy's values win over the champion's own. A queue needs both an endpoint and a token;
 * each may come from either place (an organisation may set the endpoint and leave each practice its token).
 */
export function applyManaged(local: Settings, managed: ManagedValues): Settings {
  const endpoint = managed.queueEndpoint ?? local.queue?.endpoint;
  const token = managed.queueToken ?? local.queue?.token;
  const { queue: _localQueue, ...rest } = local;
  return {
    ...rest,
    ...(managed.model ? { model: managed.model } : {}),
    ...(managed.adapters ? { adapters: managed.adapters } : {}),
    ...(managed.retentionDays !== undefined ? { retentionDays: managed.retentionDays } : {}),
    ...(managed.notDeliveredAfterMinutes !== undefined
      ? { notDeliveredAfterMinutes: managed.notDeliveredAfterMinutes }
      : {}),
    ...(managed.shareCounts !== undefined ? { shareCounts: managed.shareCounts } : {}),
    ...(endpoint && token ? { queue: { endpoint, token } } : {}),
  };
}
