import type { z } from 'zod';
import { FORMAT_VERSION, type ServiceModel, serviceModelSchema } from './model';

/** One problem in a model file: where (a dotted path such as "agreement.agreedOn") and what is wrong. */
export type ModelFileError = { path: string; message: string };

export type ModelFileResult = { ok: true; model: ServiceModel } | { ok: false; errors: ModelFileError[] };

function located(issues: z.core.$ZodIssue[]): ModelFileError[] {
  return issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : '(the file)',
    message: describe(issue),
  }));
}

function describe(issue: z.core.$ZodIssue): string {
  switch (issue.code) {
    case 'unrecognized_keys':
      return `Unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `“${key}”`).join(', ')}: not part of the model format.`;
    case 'invalid_type':
      return issue.input === undefined
        ? 'This field is missing.'
        : `Expected ${issue.expected}, found ${typeName(issue.input)}.`;
    case 'invalid_value':
      return `Must be one of ${issue.values.map((value) => JSON.stringify(value)).join(', ')}.`;
    default:
      return issue.message;
  }
}

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value)}`;
}

/** Reads a model file's text. Never throws: a bad file gives errors that name the field and say what is wrong. */
export function readModelFile(text: string): ModelFileResult {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, errors: [{ path: '(the file)', message: `Not valid JSON: ${(error as Error).message}` }] };
  }
  return readModel(data);
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
  const parsed = serviceModelSchema.safeParse(data);
  return parsed.success ? { ok: true, model: parsed.data } : { ok: false, errors: located(parsed.error.issues) };
}

/** The file text for a model: stable key order, readable, ends with a newline. */
export function writeModelFile(model: ServiceModel): string {
  return `${JSON.stringify(model, null, 2)}\n`;
}
