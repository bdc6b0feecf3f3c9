import type { ImportPage, SourceRecord } from './flows.js';

/** The later of two timestamps (ISO 8601 texts); an unreadable candidate is ignored. */
function laterTime(current: string | undefined, candidate: string | undefined): string | undefined {
  if (candidate === undefined || Number.isNaN(Date.parse(candidate))) return current;
  return current === undefined || Date.parse(candidate) > Date.parse(current) ? candidate : current;
}

/** The latest readable time among a page's items, each parsed once (a page holds hundreds). */
function latestTime<T>(items: T[], timeOf: (item: T) => string | undefined): string | undefined {
  let latest: string | undefined;
  let latestMs = -Infinity;
  for (const item of items) {
    const time = timeOf(item);
    const ms = time === undefined ? NaN : Date.parse(time);
    if (ms > latestMs) [latest, latestMs] = [time, ms];
  }
  return latest;
}

interface Stream<T> {
  pages: AsyncIterator<T[]>;
  /** The latest time read from this stream; undefined until a page with a readable time. */
  reached?: string;
  done: boolean;
}

/**
 * Several lists, each sorted by modification time ascending (one per status, say), read as one
 * import with a cursor after every page. The next page always comes from the list that is
 * furthest behind, and the cursor is the earliest time an unfinished list has reached: every list
 * has been read up to it, so it is safe to commit. A list is only read while it is the laggard, so
 * what any list holds past the cursor is its latest page: a crash re-reads at most one page per
 * list. A list whose times cannot be read holds the cursor back until it ends; once all have
 * ended, the cursor is the latest time read.
 */
export async function* pagesByTimeAcross<T>(
  lists: AsyncIterable<T[]>[],
  timeOf: (item: T) => string | undefined,
  toRecords: (page: T[]) => SourceRecord[],
): AsyncIterable<ImportPage> {
  const streams: Stream<T>[] = lists.map((list) => ({ pages: list[Symbol.asyncIterator](), done: false }));
  let committed: string | undefined;
  try {
    for (;;) {
      const open = streams.filter((s) => !s.done);
      if (open.length === 0) return;
      const laggard = open.reduce(furtherBehind);
      const next = await laggard.pages.next();
      if (next.done) laggard.done = true;
      else laggard.reached = laterTime(laggard.reached, latestTime(next.value, timeOf));
      const safe = safeCursor(streams);
      const cursor = safe !== undefined && safe !== committed ? safe : undefined;
      const records = next.done ? [] : toRecords(next.value);
      if (records.length === 0 && cursor === undefined) continue;
      committed = cursor ?? committed;
      yield { records, ...(cursor === undefined ? {} : { cursor }) };
    }
  } finally {
    // Stopped early (an error, an abort): the lists still open let go of their requests.
    await Promise.all(streams.filter((s) => !s.done).map((s) => s.pages.return?.()));
  }
}

/** A list not read yet is furthest behind of all. */
function furtherBehind<T>(a: Stream<T>, b: Stream<T>): Stream<T> {
  if (a.reached === undefined) return a;
  if (b.reached === undefined) return b;
  return Date.parse(b.reached) < Date.parse(a.reached) ? b : a;
}

function safeCursor<T>(streams: Stream<T>[]): string | undefined {
  const open = streams.filter((s) => !s.done);
  if (open.length === 0) return streams.reduce<string | undefined>((latest, s) => laterTime(latest, s.reached), undefined);
  if (open.some((s) => s.reached === undefined)) return undefined;
  return open.map((s) => s.reached!).reduce((a, b) => (Date.parse(b) < Date.parse(a) ? b : a));
}
