import { describe, expect, it } from 'vitest';
import { ManualTimer } from './fixtures/manual-timer.js';
import { inProcessBucket, RateLimiterRegistry } from './rate-limiter.js';

/** Lets pending promise callbacks and timers run. */
const settle = () => new Promise((resolve) => setImmediate(resolve));

describe('a bucket counted in this process', () => {
  it('lets a burst through at once, then one call per 1/perSecond', async () => {
    const timer = new ManualTimer();
    const bucket = inProcessBucket({ perSecond: 10, burst: 2 }, timer);
    let granted = 0;
    const calls = Array.from({ length: 6 }, () => bucket.acquire().then(() => granted++));
    const grantedAfter = async (ms: number) => {
      timer.advance(ms);
      await settle();
      return granted;
    };
    expect(await grantedAfter(0)).toBe(2);
    expect(await grantedAfter(99)).toBe(2);
    expect(await grantedAfter(1)).toBe(3);
    expect(await grantedAfter(100)).toBe(4);
    expect(await grantedAfter(100)).toBe(5);
    expect(await grantedAfter(100)).toBe(6);
    await Promise.all(calls);
    // Six calls at 10/s with a burst of 2 take 0.4 s.
    expect(timer.now()).toBe(400);
  });

  it('keeps to the rate in real time too', async () => {
    const bucket = inProcessBucket({ perSecond: 20, burst: 1 });
    const started = performance.now();
    for (let i = 0; i < 4; i++) await bucket.acquire();
    // Three waits of 50 ms after the first token; a little slack for timer rounding.
    expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  });

  it('serves waiters in the order they came', async () => {
    const timer = new ManualTimer();
    const bucket = inProcessBucket({ perSecond: 1, burst: 1 }, timer);
    const order: string[] = [];
    await bucket.acquire();
    const waiting = ['a', 'b', 'c'].map((name) => bucket.acquire().then(() => order.push(name)));
    for (let i = 0; i < 3; i++) {
      await settle();
      timer.advance(1000);
    }
    await Promise.all(waiting);
    expect(order).toEqual(['a', 'b', 'c']);
  });

  it('holds every caller back during a pause, even with tokens to spare', async () => {
    const timer = new ManualTimer();
    const bucket = inProcessBucket({ perSecond: 100, burst: 10 }, timer);
    bucket.pauseFor(2000);
    let granted = false;
    const acquiring = bucket.acquire().then(() => (granted = true));
    await settle();
    timer.advance(1999);
    await settle();
    expect(granted).toBe(false);
    timer.advance(1);
    await acquiring;
    expect(granted).toBe(true);
  });

  it('pauses even a bucket without a rate limit', async () => {
    const timer = new ManualTimer(true);
    const bucket = inProcessBucket({ perSecond: 0, burst: 0 }, timer);
    await bucket.acquire();
    bucket.pauseFor(500);
    await bucket.acquire();
    expect(timer.slept).toEqual([500]);
  });

  it('drops an aborted waiter and still serves the next one', async () => {
    const timer = new ManualTimer();
    const bucket = inProcessBucket({ perSecond: 1, burst: 1 }, timer);
    await bucket.acquire();
    const controller = new AbortController();
    const aborted = bucket.acquire(controller.signal);
    const next = bucket.acquire();
    controller.abort(new Error('caller gave up'));
    await expect(aborted).rejects.toThrow('caller gave up');
    await settle();
    timer.advance(1000);
    await expect(next).resolves.toBeUndefined();
    await expect(bucket.acquire(AbortSignal.abort(new Error('already')))).rejects.toThrow('already');
  });

  it('ends its sleep when the last waiter leaves', async () => {
    const timer = new ManualTimer();
    const bucket = inProcessBucket({ perSecond: 1, burst: 1 }, timer);
    bucket.pauseFor(60_000);
    const controller = new AbortController();
    const waiting = bucket.acquire(controller.signal);
    await settle();
    expect(timer.pendingSleeps).toBe(1);
    controller.abort();
    await expect(waiting).rejects.toThrow();
    expect(timer.pendingSleeps).toBe(0);
  });
});

describe('RateLimiterRegistry', () => {
  it('gives one bucket per key, so that all users of a credential share it', async () => {
    const timer = new ManualTimer(true);
    const registry = new RateLimiterRegistry(timer);
    const limits = { perSecond: 10, burst: 1 };
    const first = registry.get('mycashflow:store:user', limits);
    expect(registry.get('mycashflow:store:user', limits)).toBe(first);
    expect(registry.get('mycashflow:other:user', limits)).not.toBe(first);

    await first.acquire();
    await registry.get('mycashflow:store:user', limits).acquire();
    await registry.get('mycashflow:other:user', limits).acquire();
    // Only the second call on the shared key had to wait for a token.
    expect(timer.slept).toEqual([100]);
  });

  it('applies edited limits to the existing bucket', async () => {
    const timer = new ManualTimer(true);
    const registry = new RateLimiterRegistry(timer);
    const bucket = registry.get('key', { perSecond: 10, burst: 1 });
    await bucket.acquire();
    registry.get('key', { perSecond: 2, burst: 1 });
    await bucket.acquire();
    expect(timer.slept).toEqual([500]);
  });
});
