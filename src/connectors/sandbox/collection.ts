/**
 * An in-memory table kept sorted two ways, by id and by update time, so that a sandbox answers
 * "page 400 of 100,000 records sorted by updated_at" by slicing instead of sorting per request.
 */
export interface Entry<T> {
  id: number;
  /** Epoch milliseconds of the record's last change. */
  updatedMs: number;
  value: T;
}

/** An entry whose value is built on first read and kept: a large store then costs only what is read. */
export function lazyEntry<T>(id: number, updatedMs: number, load: () => T): Entry<T> {
  let loaded: { value: T } | undefined;
  return {
    id,
    updatedMs,
    get value(): T {
      loaded ??= { value: load() };
      return loaded.value;
    },
  };
}

export interface CollectionQuery<T> {
  sort: 'id' | 'updated';
  descending?: boolean;
  /** Inclusive bounds in epoch ms; answered by binary search when sorting by update time. */
  updatedFrom?: number;
  updatedTo?: number;
  filter?: (entry: Entry<T>) => boolean;
  offset: number;
  limit: number;
}

export interface CollectionPage<T> {
  items: T[];
  /** How many records match, over all pages. */
  total: number;
}

const byUpdate = (a: Entry<unknown>, b: Entry<unknown>) => a.updatedMs - b.updatedMs || a.id - b.id;

export class Collection<T> {
  private readonly byId: Entry<T>[];
  private readonly byUpdated: Entry<T>[];
  private readonly index = new Map<number, Entry<T>>();

  /** Bulk load, faster than add() one by one: sorts once. */
  constructor(entries: Entry<T>[] = []) {
    for (const entry of entries) this.index.set(entry.id, entry);
    this.byId = [...this.index.values()].sort((a, b) => a.id - b.id);
    this.byUpdated = [...this.byId].sort(byUpdate);
  }

  get size(): number {
    return this.byId.length;
  }

  get lastId(): number {
    return this.byId.at(-1)?.id ?? 0;
  }

  get(id: number): T | undefined {
    return this.index.get(id)?.value;
  }

  values(): T[] {
    return this.byId.map((e) => e.value);
  }

  add(id: number, updatedMs: number, value: T): void {
    if (this.index.has(id)) throw new Error(`id ${id} exists`);
    const entry: Entry<T> = { id, updatedMs, value };
    this.index.set(id, entry);
    this.byId.splice(lowerBound(this.byId, entry, (a, b) => a.id - b.id), 0, entry);
    this.byUpdated.splice(lowerBound(this.byUpdated, entry, byUpdate), 0, entry);
  }

  /** Moves a record to its new place in update order. */
  touch(id: number, updatedMs: number): void {
    const entry = this.index.get(id);
    if (!entry) throw new Error(`no id ${id}`);
    this.byUpdated.splice(lowerBound(this.byUpdated, entry, byUpdate), 1);
    entry.updatedMs = updatedMs;
    this.byUpdated.splice(lowerBound(this.byUpdated, entry, byUpdate), 0, entry);
  }

  /** O(page) without a filter; one pass over the candidates with one, never a sort. */
  query(q: CollectionQuery<T>): CollectionPage<T> {
    const from = q.updatedFrom ?? -Infinity;
    const to = q.updatedTo ?? Infinity;
    let rows: Entry<T>[] = this.byId;
    let lo = 0;
    let hi = rows.length;
    let filter = q.filter;
    if (q.sort === 'updated') {
      rows = this.byUpdated;
      lo = lowerBound(rows, probe(-Infinity, from), byUpdate);
      hi = lowerBound(rows, probe(Infinity, to), byUpdate);
    } else if (q.updatedFrom !== undefined || q.updatedTo !== undefined) {
      const inner = filter;
      filter = (e) => e.updatedMs >= from && e.updatedMs <= to && (!inner || inner(e));
    }
    const at = (i: number) => rows[q.descending ? hi - 1 - (i - lo) : i] as Entry<T>;
    if (!filter) {
      const items: T[] = [];
      for (let i = lo + q.offset; i < Math.min(hi, lo + q.offset + q.limit); i++) items.push(at(i).value);
      return { items, total: Math.max(0, hi - lo) };
    }
    const items: T[] = [];
    let total = 0;
    for (let i = lo; i < hi; i++) {
      const entry = at(i);
      if (!filter(entry)) continue;
      if (total >= q.offset && items.length < q.limit) items.push(entry.value);
      total++;
    }
    return { items, total };
  }
}

/** A key-only entry to search for; its value is never read. */
const probe = <T>(id: number, updatedMs: number) => ({ id, updatedMs }) as Entry<T>;

/** First index whose element is not less than `probe`. */
function lowerBound<E>(rows: readonly E[], probe: E, compare: (a: E, b: E) => number): number {
  let lo = 0;
  let hi = rows.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(rows[mid] as E, probe) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
