import type { Adapter, FieldRule } from './adapter';
import { splitName } from './name';
import { ADAPTER_FIELDS, PAGE_FIELDS, type PageField } from './page-fields';
import type { PatientContext } from './patient-context';
import { recordKeyFor } from './record-key';

const MAX_VALUE = 200;
/** Unread text is shown to the referrer beside the field: a long one is cut. */
const MAX_UNREAD = 80;
/** Text never read as a value: code, styles, and what the page hides. */
const SKIPPED = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE']);

/**
 * Reads the patient on screen with an adapter: the raw text of each field found, inside the adapter's banner. Gives
 * null when there is no banner, or when what it shows is too little to tell which patient this is (see recordKeyFor).
 * Pure: reads the DOM, changes nothing.
 */
export function readPatient(adapter: Adapter, document: Document): PatientContext | null {
  const banner = query(document, adapter.banner);
  if (!banner) return null;
  const read: Partial<Record<(typeof ADAPTER_FIELDS)[number], string>> = {};
  const unread: Partial<Record<PageField, string>> = {};
  for (const field of ADAPTER_FIELDS) {
    const rule = adapter.fields[field];
    const found = rule && readField(rule, banner);
    if (found?.value) read[field] = found.value;
    else if (found?.unread && (PAGE_FIELDS as readonly string[]).includes(field))
      unread[field as PageField] = found.unread;
  }
  const fields: Partial<Record<PageField, string>> = {};
  for (const field of PAGE_FIELDS) if (read[field]) fields[field] = read[field];
  if (read.name) {
    const { family, given } = splitName(read.name);
    if (family && !fields.family) fields.family = family;
    if (given && !fields.given) fields.given = given;
  }
  const recordKey = recordKeyFor(fields);
  if (!recordKey) return null;
  return {
    recordKey,
    adapterId: adapter.id,
    fields,
    ...(read.alerts ? { alerts: read.alerts } : {}),
    ...(Object.keys(unread).length > 0 ? { unread } : {}),
  };
}

/**
 * A field's value; or, where the rule finds text that its pattern does not match ("Born 12-Mar-50??"), that text as
 * `unread`, so the pad can say what it could not read rather than show nothing; undefined where nothing is found.
 */
function readField(rule: FieldRule, banner: Element): { value?: string; unread?: string } | undefined {
  let text: string | undefined;
  if (rule.selector !== undefined) {
    const element = query(banner, rule.selector);
    text = element ? shownValue(element) : undefined;
  } else if (rule.label !== undefined) {
    text = valueBesideLabel(banner, rule.label);
  }
  const found = text ? normalise(text) : '';
  if (!found) return undefined;
  const value = rule.pattern === undefined ? found : normalise(firstMatch(rule.pattern, found) ?? '');
  if (value) return value.length <= MAX_VALUE ? { value } : undefined;
  return { unread: found.length <= MAX_UNREAD ? found : `${found.slice(0, MAX_UNREAD - 1)}…` };
}

function firstMatch(pattern: string, text: string): string | undefined {
  try {
    const match = new RegExp(pattern).exec(text);
    return match ? (match[1] ?? match[0]) : undefined;
  } catch {
    return undefined;
  }
}

function query(root: ParentNode, selector: string): Element | null {
  try {
    return root.querySelector(selector);
  } catch {
    return null;
  }
}

function normalise(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/** Label text compared loosely: case, spacing, dots and a trailing colon do not matter ("D.O.B.:" is "dob"). */
function labelKey(text: string): string {
  return normalise(text).toLowerCase().replace(/\./g, '').replace(/\s*:$/, '').trim();
}

/** The text a person sees in an element (form controls by value), leaving out scripts, styles and hidden elements. */
function shownValue(element: Element): string {
  if (isFormControl(element)) return element.value;
  return visibleText(element);
}

function isFormControl(element: Element): element is HTMLInputElement | HTMLTextAreaElement | HTMLSelectElement {
  return element.tagName === 'INPUT' || element.tagName === 'TEXTAREA' || element.tagName === 'SELECT';
}

function visibleText(node: Node): string {
  let text = '';
  for (const child of Array.from(node.childNodes)) {
    if (child.nodeType === 3) text += child.nodeValue ?? '';
    else if (child.nodeType === 1 && isShown(child as Element)) text += ` ${visibleText(child)} `;
  }
  return text;
}

function isShown(element: Element): boolean {
  if (SKIPPED.has(element.tagName) || element.hasAttribute('hidden')) return false;
  const style = element.getAttribute('style') ?? '';
  return !/display\s*:\s*none|visibility\s*:\s*hidden/i.test(style);
}

/**
 * The value beside a label, trying in turn: an element whose whole text is the label (the value is the associated
 * control, the next cell or definition, or the next non-empty sibling — climbing out of wrappers that hold only the
 * label); an element labelled by aria-label or title; a text "Label: value" in one element.
 */
function valueBesideLabel(banner: Element, label: string): string | undefined {
  const wanted = label
    .split('|')
    .map(labelKey)
    .filter((key) => key !== '');
  const elements = Array.from(banner.querySelectorAll('*')).filter(isShown);

  for (const element of elements) {
    if (!wanted.includes(labelKey(visibleText(element)))) continue;
    if (Array.from(element.children).some((child) => wanted.includes(labelKey(visibleText(child))))) continue;
    const value = valueForLabelElement(element, banner);
    if (value) return value;
  }

  for (const element of elements) {
    const named = element.getAttribute('aria-label') ?? element.getAttribute('title');
    if (named && wanted.includes(labelKey(named))) {
      const value = normalise(shownValue(element));
      if (value) return value;
    }
  }

  for (const element of elements) {
    if (element.children.length > 0) continue;
    const text = normalise(visibleText(element));
    for (const key of wanted) {
      const value = afterLabel(text, key);
      if (value) return value;
    }
  }
  return undefined;
}

function afterLabel(text: string, key: string): string | undefined {
  const colon = text.indexOf(':');
  if (colon <= 0 || labelKey(text.slice(0, colon)) !== key) return undefined;
  return normalise(text.slice(colon + 1)) || undefined;
}

function valueForLabelElement(label: Element, banner: Element): string | undefined {
  if (label.tagName === 'LABEL') {
    const id = label.getAttribute('for');
    const control = id ? banner.ownerDocument.getElementById(id) : label.querySelector('input, select, textarea');
    if (control) return normalise(shownValue(control)) || undefined;
  }
  if (label.tagName === 'TH') {
    const below = cellBelow(label);
    if (below) return normalise(shownValue(below)) || undefined;
  }
  // "<b>NHS No:</b> 943 476 5919": the value is the text right after the label.
  const textAfter = textAfterLabel(label);
  if (textAfter) return textAfter;
  let current: Element | null = label;
  for (let depth = 0; current && current !== banner && depth < 4; depth++) {
    for (let next = current.nextElementSibling; next; next = next.nextElementSibling) {
      if (!isShown(next)) continue;
      const value = normalise(shownValue(next));
      if (value) return value;
    }
    const parent: Element | null = current.parentElement;
    // Climb only out of a wrapper that holds nothing but the label.
    if (!parent || labelKey(visibleText(parent)) !== labelKey(visibleText(current))) break;
    current = parent;
  }
  return undefined;
}

/** The text node(s) right after a label element, up to the next element. */
function textAfterLabel(label: Element): string | undefined {
  let text = '';
  for (let node = label.nextSibling; node && node.nodeType === 3; node = node.nextSibling) text += node.nodeValue ?? '';
  return normalise(text) || undefined;
}

/** For a header row of THs ("Born | NHS No."), the cell in the same column of the next row. */
function cellBelow(header: Element): Element | undefined {
  if (header.nextElementSibling?.tagName === 'TD') return header.nextElementSibling;
  const row = header.parentElement;
  if (row?.tagName !== 'TR') return undefined;
  const column = Array.from(row.children).indexOf(header);
  let next = row.nextElementSibling;
  if (!next && row.parentElement?.tagName === 'THEAD') {
    next = row.parentElement.nextElementSibling?.querySelector('tr') ?? null;
  }
  return next?.children[column];
}

/**
 * What an adapter reads on a page, field by field, before any check that it names one patient: for the options page's
 * live test, so a champion sees which rules find their value and which find nothing.
 */
export function readAdapterFields(
  adapter: Adapter,
  document: Document,
): { banner: boolean; fields: Partial<Record<(typeof ADAPTER_FIELDS)[number], string>> } {
  const banner = query(document, adapter.banner);
  const fields: Partial<Record<(typeof ADAPTER_FIELDS)[number], string>> = {};
  if (!banner) return { banner: false, fields };
  for (const field of ADAPTER_FIELDS) {
    const rule = adapter.fields[field];
    const value = rule && readField(rule, banner)?.value;
    if (value) fields[field] = value;
  }
  return { banner: true, fields };
}
