import { describe, expect, it } from 'vitest';
import { chunksOf, keyChunksOf } from './chunks.js';

const range = (n: number) => Array.from({ length: n }, (_, i) => i);

describe('chunksOf', () => {
  it('keeps every row once, in order, in runs whose lengths come from a fixed set', () => {
    for (const n of [0, 1, 2, 3, 255, 334, 512, 513, 1100]) {
      const runs = [...chunksOf(range(n))];
      expect(runs.flat()).toEqual(range(n));
      for (const run of runs) expect(run.length % 16 === 0 || run.length < 16).toBe(true);
      expect(runs.length).toBeLessThanOrEqual(Math.floor(n / 512) + 2);
    }
    expect([...chunksOf(range(334))].map((r) => r.length)).toEqual([320, 14]);
    expect([...chunksOf(range(250))].map((r) => r.length)).toEqual([240, 10]);
    expect([...chunksOf(range(1100))].map((r) => r.length)).toEqual([512, 512, 64, 12]);
    expect([...chunksOf(range(32))].map((r) => r.length)).toEqual([32]);
  });
});

describe('keyChunksOf', () => {
  it('looks every key up, in one run per 512, each filled to a multiple of 16 with its last key', () => {
    expect([...keyChunksOf([])]).toEqual([]);
    expect([...keyChunksOf(['a', 'b', 'c'])]).toEqual([['a', 'b', 'c', ...Array(13).fill('c')]]);
    const runs = [...keyChunksOf(range(700))];
    expect(runs.map((r) => r.length)).toEqual([512, 192]);
    expect(new Set(runs.flat())).toEqual(new Set(range(700)));
    expect(runs[1]!.slice(187)).toEqual(Array(5).fill(699));
  });
});
