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
