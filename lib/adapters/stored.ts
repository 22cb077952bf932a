import type { Adapter, FieldRule } from './adapter';
import { ADAPTER_FIELDS } from './page-fields';

/** Where the practice champion's own adapters live in the extension's local storage (the options page writes them). */
export const ADAPTERS_KEY = 'adapters';

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
