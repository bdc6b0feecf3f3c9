import type { Context } from 'hono';
import type { Collection, Entry } from '../../../src/connectors/sandbox/index.js';
import type { Meta } from '../api.js';
import { ApiError } from './errors.js';

/** Default page size [G: 50]; a size above the resource's maximum is refused, not clamped [G]. */
export const defaultPageSize = 50;

export interface ListSpec<T> {
  collection: Collection<T>;
  maxPageSize: number;
  /** The timestamp field that `sort` and `<field>-from/-to` use: updated_at, or changed_at. */
  timeField: string;
  /** Enables `created_at-from/-to`. */
  createdMs?: (value: T) => number;
  /** Resource-specific filters, e.g. status. */
  filter?: (value: T) => boolean;
  serialize: (value: T) => unknown;
}

const positiveInt = (name: string, raw: string | undefined, fallback: number, max = Infinity): number => {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > max) throw new ApiError(400, `${name} must be an integer from 1 to ${max}`);
  return n;
};

/** ISO 8601 timestamps [V S33, S34]. A "+" sent unencoded arrives as a space and is refused. */
export function timeParam(c: Context, name: string): number | undefined {
  const raw = c.req.query(name);
  if (raw === undefined) return undefined;
  const ms = Date.parse(raw);
  if (Number.isNaN(ms)) throw new ApiError(400, `${name} must be an ISO 8601 timestamp, got "${raw}"`);
  return ms;
}

/** The comma list of `expand` [V S33, S34]; unknown names are ignored [G]. */
export const expandParam = (c: Context): Set<string> =>
  new Set((c.req.query('expand') ?? '').split(',').map((s) => s.trim()).filter(Boolean));

/** The list envelope {data, meta}; `meta.next` only when another page exists [V S33, S34]. */
export function listResponse<T>(c: Context, spec: ListSpec<T>): Response {
  const page = positiveInt('page', c.req.query('page'), 1);
  const pageSize = positiveInt('page_size', c.req.query('page_size'), defaultPageSize, spec.maxPageSize);
  const sort = c.req.query('sort') ?? 'id-asc';
  const sorts = ['id-asc', 'id-desc', `${spec.timeField}-asc`, `${spec.timeField}-desc`];
  if (!sorts.includes(sort)) throw new ApiError(400, `sort must be one of ${sorts.join(', ')}`);
  const ids = idParam(c);
  const createdFrom = timeParam(c, 'created_at-from');
  const createdTo = timeParam(c, 'created_at-to');
  const filters: ((e: Entry<T>) => boolean)[] = [];
  if (ids) filters.push((e) => ids.has(e.id));
  if (spec.createdMs && (createdFrom !== undefined || createdTo !== undefined)) {
    const createdMs = spec.createdMs;
    filters.push((e) => createdMs(e.value) >= (createdFrom ?? -Infinity) && createdMs(e.value) <= (createdTo ?? Infinity));
  }
  if (spec.filter) {
    const filter = spec.filter;
    filters.push((e) => filter(e.value));
  }
  const { items, total } = spec.collection.query({
    sort: sort.startsWith('id-') ? 'id' : 'updated',
    descending: sort.endsWith('-desc'),
    updatedFrom: timeParam(c, `${spec.timeField}-from`),
    updatedTo: timeParam(c, `${spec.timeField}-to`),
    filter: filters.length ? (e) => filters.every((f) => f(e)) : undefined,
    offset: (page - 1) * pageSize,
    limit: pageSize,
  });
  const pageCount = Math.max(1, Math.ceil(total / pageSize));
  const meta: Meta = { page, page_size: pageSize, page_count: pageCount, item_count: total };
  if (page < pageCount) {
    const next = new URL(c.req.url);
    next.searchParams.set('page', String(page + 1));
    meta.next = next.toString();
  }
  return c.json({ data: items.map(spec.serialize), meta });
}

/** `id=1,2,3` [V S33 for products; G for the other lists]. */
function idParam(c: Context): Set<number> | undefined {
  const raw = c.req.query('id');
  if (raw === undefined) return undefined;
  const ids = raw.split(',').map((s) => Number(s.trim()));
  if (ids.some((n) => !Number.isInteger(n))) throw new ApiError(400, `id must be a comma list of integers, got "${raw}"`);
  return new Set(ids);
}

/** A path id: 404 rather than 400 for a non-number, as for an id that does not exist [G]. */
export function pathId(c: Context, name: string): number {
  const n = Number(c.req.param(name));
  if (!Number.isInteger(n)) throw new ApiError(404, `No such resource: ${c.req.param(name) ?? ''}`);
  return n;
}
