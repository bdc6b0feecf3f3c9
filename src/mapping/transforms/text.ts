import type { Result } from '../../kernel/result.js';
import { err, ok } from '../../kernel/result.js';

/** Text of a scalar source value; ids that arrive as numbers become their digits. Lists and objects are refused. */
export function toTextValue(value: unknown): Result<string, string> {
  if (typeof value === 'string') return ok(value.trim());
  if (typeof value === 'number') return Number.isFinite(value) ? ok(String(value)) : err('is not a finite number');
  if (typeof value === 'boolean') return ok(String(value));
  if (Array.isArray(value)) return err('is a list, not a text value');
  return err('is not a text value');
}

/** Compares scalars as text, so that the id 7 equals "7" and, when asked, "Public" equals "public". */
export function sameScalar(a: unknown, b: string | number | boolean, ignoreCase: boolean): boolean {
  if (a === null || a === undefined || typeof a === 'object') return false;
  const left = String(a).trim();
  const right = String(b).trim();
  return ignoreCase ? left.toLowerCase() === right.toLowerCase() : left === right;
}
