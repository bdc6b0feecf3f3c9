import type { Context } from 'hono';
import type { Collection, Entry } from '../../../src/connectors/sandbox/index.js';
import type { SearchMeta } from '../api.js';
import { ApiError } from './errors.js';
import { parseDatetime } from './time.js';

/** Query parameters as the API reads them; a bad value is a 400 naming the parameter [V P-OAS: 400 on search]. */

export function intParam(c: Context, name: string, bounds: { min: number; max?: number; fallback: number }): number;
export function intParam(c: Context, name: string, bounds: { min: number; max?: number }): number | undefined;
export function intParam(c: Context, name: string, bounds: { min: number; max?: number; fallback?: number }): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return bounds.fallback;
  const n = Number(raw);
  const max = bounds.max ?? Number.MAX_SAFE_INTEGER;
  if (!Number.isInteger(n) || n < bounds.min || n > max) throw new ApiError(400, `Must be an integer from ${bounds.min} to ${max}`, name);
  return n;
}

export function boolParam(c: Context, name: string): boolean | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (raw !== 'true' && raw !== 'false') throw new ApiError(400, 'Must be true or false', name);
  return raw === 'true';
}

/** An array parameter: comma-separated, repeated, or both [V P-OAS "array, comma-separated"]. */
function listValues(c: Context, name: string): string[] | undefined {
  const values = (c.req.queries(name) ?? []).flatMap((v) => v.split(',')).map((v) => v.trim()).filter(Boolean);
  return values.length ? values : undefined;
}

export function enumListParam<T extends string>(c: Context, name: string, allowed: readonly T[]): T[] | undefined {
  const values = listValues(c, name);
  const unknown = values?.find((v) => !allowed.includes(v as T));
  if (unknown !== undefined) throw new ApiError(400, `Unknown value "${unknown}"; one of ${allowed.join(', ')}`, name);
  return values as T[] | undefined;
}

export function intListParam(c: Context, name: string, max = 200): number[] | undefined {
  const values = listValues(c, name);
  if (!values) return undefined;
  if (values.length > max) throw new ApiError(400, `At most ${max} values`, name);
  const ids = values.map(Number);
  if (ids.some((n) => !Number.isInteger(n))) throw new ApiError(400, 'Must be integers', name);
  return ids;
}

/** A datetime without a zone, e.g. 2017-01-30T15:20:00 [V P-DEV-req]; a date alone means its midnight [G]. */
export function datetimeParam(c: Context, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  const ms = parseDatetime(raw);
  if (ms === undefined) throw new ApiError(400, `Must be a datetime like 2017-01-30T15:20:00, got "${raw}"`, name);
  return ms;
}

export function dateParam(c: Context, name: string): string | undefined {
  const raw = c.req.query(name);
  if (raw === undefined || raw === '') return undefined;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw) || Number.isNaN(Date.parse(raw))) throw new ApiError(400, `Must be a date like 2017-01-30, got "${raw}"`, name);
  return raw;
}

export interface Ordering<K extends string> {
  by: K;
  descending: boolean;
}

/** The first `orderBy…=ASC|DESC` parameter given among `names`, else the fallback [V P-OAS names; G: precedence]. */
export function orderParam<K extends string>(c: Context, names: Record<K, string>, fallback: Ordering<NoInfer<K>>): Ordering<K> {
  for (const [by, name] of Object.entries(names) as [K, string][]) {
    const raw = c.req.query(name);
    if (raw === undefined || raw === '') continue;
    const direction = raw.toUpperCase();
    if (direction !== 'ASC' && direction !== 'DESC') throw new ApiError(400, 'Must be ASC or DESC', name);
    return { by, descending: direction === 'DESC' };
  }
  return fallback;
}

/**
 * The batch GET rules [V P-DEV-ref]: up to 200 ids; one id answers an object, several a list
 * sorted by id without duplicates, holding only the ids that exist; none found → 404; over 200 → 400.
 */
export function batchResponse<T>(c: Context, raw: string, find: (id: number) => T | undefined, what: string): Response {
  const parts = raw.split(',').map((s) => s.trim());
  if (parts.length > 200) throw new ApiError(400, `At most 200 ids in one request, got ${parts.length}`, 'ids');
  const ids = [...new Set(parts.filter((s) => /^\d+$/.test(s)).map(Number))].sort((a, b) => a - b);
  const found = ids.flatMap((id) => {
    const record = find(id);
    return record === undefined ? [] : [record];
  });
  if (found.length === 0) throw new ApiError(404, `${what} ${raw} not found`);
  return c.json(parts.length === 1 ? found[0] : found);
}

export const searchMeta = (pageNumber: number, pageSize: number, resultCount: number, totalCount: number): SearchMeta =>
  ({ pageNumber, pageSize, resultCount, totalCount });

interface PageQuery {
  sort: 'id' | 'updated';
  descending: boolean;
  updatedFrom?: number;
  updatedTo?: number;
}

/**
 * A page of the records that match, continuing after `previousId` when given (higher ids in
 * ascending order, lower in descending [G: the notes leave previousId's direction open]).
 * totalCount counts every match, before the cursor, so that it does not shrink while paging.
 */
export function cursorPage<T>(
  collection: Collection<T>,
  query: PageQuery,
  matches: (entry: Entry<T>) => boolean,
  paging: { previousId: number; offset: number; limit: number },
): { items: T[]; total: number } {
  const { previousId, offset, limit } = paging;
  if (previousId === 0) return collection.query({ ...query, filter: matches, offset, limit });
  const after = (id: number) => (query.descending ? id < previousId : id > previousId);
  const { total } = collection.query({ ...query, filter: matches, offset: 0, limit: 0 });
  const { items } = collection.query({ ...query, filter: (e) => after(e.id) && matches(e), offset, limit });
  return { items, total };
}
