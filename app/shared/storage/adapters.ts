import { browser } from 'wxt/browser';
import type { Adapter, FieldRule } from '../../../domain/adapters/adapter';
import { ADAPTER_FIELDS } from '../../../domain/adapters/page-fields';

/** Where the practice champion's own adapters live in the extension's local storage (the options page writes them). */
export const ADAPTERS_KEY = 'adapters';

/**
 * The page adapters in force, for the content script, the background's start-up registration and the options page's
 * view alike: the organisation's policy list (storage.managed 'adapters', JSON text or a list) when it is set and every
 * entry is an adapter, otherwise the champion's own (a broken entry skipped, the others kept). As in the options page
 * (domain/settings/managed.ts) a policy list with a bad adapter is not applied at all, rather than applied in part.
 */
export async function loadChampionAdapters(): Promise<Adapter[]> {
  const fromPolicy = await policyAdapters();
  if (fromPolicy) return fromPolicy;
  const local = await browser.storage.local.get(ADAPTERS_KEY).catch(() => ({}) as Record<string, unknown>);
  return storedAdapters(local[ADAPTERS_KEY]);
}

async function policyAdapters(): Promise<Adapter[] | undefined> {
  try {
    const { adapters } = (await browser.storage.managed.get('adapters')) as { adapters?: unknown };
    if (adapters === undefined) return undefined;
    const list: unknown = typeof adapters === 'string' ? JSON.parse(adapters) : adapters;
    return Array.isArray(list) && list.every(isAdapterShape) ? list : undefined;
  } catch {
    // No managed storage (Firefox without a policy, tests) or policy text that is not JSON: the champion's own apply.
    return undefined;
  }
}

/**
 * The champion's adapters as stored, for the content script: a structural check by hand (no zod in the content script).
 * The options page validates fully with `adapterListSchema` before saving; here an entry of the wrong shape is skipped,
 * and a selector or pattern that does not parse only leaves its field unread (readPatient never throws on them).
 */
export function storedAdapters(value: unknown): Adapter[] {
  if (!Array.isArray(value)) return [];
  return value.filter(isAdapterShape);
}

function isAdapterShape(value: unknown): value is Adapter {
  if (typeof value !== 'object' || value === null) return false;
  const { id, name, matches, banner, fields } = value as Record<string, unknown>;
  if (typeof id !== 'string' || typeof name !== 'string' || typeof banner !== 'string' || banner === '') return false;
  if (!Array.isArray(matches) || matches.length === 0 || !matches.every((match) => typeof match === 'string')) {
    return false;
  }
  if (typeof fields !== 'object' || fields === null) return false;
  return Object.entries(fields).every(
    ([field, rule]) => (ADAPTER_FIELDS as readonly string[]).includes(field) && isRuleShape(rule),
  );
}

function isRuleShape(value: unknown): value is FieldRule {
  if (typeof value !== 'object' || value === null) return false;
  const { selector, label, pattern } = value as Record<string, unknown>;
  const optionalText = (text: unknown) => text === undefined || (typeof text === 'string' && text !== '');
  return optionalText(selector) && optionalText(label) && optionalText(pattern) && (!!selector || !!label);
}
