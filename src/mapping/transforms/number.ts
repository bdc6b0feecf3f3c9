import type { Result } from '../../kernel/result.js';
import { err, ok } from '../../kernel/result.js';

/**
 * Reads a number from a source value. Web shops and ERPs send amounts as numbers or as text, with a
 * decimal comma ("12,50") or thousands separators ("1 234,50", "1,234.50"); the last separator is
 * taken as the decimal one.
 */
export function parseNumber(value: unknown): Result<number, string> {
  if (typeof value === 'number') return Number.isFinite(value) ? ok(value) : err('is not a finite number');
  if (typeof value !== 'string') return err('is not a number');
  const compact = value.trim().replace(/[\s\u00a0']/g, '');
  const lastSeparator = Math.max(compact.lastIndexOf(','), compact.lastIndexOf('.'));
  const normalised =
    lastSeparator === -1
      ? compact
      : `${compact.slice(0, lastSeparator).replace(/[.,]/g, '')}.${compact.slice(lastSeparator + 1)}`;
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(normalised)) return err('is not a number');
  return ok(Number(normalised));
}

/** Removes binary floating-point noise from arithmetic: 19.9 * 3 is 59.7, not 59.699999999999996. */
export const withoutFloatNoise = (n: number): number => Number.parseFloat(n.toPrecision(15));

/** Rounds half away from zero, on the decimal digits as written (1.005 → 1.01). */
export function roundTo(n: number, decimals: number): number {
  const shifted = Math.round(Number(`${Math.abs(n)}e${decimals}`));
  const rounded = Number(`${shifted}e-${decimals}`);
  return n < 0 && rounded !== 0 ? -rounded : rounded;
}
