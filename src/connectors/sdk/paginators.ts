import { WmsyncError } from '../../kernel/errors.js';

/**
 * The ways the seed systems page a list, each as an async iterable of pages. A paginator only
 * walks; what a page holds and how a request is sent stay with the connector's client.
 */

/**
 * Pages where each request follows from the answer before it. The next request goes out as soon
 * as an answer is in, before its page is handed on, so that it travels while the consumer writes
 * this page: with the engine reading one page ahead as well, two requests are in flight, and a run
 * at 50 ms a call keeps the API busy (docs/benchmarks.md). At most one answer waits. A failure of
 * the next request, or of working out what it is, comes out when that page is wanted, as it would
 * have without asking early; a consumer that stops leaves it unread.
 */
async function* oneRequestAhead<A>(first: () => Promise<A>, after: (answer: A) => (() => Promise<A>) | undefined): AsyncGenerator<A> {
  let upcoming = first();
  for (;;) {
    const answer = await upcoming;
    let next: (() => Promise<A>) | undefined;
    try {
      next = after(answer);
    } catch (e) {
      yield answer;
      throw e;
    }
    if (next === undefined) {
      yield answer;
      return;
    }
    upcoming = next();
    upcoming.catch(() => undefined);
    yield answer;
  }
}

/** Page 1, 2, 3 … while the answer says there are more (MyCashflow's `meta.next`). */
export function pagesByNumber<P>(fetchPage: (page: number) => Promise<P>, hasMore: (page: P) => boolean): AsyncGenerator<P> {
  let number = 1;
  return oneRequestAhead(
    () => fetchPage(number),
    (page) => (hasMore(page) ? () => fetchPage(++number) : undefined),
  );
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
  let after = options.from ?? 0;
  const answers = oneRequestAhead(
    () => fetchPage(after),
    ({ items, last }) => {
      if (items.length === 0 || last) return undefined;
      const next = Math.max(...items.map((item) => keyOf(item) ?? 0));
      // A server that ignored the key would serve the same page forever.
      if (next <= after) throw new WmsyncError('system', `${options.what} did not page past ${after}`);
      after = next;
      return () => fetchPage(next);
    },
  );
  for await (const { items } of answers) if (items.length > 0) yield items;
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
  const seenKey = (item: T) => `${keyOf(item)}@${timeOf(item)}`;
  /** A request, with the records it will repeat from the page before (those at its start time). */
  const request = (start: string | undefined, page: number, atBoundary: Set<string>) => async () => ({ ...(await fetchPage(start, page)), start, page, atBoundary });
  const answers = oneRequestAhead(request(from, 1, new Set()), ({ items, hasMore, start, page, atBoundary }) => {
    if (!hasMore) return undefined;
    const last = items.length > 0 ? timeOf(items[items.length - 1]!) : undefined;
    // A later time starts afresh at page 1; a page all of one time turns the page and keeps its repeats.
    const [nextStart, nextPage, repeats] = last !== undefined && last !== start ? [last, 1, new Set<string>()] : [start, page + 1, new Set(atBoundary)];
    for (const item of items) if (timeOf(item) === nextStart) repeats.add(seenKey(item));
    return request(nextStart, nextPage, repeats);
  });
  for await (const { items, atBoundary } of answers) yield items.filter((item) => !atBoundary.has(seenKey(item)));
}

/** Follows the answer's link to the next page until there is none (JSON:API `links.next`). */
export function pagesByLink<P>(first: string, fetchPage: (url: string) => Promise<P>, nextOf: (page: P) => string | undefined): AsyncGenerator<P> {
  const visited = new Set<string>([first]);
  return oneRequestAhead(
    () => fetchPage(first),
    (page) => {
      const url = nextOf(page);
      if (url === undefined) return undefined;
      // A server whose link leads back would be walked forever.
      if (visited.has(url)) throw new WmsyncError('system', `the next-page link points back to ${url}`);
      visited.add(url);
      return () => fetchPage(url);
    },
  );
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
