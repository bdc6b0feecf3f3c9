import { ApiError } from '../../../src/connectors/sandbox/index.js';

/** A JSON:API resource as the simulator builds it before fieldsets are applied. */
export interface SimResource {
  type: string;
  id: string;
  attributes: Record<string, unknown>;
  relationships?: Record<string, { data: { type: string; id: string } | { type: string; id: string }[] | null }>;
}

export const ref = (type: string, id: number | string) => ({ type, id: String(id) });

/**
 * `fields[type]=a,b` keeps only the named attributes and relationships; a name the type does not
 * have is a 400, as mystore.no answers [V S21].
 */
export function applyFields(resource: SimResource, query: URLSearchParams): SimResource {
  const wanted = query.get(`fields[${resource.type}]`);
  if (wanted === null) return resource;
  const names = wanted.split(',').map((s) => s.trim()).filter(Boolean);
  const known = new Set([...Object.keys(resource.attributes), ...Object.keys(resource.relationships ?? {})]);
  const unknown = names.find((n) => !known.has(n));
  if (unknown) throw new ApiError(400, `Unknown field "${unknown}" for type ${resource.type}`, `fields[${resource.type}]`);
  const pick = <T>(record: Record<string, T> | undefined) => record && Object.fromEntries(Object.entries(record).filter(([k]) => names.includes(k)));
  return { ...resource, attributes: pick(resource.attributes)!, ...(resource.relationships ? { relationships: pick(resource.relationships)! } : {}) };
}

/** One document: `data` with its fieldsets, the `included` resources the `include` paths name (deduplicated). */
export function compound(data: SimResource[], include: string | null, related: (resource: SimResource, name: string) => SimResource[], query: URLSearchParams) {
  const included = new Map<string, SimResource>();
  const paths = (include ?? '').split(',').map((p) => p.trim()).filter(Boolean);
  for (const path of paths) {
    let level = data;
    for (const name of path.split('.')) {
      level = level.flatMap((r) => related(r, name));
      for (const r of level) included.set(`${r.type}/${r.id}`, r);
    }
  }
  return { data: data.map((r) => applyFields(r, query)), ...(included.size ? { included: [...included.values()].map((r) => applyFields(r, query)) } : {}) };
}

const operators: Record<string, (a: string | number, b: string | number) => boolean> = {
  eq: (a, b) => a === b,
  gt: (a, b) => a > b,
  gte: (a, b) => a >= b,
  lt: (a, b) => a < b,
  lte: (a, b) => a <= b,
};

/**
 * The three-part filters `filter[k][path|value|operator]` [V S20, S21]; times compare as instants,
 * so any ISO 8601 spelling of one works. An unknown attribute or operator is a 400.
 */
export function filterOf(query: URLSearchParams, type: string, attributes: readonly string[]): (attrs: Record<string, unknown>) => boolean {
  const keys = new Set<string>();
  for (const name of query.keys()) {
    const m = /^filter\[([^\]]+)\]\[(path|value|operator)\]$/.exec(name);
    if (m) keys.add(m[1]!);
  }
  const tests = [...keys].map((key) => {
    const path = query.get(`filter[${key}][path]`) ?? '';
    const value = query.get(`filter[${key}][value]`) ?? '';
    const operator = query.get(`filter[${key}][operator]`) ?? 'eq';
    if (!attributes.includes(path)) throw new ApiError(400, `Cannot filter ${type} on "${path}"`, `filter[${key}][path]`);
    const compare = operators[operator];
    if (!compare) throw new ApiError(400, `Unknown filter operator "${operator}"`, `filter[${key}][operator]`);
    const isTime = path.endsWith('_at');
    if (isTime && Number.isNaN(Date.parse(value))) throw new ApiError(400, `"${value}" is not a time`, `filter[${key}][value]`);
    return (attrs: Record<string, unknown>) => {
      const actual = attrs[path];
      if (actual === undefined || actual === null) return false;
      return isTime ? compare(Date.parse(String(actual)), Date.parse(value)) : compare(String(actual), value);
    };
  });
  return (attrs) => tests.every((t) => t(attrs));
}

/** `page[number]` (1-based) and `page[size]` (at most 100 [G]); `links.next` only while more pages exist, 404 past the end [I S21]. */
export function pageOf<T>(items: T[], query: URLSearchParams, self: string) {
  const number = Number(query.get('page[number]') ?? '1');
  const size = Math.min(Number(query.get('page[size]') ?? '25'), 100);
  if (!Number.isInteger(number) || number < 1 || !Number.isInteger(size) || size < 1) throw new ApiError(400, 'page[number] and page[size] must be positive integers', 'page');
  const last = Math.max(1, Math.ceil(items.length / size));
  if (number > last) throw new ApiError(404, `There is no page ${number}`);
  const link = (n: number) => {
    const url = new URL(self);
    url.searchParams.set('page[number]', String(n));
    url.searchParams.set('page[size]', String(size));
    return url.href;
  };
  return {
    items: items.slice((number - 1) * size, number * size),
    links: { self: link(number), first: link(1), last: link(last), ...(number < last ? { next: link(number + 1) } : {}) },
    meta: { total: items.length, current_page: number, per_page: size },
  };
}
