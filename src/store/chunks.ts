/**
 * A list in runs of at most `size`: the rows one statement writes, or the keys one `in (…)` looks
 * up. 500 rows of our widest tables stay far below either database's limit on bound parameters
 * (SQLite's 32,766, PostgreSQL's 65,535).
 */
export function* chunksOf<T>(items: readonly T[], size = 500): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}
