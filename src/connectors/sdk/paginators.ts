import { WmsyncError } from '../../kernel/errors.js';

/**
 * The ways the seed systems page a list, each as an async iterable of pages. A paginator only
 * walks; what a page holds and how a request is sent stay with the connector's client.
 */

/** Page 1, 2, 3 … while the answer says there are more (MyCashflow's `meta.next`). */
export async function* pagesByNumber<P>(fetchPage: (page: number) => Promise<P>, hasMore: (page: P) => boolean): AsyncGenerator<P> {
  for (let number = 1; ; number++) {
    const page = await fetchPage(number);
    yield page;
    if (!hasMore(page)) return;
  }
}

/**
 * Keyset paging: each request continues after the last key seen (Procountor's `previousId`).
 * Unlike page numbers, it cannot skip a record when another enters the filtered set mid-walk.
 */
export async function* pagesAfterKey<T>(
  fetchPage: (after: number) => Promise<{ items: T[]; last: boolean }>,
  keyOf: (item: T) => number | undefined,
  options: { from?: number; what: string },
): AsyncGenerator<T[]> {
  for (let after = options.from ?? 0; ; ) {
    const { items, last } = await fetchPage(after);
    if (items.length > 0) yield items;
    if (items.length === 0 || last) return;
    const next = Math.max(...items.map((item) => keyOf(item) ?? 0));
    // A server that ignored the key would serve the same page forever.
    if (next <= after) throw new WmsyncError('system', `${options.what} did not page past ${after}`);
    after = next;
  }
}

/**
 * A list sorted by modification time ascending, walked by time (ADR 5): each request starts at the
 * last time seen. With page numbers, a record changed mid-walk moves to the end and pushes another
 * across a page boundary, unseen; walking by time cannot skip one. The records at the boundary
 * time come back once more and are dropped by key and time; only when a whole page shares one time
 * does the walk turn the page number.
 */
export async function* pagesByTime<T>(
  fetchPage: (from: string | undefined, page: number) => Promise<{ items: T[]; hasMore: boolean }>,
  timeOf: (item: T) => string | undefined,
  keyOf: (item: T) => string,
  from: string | undefined,
): AsyncGenerator<T[]> {
  let page = 1;
  let atBoundary = new Set<string>();
  const seenKey = (item: T) => `${keyOf(item)}@${timeOf(item)}`;
  for (;;) {
    const { items, hasMore } = await fetchPage(from, page);
    yield items.filter((item) => !atBoundary.has(seenKey(item)));
    if (!hasMore) return;
    const last = items.length > 0 ? timeOf(items[items.length - 1]!) : undefined;
    if (last !== undefined && last !== from) {
      from = last;
      page = 1;
      atBoundary = new Set();
    } else {
      page += 1;
    }
    for (const item of items) if (timeOf(item) === from) atBoundary.add(seenKey(item));
  }
}

/** Follows the answer's link to the next page until there is none (JSON:API `links.next`). */
export async function* pagesByLink<P>(first: string, fetchPage: (url: string) => Promise<P>, nextOf: (page: P) => string | undefined): AsyncGenerator<P> {
  const visited = new Set<string>();
  for (let url: string | undefined = first; url !== undefined; ) {
    // A server whose link leads back would be walked forever.
    if (visited.has(url)) throw new WmsyncError('system', `the next-page link points back to ${url}`);
    visited.add(url);
    const page = await fetchPage(url);
    yield page;
    url = nextOf(page);
  }
}

/**
 * A queue the system empties as its batches are acknowledged (Specter): read a batch, hand it
 * on, and acknowledge it only when the consumer asks for the next, that is once it has written
 * the batch. A crash before that leaves the batch in the queue, to be read again.
 */
export async function* acknowledgedBatches<B>(read: () => Promise<B | undefined>, acknowledge: (batch: B) => Promise<void>): AsyncGenerator<B> {
  for (;;) {
    const batch = await read();
    if (batch === undefined) return;
    yield batch;
    await acknowledge(batch);
  }
}
