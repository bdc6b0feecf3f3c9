import { describe, expect, it } from 'vitest';
import { stableJson } from './stable-json.js';

/** The definition the stored texts and hashes were made with: stringify a copy with sorted keys. */
function sortedCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortedCopy);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(value).sort()) {
    const v = (value as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = sortedCopy(v);
  }
  return out;
}
const reference = (value: unknown) => JSON.stringify(sortedCopy(value));

/** A small deterministic generator of awkward JSON-ish values. */
function* values(seed: number, count: number) {
  let s = seed;
  const rnd = () => ((s = (s * 1103515245 + 12345) % 2147483648) / 2147483648);
  const leaves = [0, -0, 1.5, -2e-7, 1e21, NaN, Infinity, -Infinity, '', 'Å "quoted" \\ \n\t\u0001 \u2028 😀', '\ud800', true, false, null, undefined, () => 1, new Date(0)];
  // Keys that JavaScript orders as numbers, and some that only look like numbers.
  const keys = ['b', 'a', 'ä', '10', '2', '0', '007', '-1', '1.5', '4294967294', '4294967295', 'key "q"', '__proto__x'];
  const make = (depth: number): unknown => {
    const r = rnd();
    if (depth > 3 || r < 0.4) return leaves[Math.floor(rnd() * leaves.length)];
    if (r < 0.7) return Array.from({ length: Math.floor(rnd() * 4) }, () => make(depth + 1));
    const o: Record<string, unknown> = {};
    for (let i = Math.floor(rnd() * 5); i > 0; i--) o[keys[Math.floor(rnd() * keys.length)]!] = make(depth + 1);
    return o;
  };
  for (let i = 0; i < count; i++) yield make(0);
}

describe('stableJson', () => {
  it('sorts keys at every depth and leaves undefined members out', () => {
    expect(stableJson({ b: 1, a: { d: [1, { z: 1, y: undefined }], c: 'x' } })).toBe('{"a":{"c":"x","d":[1,{"z":1}]},"b":1}');
  });

  it('gives exactly the text of JSON.stringify over a sorted copy, for thousands of awkward values', () => {
    for (const value of values(42, 5000)) {
      if (value === undefined || typeof value === 'function') continue;
      expect(stableJson(value)).toBe(reference(value));
    }
  });

  it('a list with holes and undefined, as JSON.stringify', () => {
    // eslint-disable-next-line no-sparse-arrays
    const holes = [1, , undefined, 3];
    expect(stableJson(holes)).toBe(reference(holes));
  });
});
