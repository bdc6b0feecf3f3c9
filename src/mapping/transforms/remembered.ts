/**
 * A pure lookup remembered by its argument: a page of records names the same few languages or
 * countries again and again, and normalising a name each time showed in the import's profile.
 * Bounded, since the values come from outside.
 */
export function remembered<T>(lookup: (value: string) => T, limit = 1000): (value: string) => T {
  const known = new Map<string, T>();
  return (value) => {
    if (known.has(value)) return known.get(value) as T;
    const result = lookup(value);
    if (known.size < limit) known.set(value, result);
    return result;
  };
}
