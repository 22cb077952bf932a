/** The value at a dotted path of a plain object ("scope.outOfScopeRoute.service"). */
export function valueAt(data: unknown, path: string): unknown {
  let value = data;
  for (const key of path.split('.')) {
    if (typeof value !== 'object' || value === null) return undefined;
    value = (value as Record<string, unknown>)[key];
  }
  return value;
}

/** A copy of `data` with the value at a dotted path replaced; the original is not changed. */
export function withValueAt<T>(data: T, path: string, value: unknown): T {
  const copy = structuredClone(data);
  const keys = path.split('.');
  let target = copy as Record<string, unknown>;
  for (const key of keys.slice(0, -1)) target = target[key] as Record<string, unknown>;
  target[keys[keys.length - 1] as string] = value;
  return copy;
}
