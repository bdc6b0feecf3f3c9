import { describe, expect, it } from 'vitest';
import { acknowledgedBatches, pagesAfterKey, pagesByLink, pagesByNumber, pagesByTime } from './paginators.js';

const drain = async <T>(pages: AsyncIterable<T>): Promise<T[]> => {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
};

describe('paginators', () => {
  it('pages by number while the answer says there are more', async () => {
    const asked: number[] = [];
    const pages = await drain(pagesByNumber(async (n) => (asked.push(n), { items: [n], more: n < 3 }), (p) => p.more));
    expect(asked).toEqual([1, 2, 3]);
    expect(pages.map((p) => p.items)).toEqual([[1], [2], [3]]);
  });

  it('pages after the last key, ends on a short or empty page, and refuses a server that does not move', async () => {
    const rows = [1, 2, 3, 4, 5];
    const asked: number[] = [];
    const page = async (after: number) => {
      asked.push(after);
      const items = rows.filter((r) => r > after).slice(0, 2);
      return { items, last: items.length < 2 };
    };
    expect(await drain(pagesAfterKey(page, (r) => r, { what: 'test' }))).toEqual([[1, 2], [3, 4], [5]]);
    expect(asked).toEqual([0, 2, 4]);
    expect(await drain(pagesAfterKey(page, (r) => r, { from: 3, what: 'test' }))).toEqual([[4, 5]]);
    const stuck = pagesAfterKey(async () => ({ items: [1, 2], last: false }), (r) => r, { from: 2, what: 'GET /things' });
    await expect(drain(stuck)).rejects.toThrow('GET /things did not page past 2');
  });

  it('walks by time: starts each request at the last time, drops the boundary repeats, turns the page only on a page of one time', async () => {
    // Sorted by time; three records share 10:02, more than a page of two.
    const rows = [
      { id: 'a', t: '10:01' },
      { id: 'b', t: '10:02' },
      { id: 'c', t: '10:02' },
      { id: 'd', t: '10:02' },
      { id: 'e', t: '10:03' },
    ];
    const asked: [string | undefined, number][] = [];
    const page = async (from: string | undefined, n: number) => {
      asked.push([from, n]);
      const after = rows.filter((r) => from === undefined || r.t >= from);
      const items = after.slice((n - 1) * 2, n * 2);
      return { items, hasMore: after.length > n * 2 };
    };
    const pages = await drain(pagesByTime(page, (r) => r.t, (r) => r.id, undefined));
    expect(pages.flat().map((r) => r.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
    expect(asked).toEqual([[undefined, 1], ['10:02', 1], ['10:02', 2]]);
  });

  it('follows next links until there is none, and refuses a loop', async () => {
    const links: Record<string, string | undefined> = { '/p1': '/p2', '/p2': '/p3', '/p3': undefined };
    expect(await drain(pagesByLink('/p1', async (url) => url, (url) => links[url]))).toEqual(['/p1', '/p2', '/p3']);
    await expect(drain(pagesByLink('/a', async (url) => url, (url) => (url === '/a' ? '/b' : '/a')))).rejects.toThrow('points back to /a');
  });

  it('acknowledges a batch only when the next is asked for, so a consumer that stops leaves it unacknowledged', async () => {
    const queue = [[1, 2], [3]];
    const acked: number[][] = [];
    const batches = () => acknowledgedBatches(async () => queue[acked.length], async (b) => void acked.push(b));
    expect(await drain(batches())).toEqual([[1, 2], [3]]);
    expect(acked).toEqual([[1, 2], [3]]);
    acked.length = 0;
    for await (const batch of batches()) {
      expect(batch).toEqual([1, 2]);
      break;
    }
    expect(acked).toEqual([]);
  });

  describe('one request ahead', () => {
    const numbered = (asked: number[], fail?: number) =>
      pagesByNumber(
        async (n) => {
          asked.push(n);
          if (n === fail) throw new Error(`page ${n} failed`);
          return { n, more: n < 3 };
        },
        (p) => p.more,
      );

    it('asks for the next page as soon as an answer is in, before the consumer has the page', async () => {
      const asked: number[] = [];
      const seen: number[][] = [];
      for await (const page of numbered(asked)) seen.push([page.n, ...asked]);
      // When page 1 is handed on, page 2 is already asked for; nothing past the last page is.
      expect(seen).toEqual([
        [1, 1, 2],
        [2, 1, 2, 3],
        [3, 1, 2, 3],
      ]);
    });

    it('hands on the page before a failed request, and the failure when that page is wanted', async () => {
      const seen: number[] = [];
      await expect(
        (async () => {
          for await (const page of numbered([], 2)) seen.push(page.n);
        })(),
      ).rejects.toThrow('page 2 failed');
      expect(seen).toEqual([1]);
    });

    it('a consumer that stops leaves the request ahead unread, not unhandled', async () => {
      const unhandled: unknown[] = [];
      const onUnhandled = (e: unknown) => unhandled.push(e);
      process.on('unhandledRejection', onUnhandled);
      try {
        for await (const page of numbered([], 2)) if (page.n === 1) break;
        await new Promise((resolve) => setTimeout(resolve, 20));
      } finally {
        process.off('unhandledRejection', onUnhandled);
      }
      expect(unhandled).toEqual([]);
    });

    it('a loop in the next links comes out after the page that points back', async () => {
      const seen: string[] = [];
      await expect(
        (async () => {
          for await (const url of pagesByLink('/a', async (url) => url, (url) => (url === '/a' ? '/b' : '/a'))) seen.push(url);
        })(),
      ).rejects.toThrow('points back to /a');
      expect(seen).toEqual(['/a', '/b']);
    });

    it('walks by time with each request started from the answer before: the same pages and requests as waiting for each page', async () => {
      const rows = Array.from({ length: 9 }, (_, i) => ({ id: `r${i}`, t: `10:0${Math.floor(i / 4)}` }));
      const asked: [string | undefined, number][] = [];
      const pages: string[][] = [];
      const walk = pagesByTime(
        async (from: string | undefined, n: number) => {
          asked.push([from, n]);
          const after = rows.filter((r) => from === undefined || r.t >= from);
          return { items: after.slice((n - 1) * 3, n * 3), hasMore: after.length > n * 3 };
        },
        (r) => r.t,
        (r) => r.id,
        undefined,
      );
      for await (const page of walk) pages.push(page.map((r) => r.id));
      expect(pages).toEqual([['r0', 'r1', 'r2'], [], ['r3', 'r4', 'r5'], ['r6'], ['r7', 'r8']]);
      // What the walk asked before it asked ahead (compared with it on seven shapes of list).
      expect(asked).toEqual([
        [undefined, 1],
        ['10:00', 1],
        ['10:00', 2],
        ['10:01', 1],
        ['10:01', 2],
      ]);
    });
  });
});
