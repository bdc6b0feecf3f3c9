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
});
