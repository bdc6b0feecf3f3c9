/**
 * What counts as "no value" in a source record: absent, null, blank text or an empty list.
 * Such values are skipped by `firstOf` and `join` and never written to the canonical record, so a
 * blank field in the source never overwrites anything with "".
 */
export function isEmpty(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

/** Reads a dotted path; a numeric segment indexes a list. Anything missing on the way is undefined. */
export function readSourcePath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const segment of path.split('.')) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    } else {
      current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return current;
}
