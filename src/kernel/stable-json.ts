/**
 * JSON with object keys sorted, so equal values give equal text (for change detection and hashes).
 * Written out directly rather than by copying the value with sorted keys and stringifying the
 * copy: an import makes this text for every record. The text is exactly what
 * `JSON.stringify` gives for that sorted copy (stored texts and hashes are compared with it), so
 * undefined object members are left out, undefined in a list is null, an object with no own
 * keys of its own (a Date, say) is {}, and keys that are list indexes ("2", "10") come first, by
 * number, as JavaScript orders an object's keys.
 */
export function stableJson(value: unknown): string {
  return write(value) as string;
}

function write(value: unknown): string | undefined {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return Number.isFinite(value) ? String(value) : 'null';
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      // As JSON.stringify: it does not serialise a BigInt.
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      // One string grown in place: cheaper than a list of parts joined (this runs per record).
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++) out += (i ? ',' : '') + (write(value[i]) ?? 'null');
        return `${out}]`;
      }
      let out = '{';
      for (const key of sortedKeys(value)) {
        const text = write((value as Record<string, unknown>)[key]);
        if (text !== undefined) out += (out.length > 1 ? ',' : '') + quotedKey(key) + ':' + text;
      }
      return `${out}}`;
    }
    default:
      // undefined, functions and symbols: left out of objects, null in lists.
      return undefined;
  }
}

/**
 * Keys quoted once: records of one kind repeat the same few keys. Bounded, since a record may
 * carry keys of its own (free-form attributes).
 */
const quoted = new Map<string, string>();
function quotedKey(key: string): string {
  let text = quoted.get(key);
  if (text === undefined) {
    text = JSON.stringify(key);
    if (quoted.size < 10_000) quoted.set(key, text);
  }
  return text;
}

/** A key JavaScript orders as a number: a list index, "0" to "4294967294", without leading zeros. */
const isIndex = (key: string) => startsWithDigit(key) && /^(?:0|[1-9]\d{0,9})$/.test(key) && Number(key) < 4294967295;
const startsWithDigit = (key: string) => {
  const c = key.charCodeAt(0);
  return c >= 48 && c <= 57;
};

/** Keys sorted, the indexes first by number: the order of an object built with sorted keys. */
function sortedKeys(value: object): string[] {
  const keys = Object.keys(value).sort();
  if (!keys.some(isIndex)) return keys;
  return [...keys.filter(isIndex).sort((a, b) => Number(a) - Number(b)), ...keys.filter((k) => !isIndex(k))];
}
