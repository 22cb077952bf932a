import type { FhirExtension } from './bundle-schema';
import type { FhirProblem } from './problems';

export type ValueKey = 'valueString' | 'valueBoolean' | 'valueCode' | 'valuePositiveInt' | 'valueCoding';
export const VALUE_KEYS: ValueKey[] = ['valueString', 'valueBoolean', 'valueCode', 'valuePositiveInt', 'valueCoding'];

export type Coding = { system: string; code: string };

/**
 * What is read from the Bundle: the referral as input to referralSchema, where each referral field was found (so
 * that the schema's complaints point into the Bundle), and the problems met on the way.
 */
export type Reading = {
  input: Record<string, unknown>;
  patient: Record<string, unknown>;
  where: Map<string, string>;
  problems: FhirProblem[];
};

export function problem(reading: Reading, path: string, message: string): void {
  reading.problems.push({ path, message });
}

/** The one value[x] an extension (or sub-extension) must have, of the kind expected. */
export function extensionValue(
  reading: Reading,
  element: Partial<Record<ValueKey, unknown>>,
  key: ValueKey,
  path: string,
  what: string,
): unknown {
  const present = VALUE_KEYS.filter((candidate) => element[candidate] !== undefined);
  if (present.length !== 1 || present[0] !== key) {
    problem(reading, path, `${what} needs exactly one value, a ${key}.`);
    return undefined;
  }
  return element[key];
}

export function codeIn(
  reading: Reading,
  coding: unknown,
  system: string,
  path: string,
  what: string,
): string | undefined {
  const { system: found, code } = coding as Coding;
  if (found !== system) {
    problem(reading, path, `${what} must be coded from ${system}, not ${found}.`);
    return undefined;
  }
  return code;
}

export type SubSpec = { key: ValueKey; min: number; max: number };

/** Reads a complex extension: each named part with its value kind and how many times it may come. */
export function readComplex<Name extends string>(
  reading: Reading,
  extension: FhirExtension,
  path: string,
  what: string,
  spec: Record<Name, SubSpec>,
): Record<Name, { value: unknown; path: string }[]> {
  const found = Object.fromEntries(Object.keys(spec).map((name) => [name, []])) as unknown as Record<
    Name,
    { value: unknown; path: string }[]
  >;
  if (VALUE_KEYS.some((key) => extension[key] !== undefined) || !extension.extension?.length)
    problem(reading, path, `${what} has parts (extension), not a value of its own.`);
  (extension.extension ?? []).forEach((part, index) => {
    const partPath = `${path}.extension[${index}]`;
    if (!Object.hasOwn(spec, part.url)) {
      problem(reading, `${partPath}.url`, `${what} has no part called “${part.url}”.`);
      return;
    }
    const name = part.url as Name;
    const value = extensionValue(reading, part, spec[name].key, partPath, `${what}’s ${name}`);
    if (value !== undefined) found[name].push({ value, path: partPath });
  });
  for (const name of Object.keys(spec) as Name[]) {
    const { min, max } = spec[name];
    if (found[name].length < min) problem(reading, `${path}.extension`, `${what} has no ${name}.`);
    if (found[name].length > max) problem(reading, `${path}.extension`, `${what} has more than one ${name}.`);
  }
  return found;
}

/** Where the longest prefix of a referral path was read from, so a problem the referral schema finds points into the Bundle. */
export function locate(where: Map<string, string>, path: readonly PropertyKey[]): string {
  for (let length = path.length; length > 0; length--) {
    const found = where.get(path.slice(0, length).map(String).join('.'));
    if (found !== undefined) return found;
  }
  return '';
}
