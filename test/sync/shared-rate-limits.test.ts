import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { sql } from 'kysely';
import type { KyselyPlugin, PluginTransformQueryArgs, RootOperationNode } from 'kysely';
import { ManualTimer } from '../../src/connectors/http/fixtures/manual-timer.js';
import { sharedRateLimiters } from '../../src/sync/shared-rate-limits.js';
import { dialectsUnderTest, openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** Counts the statements a database handle sends, and can make them fail as an unreachable store would. */
class StatementCounter implements KyselyPlugin {
  updates = 0;
  failing: Error | undefined;
  transformQuery({ node }: PluginTransformQueryArgs): RootOperationNode {
    if (this.failing) throw this.failing;
    if (node.kind === 'UpdateQueryNode') this.updates++;
    return node;
  }
  transformResult = async <T>({ result }: { result: T }) => result;
}

describe.each(dialectsUnderTest())('rate limits shared through the database on %s', (dialect) => {
  let store: TestStore;
  const key = 'mycashflow:https://shop.example:api@example.com';
  /** Where the hand-moved database clock starts: a time of today, as the real one reads. */
  const epoch = Date.parse('2026-12-03T08:00:00Z');

  beforeEach(async () => {
    store = await openTestStore(dialect);
  });
  afterEach(() => store?.drop());

  /** Two processes: each its own registry over the one database, with time moved by hand (every sleep jumps it). */
  const twoProcesses = () => {
    const timer = new ManualTimer(true);
    const options = { db: store.db, dialect, timer, now: () => epoch + timer.now() };
    return { timer, a: sharedRateLimiters(options), b: sharedRateLimiters(options) };
  };

  it('shares one burst and one rate between the processes of a credential', async () => {
    const { timer, a, b } = twoProcesses();
    const limits = { perSecond: 10, burst: 2 };
    await a.get(key, limits).acquire();
    await b.get(key, limits).acquire();
    expect(timer.slept).toEqual([]);
    // The burst is spent by the two together: each next call waits for a token of the shared rate.
    await a.get(key, limits).acquire();
    await b.get(key, limits).acquire();
    expect(timer.slept).toEqual([100, 100]);
    // Another credential has a bucket of its own.
    await b.get('mycashflow:https://other.example:api@example.com', limits).acquire();
    expect(timer.slept).toEqual([100, 100]);
    // The key is stored hashed: it may hold a user name the integration keeps secret.
    const rows = await store.db.selectFrom('rate_limit_buckets').select('key').execute();
    expect(rows).toHaveLength(2);
    expect(rows.map((r) => r.key).join()).not.toContain('example');
  });

  it('applies the limits of the latest settings to the shared row', async () => {
    const { timer, a, b } = twoProcesses();
    await a.get(key, { perSecond: 10, burst: 1 }).acquire();
    await b.get(key, { perSecond: 2, burst: 1 }).acquire();
    expect(timer.slept).toEqual([500]);
  });

  it('never moves the row back in time for a take that read the clock before it waited for the row', async () => {
    const timer = new ManualTimer(true);
    const a = sharedRateLimiters({ db: store.db, dialect, timer, now: () => epoch + timer.now() });
    // B's statements read the clock 50 ms before they get the row, as one that waited for A's lock.
    const b = sharedRateLimiters({ db: store.db, dialect, timer, now: () => epoch + timer.now() - 50 });
    const limits = { perSecond: 10, burst: 1 };
    await a.get(key, limits).acquire();
    await b.get(key, limits).acquire();
    // Had B's first take set the row back 50 ms, its second would have been given those 50 ms again.
    expect(timer.slept).toEqual([100, 50]);
    // A clock set back for real (further than any wait for a row) is followed, not waited out, and
    // a pause in the row moves back with it.
    const other = 'procountor:https://api.example:client';
    await a.get(other, limits).acquire();
    a.get(other, limits).pauseFor(1000);
    await vi.waitFor(async () => expect(Number((await store.db.selectFrom('rate_limit_buckets').select(({ fn }) => fn.max('paused_until').as('until')).executeTakeFirstOrThrow()).until)).toBe(epoch + 1150));
    const setBack = sharedRateLimiters({ db: store.db, dialect, timer, now: () => epoch + timer.now() - 3_600_000 });
    await setBack.get(other, limits).acquire();
    await setBack.get(other, limits).acquire();
    expect(timer.slept).toEqual([100, 50, 1000, 100]);
  });

  it('pauses every process when one of them is told Retry-After', async () => {
    const { timer, a, b } = twoProcesses();
    const limits = { perSecond: 100, burst: 10 };
    await a.get(key, limits).acquire();
    a.get(key, limits).pauseFor(2000);
    // The pause is written in the background: the other process sees it once it is in the row.
    await vi.waitFor(async () => expect(Number((await store.db.selectFrom('rate_limit_buckets').select('paused_until').executeTakeFirstOrThrow()).paused_until)).toBe(epoch + 2000));
    await b.get(key, limits).acquire();
    expect(timer.slept).toEqual([2000]);
    // A pause holds even a credential without a limit.
    const unlimited = { perSecond: 0, burst: 0 };
    await b.get('unlimited', unlimited).acquire();
    b.get('unlimited', unlimited).pauseFor(300);
    await vi.waitFor(async () => expect(Number((await store.db.selectFrom('rate_limit_buckets').select('paused_until').where('paused_until', '>', epoch + 2000).executeTakeFirstOrThrow()).paused_until)).toBe(epoch + 2300));
    await a.get('unlimited', unlimited).acquire();
    expect(timer.slept).toEqual([2000, 300]);
  });

  it('serves the callers that wait together in one process with one round trip, not one each', async () => {
    const counter = new StatementCounter();
    const timer = new ManualTimer(true);
    const limiters = sharedRateLimiters({ db: store.db.withPlugin(counter), dialect, timer, now: () => epoch + timer.now() });
    const bucket = limiters.get(key, { perSecond: 10, burst: 10 });
    const tenCalls = () => Promise.all(Array.from({ length: 10 }, () => bucket.acquire()));
    // The first caller's take is on its way before the other nine arrive; those nine share the next.
    await tenCalls();
    expect(timer.slept).toEqual([]);
    expect(counter.updates).toBe(2);
    // Callers that gather during a wait are served together once the tokens are back.
    bucket.pauseFor(1000);
    await tenCalls();
    expect(timer.slept).toEqual([1000]);
    // The pause's own write, and one take for all ten.
    expect(counter.updates).toBe(4);
  });

  it('fails the waiting callers when the store cannot be reached, and works again once it can', async () => {
    const counter = new StatementCounter();
    const timer = new ManualTimer(true);
    const limiters = sharedRateLimiters({ db: store.db.withPlugin(counter), dialect, timer, now: () => epoch + timer.now() });
    const bucket = limiters.get(key, { perSecond: 10, burst: 1 });
    counter.failing = new Error('connection refused');
    await expect(bucket.acquire()).rejects.toThrow('connection refused');
    counter.failing = undefined;
    await expect(bucket.acquire()).resolves.toBeUndefined();
  });

  it('makes its row again when the table was emptied, as PostgreSQL does to an unlogged table after a crash', async () => {
    const { timer, a } = twoProcesses();
    const limits = { perSecond: 10, burst: 1 };
    await a.get(key, limits).acquire();
    await store.db.deleteFrom('rate_limit_buckets').execute();
    await a.get(key, limits).acquire();
    // The new row starts full: at most one burst more after a crash.
    expect(timer.slept).toEqual([]);
    expect(await store.db.selectFrom('rate_limit_buckets').select('key').execute()).toHaveLength(1);
    if (dialect === 'postgres') {
      const table = await sql<{ relpersistence: string }>`select relpersistence from pg_class where relname = 'rate_limit_buckets' and relnamespace = current_schema()::regnamespace`.execute(store.db);
      expect(table.rows).toEqual([{ relpersistence: 'u' }]);
    }
  });

  it('keeps to the rate on the database clock, in real time', async () => {
    const a = sharedRateLimiters({ db: store.db, dialect });
    const b = sharedRateLimiters({ db: store.db, dialect });
    const limits = { perSecond: 20, burst: 1 };
    const started = performance.now();
    await Promise.all([a, b, a, b, a, b].map((limiters) => limiters.get(key, limits).acquire()));
    // Five waits of 50 ms after the first token, whichever process takes it; a little slack for rounding.
    expect(performance.now() - started).toBeGreaterThanOrEqual(240);
  });
});
