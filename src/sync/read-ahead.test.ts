import { describe, expect, it } from 'vitest';
import { readAhead } from './read-ahead.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('readAhead', () => {
  it('asks for the next page while the current one is being handled, never two ahead', async () => {
    const log: string[] = [];
    async function* pages() {
      for (let i = 1; i <= 3; i++) {
        log.push(`fetch ${i}`);
        await tick();
        yield i;
      }
    }
    for await (const page of readAhead(pages())) {
      await tick();
      log.push(`write ${page}`);
    }
    expect(log).toEqual(['fetch 1', 'fetch 2', 'write 1', 'fetch 3', 'write 2', 'write 3']);
  });

  it('hands on a failed fetch of the next page only after the current page is handled', async () => {
    const written: number[] = [];
    async function* pages() {
      yield 1;
      throw new Error('page 2 answered 500');
    }
    const consume = async () => {
      for await (const page of readAhead(pages())) {
        await tick();
        written.push(page);
      }
    };
    await expect(consume()).rejects.toThrow('page 2 answered 500');
    expect(written).toEqual([1]);
  });

  it('ends the source when the consumer stops early', async () => {
    let ended = false;
    async function* pages() {
      try {
        for (let i = 1; ; i++) yield i;
      } finally {
        ended = true;
      }
    }
    for await (const page of readAhead(pages())) if (page === 2) break;
    expect(ended).toBe(true);
  });
});

describe('readAhead over HTTP', () => {
  it('puts the next call on the wire before a page is written, though the writing never yields to the event loop', async () => {
    const { createServer } = await import('node:http');
    const arrivals: number[] = [];
    const server = createServer((_req, res) => {
      arrivals.push(performance.now());
      res.end('{}');
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const { port } = server.address() as { port: number };
    try {
      async function* pages() {
        for (let i = 1; i <= 2; i++) {
          await (await fetch(`http://127.0.0.1:${port}/page/${i}`)).text();
          yield i;
        }
      }
      let firstWritten = 0;
      for await (const page of readAhead(pages())) {
        if (page !== 1) continue;
        // A page written into SQLite: synchronous work, and promise continuations only.
        const until = performance.now() + 300;
        while (performance.now() < until) await Promise.resolve();
        firstWritten = performance.now();
      }
      expect(arrivals).toHaveLength(2);
      expect(arrivals[1]!).toBeLessThan(firstWritten - 200);
    } finally {
      server.close();
    }
  });
});
