/**
 * Writing a page into SQLite runs as one long chain of promise continuations, which starves the
 * event loop: an HTTP request that is only queued (undici sends on a later turn) would go out
 * after the page is written, and reading ahead would hide no latency. A few turns of the event
 * loop before handing out a page put the next call on the wire first (two sufficed on loopback).
 */
const turnsForTheNextCall = 3;
const turnOfTheEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Pages of `source`, each one asked for as soon as the previous one is handed out: the next
 * page's call is on the wire while this one is written, and no more than one page waits ahead,
 * so memory stays at two pages. An error fetching the next page comes out when that page is
 * wanted, after the current one is written, as it would without reading ahead.
 */
export async function* readAhead<T>(source: AsyncIterable<T>): AsyncGenerator<T> {
  const pages = source[Symbol.asyncIterator]();
  let next = pages.next();
  try {
    for (;;) {
      const page = await next;
      if (page.done) return;
      next = pages.next();
      // Seen by the `await` above on the next turn; unhandled only if the consumer stops first.
      next.catch(() => undefined);
      for (let i = 0; i < turnsForTheNextCall; i++) await turnOfTheEventLoop();
      yield page.value;
    }
  } finally {
    // Stopped early (an error writing, an abort): end the source once its pending call settles.
    await pages.return?.();
  }
}
