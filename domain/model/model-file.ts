import type { z } from 'zod';
import { modelFromV1 } from './migrate';
import { FORMAT_VERSION, type ServiceModel, serviceModelSchema } from './model';
import { serviceModelV1Schema } from './model-v1';

/** One problem in a model file: where (a dotted path such as "agreement.agreedOn") and what is wrong. */
export type ModelFileError = { path: string; message: string };

export type ModelFileResult = { ok: true; model: ServiceModel } | { ok: false; errors: ModelFileError[] };

/** zod issues as located, plain-English errors (also used for settings files). */
export function located(issues: z.core.$ZodIssue[], data: unknown): ModelFileError[] {
  return issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(the file)',
    message: describe(issue, valueAt(data, issue.path)),
  }));
}

/** zod 4 leaves the offending value out of its issues unless asked; find it in the data, which is all we need. */
function valueAt(data: unknown, path: PropertyKey[]): unknown {
  let value = data;
  for (const key of path) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  number: 'a number',
  int: 'a whole number',
  boolean: 'true or false',
  object: 'an object',
  array: 'a list',
};

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `“${key}”`).join(', ')}: not part of the model format.`;
    case 'invalid_type':
      return value === undefined
        ? 'This field is missing.'
        : `Expected ${EXPECTED[issue.expected] ?? issue.expected}, found ${typeName(value)}.`;
    case 'invalid_value':
      if (issue.path.length === 1 && issue.path[0] === 'formatVersion') {
        const must = `must be ${FORMAT_VERSION} (or 1, the earlier format), the model file format this Social Prescribing Pad reads.`;
        return value === undefined ? `This field is missing: it ${must}` : `It ${must}`;
      }
      if (value === undefined) return 'This field is missing.';
      return `Must be one of ${issue.values.map((option) => JSON.stringify(option)).join(', ')}.`;
    case 'too_small':
    case 'too_big':
      return issue.message.startsWith('Too ') ? bound(issue) : issue.message;
    default:
      return issue.message;
  }
}

/** zod's own "Too small: expected string to have >=1 characters", said plainly; custom messages are kept. */
function bound(issue: z.core.$ZodIssueTooSmall | z.core.$ZodIssueTooBig): string {
  const limit = Number(issue.code === 'too_small' ? issue.minimum : issue.maximum);
  const least = issue.code === 'too_small';
  if (issue.origin === 'string') {
    if (least && limit === 1) return 'This must not be empty.';
    return `Use ${least ? 'at least' : 'at most'} ${limit} characters.`;
  }
  if (issue.origin === 'array' || issue.origin === 'set') {
    return `Give ${least ? 'at least' : 'at most'} ${limit} item${limit === 1 ? '' : 's'}.`;
  }
  return `Must be ${least ? 'at least' : 'at most'} ${limit}.`;
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value === 'string' ? 'text' : typeof value} ${JSON.stringify(value)}`;
}

/** JSON.parse's message, with the position turned into a line and column a champion can find in an editor. */
function jsonProblem(text: string, error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const position = /at position (\d+)/.exec(message);
  const cutShort = /end of JSON input/i.test(message) || Number(position?.[1]) >= text.trimEnd().length;
  if (!position || cutShort) {
    return cutShort ? 'Not valid JSON: the file ends too early (is it cut short?).' : `Not valid JSON: ${message}`;
  }
  const before = text.slice(0, Number(position[1]));
  const line = before.split('\n').length;
  const column = before.length - before.lastIndexOf('\n');
  const reason = message.replace(/\s*in JSON at position \d+.*$/s, '');
  return `Not valid JSON at line ${line}, column ${column}: ${reason}.`;
}

/** A file's text parsed as JSON, or the one error that says where it stops being JSON. Never throws. */
export function parseJsonFile(text: string): { ok: true; data: unknown } | { ok: false; errors: ModelFileError[] } {
  try {
    return { ok: true, data: JSON.parse(text) };
  } catch (error) {
    return { ok: false, errors: [{ path: '(the file)', message: jsonProblem(text, error) }] };
  }
}

/** Reads a model file's text. Never throws: a bad file gives errors that name the field and say what is wrong. */
export function readModelFile(text: string): ModelFileResult {
  const parsed = parseJsonFile(text);
  return parsed.ok ? readModel(parsed.data) : parsed;
}

/** Checks a model already parsed from JSON (or from storage). */
export function readModel(data: unknown): ModelFileResult {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, errors: [{ path: '(the file)', message: 'A model file holds one JSON object.' }] };
  }
  const formatVersion = (data as { formatVersion?: unknown }).formatVersion;
  if (typeof formatVersion === 'number' && formatVersion > FORMAT_VERSION) {
    return {
      ok: false,
      errors: [
        {
          path: 'formatVersion',
          message: `This file is format version ${formatVersion}, written by a newer Social Prescribing Pad; this one reads up to version ${FORMAT_VERSION}. Update the extension to open it.`,
        },
      ],
    };
  }
  if (formatVersion === 1) {
    // Checked as version 1 so that each error names the field where this file has it.
    const v1 = serviceModelV1Schema.safeParse(data);
    if (!v1.success) return { ok: false, errors: located(v1.error.issues, data) };
    return readModel(modelFromV1(v1.data));
  }
  const parsed = serviceModelSchema.safeParse(data);
  return parsed.success ? { ok: true, model: parsed.data } : { ok: false, errors: located(parsed.error.issues, data) };
}

/** The file text for a model, always in the current format: stable key order, readable, ends with a newline. */
export function writeModelFile(model: ServiceModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
