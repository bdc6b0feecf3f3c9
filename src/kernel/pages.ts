/**
 * The one shape of every list the CLI prints with --json and the API answers: a page of items and
 * the cursor of the next page, `null` on the last one (pass it back as `after`).
 */
export interface ListPage<T> {
  items: T[];
  next: string | null;
}

/** A page as the WMS port returns it (`next` absent on the last page), in the list shape. */
export const listPage = <T>(page: { items: T[]; next?: string | null }): ListPage<T> => ({ items: page.items, next: page.next ?? null });

/** One list that is never long (connectors, goods owners of one hub) as a single page. */
export const wholeList = <T>(items: T[]): ListPage<T> => ({ items, next: null });

/**
 * A page of a list read whole and sorted by `keyOf` (ascending): the items after `after`, at most
 * `limit`. Numeric keys compare as numbers, so "after 9" continues with 10, not with nothing.
 */
export function pageAfter<T>(sorted: T[], keyOf: (item: T) => string | number, options: { limit: number; after?: string | undefined }): ListPage<T> {
  const { limit, after } = options;
  const start = after === undefined ? 0 : sorted.findIndex((item) => isAfter(keyOf(item), after));
  const rest = start < 0 ? [] : sorted.slice(start);
  const items = rest.slice(0, limit);
  return { items, next: rest.length > limit ? String(keyOf(items.at(-1)!)) : null };
}

const isAfter = (key: string | number, after: string): boolean => (typeof key === 'number' ? key > Number(after) : key > after);

/**
 * A page of a newest-first list read with one item more than `limit` (ids falling): the extra item
 * only says that older ones follow, from `next` (pass it back as `after`, "older than").
 */
export function newestFirstPage<T>(found: T[], limit: number, idOf: (item: T) => number): ListPage<T> {
  const items = found.slice(0, limit);
  return { items, next: found.length > limit ? String(idOf(items.at(-1)!)) : null };
}

/** `pageAfter` of a list in any order: sorted by its key first (as text, or as numbers). */
export function pageByKey<T>(items: T[], keyOf: (item: T) => string | number, options: { limit: number; after?: string | undefined }): ListPage<T> {
  const sorted = [...items].sort((a, b) => {
    const [x, y] = [keyOf(a), keyOf(b)];
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return pageAfter(sorted, keyOf, options);
}
