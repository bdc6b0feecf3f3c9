/**
 * Statements over many rows or keys, cut so that their texts repeat. SQLite prepares each text once
 * (src/store/database.ts keeps the prepared statements); a page of 334 rows, then one of 341, would
 * otherwise compile a new statement of two thousand parameters for every page, which showed in the
 * import's profile. So the runs have lengths from a fixed set: 512, then powers of two below it.
 * 512 rows of our widest tables stay far below either database's limit on bound parameters
 * (SQLite's 32,766, PostgreSQL's 65,535).
 */
const most = 512;

/** The rows one statement writes: runs of 512, then the rest by its binary digits (334 = 256 + 64 + 8 + 4 + 2). */
export function* chunksOf<T>(items: readonly T[]): Generator<T[]> {
  let at = 0;
  for (; items.length - at >= most; at += most) yield items.slice(at, at + most);
  for (let size = most / 2; size >= 1; size /= 2) {
    if (items.length - at < size) continue;
    yield items.slice(at, at + size);
    at += size;
  }
}

/**
 * The keys one `in (…)` looks up: runs of at most 512, each filled up to a power of two with its
 * last key again (a key twice in an `in` list finds the same rows), so one statement per run.
 */
export function* keyChunksOf<T>(keys: readonly T[]): Generator<T[]> {
  for (let at = 0; at < keys.length; at += most) {
    const run = keys.slice(at, at + most);
    let size = 1;
    while (size < run.length) size *= 2;
    while (run.length < size) run.push(run[run.length - 1]!);
    yield run;
  }
}
