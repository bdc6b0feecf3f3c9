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

/**
 * A dotted path's segments, split once: a mapping table names a few dozen paths and reads them
 * for every record of a run. Bounded, since a table can be edited at will.
 */
const splitPaths = new Map<string, readonly string[]>();
export function pathSegments(path: string): readonly string[] {
  let segments = splitPaths.get(path);
  if (!segments) {
    if (splitPaths.size >= 10_000) splitPaths.clear();
    splitPaths.set(path, (segments = path.split('.')));
  }
  return segments;
}

/** Reads a dotted path; a numeric segment indexes a list. Anything missing on the way is undefined. */
export function readSourcePath(source: unknown, path: string): unknown {
  let current: unknown = source;
  for (const segment of pathSegments(path)) {
    if (current === null || typeof current !== 'object') return undefined;
    if (Array.isArray(current)) {
      current = /^\d+$/.test(segment) ? current[Number(segment)] : undefined;
    } else {
      current = Object.hasOwn(current, segment) ? (current as Record<string, unknown>)[segment] : undefined;
    }
  }
  return current;
}
