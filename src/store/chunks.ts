/**
 * Statements over many rows or keys, cut so that their texts repeat. SQLite prepares each text once
 * (src/store/database.ts keeps the prepared statements); a page of 334 rows, then one of 341, would
 * otherwise compile a new statement of two thousand parameters for every page, which showed in the
 * import's profile. So the runs have lengths from a small fixed set, and few runs: splitting by
 * binary digits (334 = 256 + 64 + 8 + 4 + 2) made five statements of one, which cost more than
 * the compiling saved where pages are always the same length (250 orders). 512 rows of our widest
 * tables stay far below either database's limit on bound parameters (SQLite's 32,766,
 * PostgreSQL's 65,535).
 */
const most = 512;
const step = 16;

/**
 * The rows one statement writes: runs of 512, then the rest in at most two, a multiple of 16 and
 * what is left (334 = 320 + 14): 47 lengths in all.
 */
export function* chunksOf<T>(items: readonly T[]): Generator<T[]> {
  let at = 0;
  for (; items.length - at >= most; at += most) yield items.slice(at, at + most);
  const even = items.length - at - ((items.length - at) % step);
  if (even > 0) yield items.slice(at, at + even);
  if (at + even < items.length) yield items.slice(at + even);
}

/**
 * The keys one `in (…)` looks up: runs of at most 512, each filled up to a multiple of 16 with its
 * last key again (a key twice in an `in` list finds the same rows): one statement per run, 32
 * lengths in all.
 */
export function* keyChunksOf<T>(keys: readonly T[]): Generator<T[]> {
  for (let at = 0; at < keys.length; at += most) {
    const run = keys.slice(at, at + most);
    while (run.length % step > 0) run.push(run[run.length - 1]!);
    yield run;
  }
}
