/**
 * A pure lookup remembered by its argument: a page of records names the same few languages or
 * countries again and again, and normalising a name each time showed in the import's profile.
 * Bounded, since the values come from outside.
 */
export function remembered<T extends object>(lookup: (value: string) => T, limit = 1000): (value: string) => T {
  const known = new Map<string, T>();
  return (value) => {
    const hit = known.get(value);
    if (hit !== undefined) return hit;
    const result = lookup(value);
    if (known.size < limit) known.set(value, result);
    return result;
  };
}
