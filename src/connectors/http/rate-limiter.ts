import { realTimer } from './timer.js';
import type { Timer } from './timer.js';

/** A system's published limit: `burst` calls at once, then `perSecond` calls per second (0: no limit). */
export interface RateLimits {
  perSecond: number;
  burst: number;
}

/** What every client of one credential waits on before each attempt (see RateLimiterRegistry). */
export interface TokenBucket {
  /** Resolves when the caller may send one request; rejects with the signal's reason if it aborts first. */
  acquire(signal?: AbortSignal): Promise<void>;
  /** The server said Retry-After: nobody using this bucket sends anything until `ms` have passed. */
  pauseFor(ms: number): void;
  /** New limits apply from now on; tokens already earned are kept up to the new burst. */
  setLimits(limits: RateLimits): void;
}

/** The answer of a token source: how many tokens it handed out and, when fewer than asked, how long until the next one. */
export interface Grant {
  granted: number;
  waitMs: number;
}

/**
 * Where a bucket's tokens are counted: in this process, or in a store that every process of a
 * cluster shares (src/sync/shared-rate-limits.ts).
 */
export interface TokenSource {
  /** Takes up to `wanted` tokens; when it hands out fewer, `waitMs` says when to ask again. */
  take(wanted: number): Grant | Promise<Grant>;
  pauseFor(ms: number): void;
  setLimits(limits: RateLimits): void;
}

interface Waiter {
  grant(): void;
  fail(error: unknown): void;
}

/**
 * Callers of one bucket are served first come, first served, by a single pump, so a steady
 * stream of new callers cannot starve an early one. The pump asks its source for as many tokens
 * as callers are waiting, so a source in a database costs one round trip per batch, not per call.
 */
export class QueuedTokenBucket implements TokenBucket {
  private readonly waiters: Waiter[] = [];
  private pumping = false;
  private pumpSleep: AbortController | undefined;

  constructor(
    private readonly source: TokenSource,
    private readonly timer: Timer = realTimer,
  ) {}

  setLimits(limits: RateLimits): void {
    this.source.setLimits(limits);
  }

  acquire(signal?: AbortSignal): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      signal?.throwIfAborted();
      const onAbort = (): void => {
        const index = this.waiters.indexOf(waiter);
        if (index >= 0) this.waiters.splice(index, 1);
        // Nobody left to serve: end the pump's sleep so that a long pause holds no timer open.
        if (this.waiters.length === 0) this.pumpSleep?.abort();
        reject(signal?.reason);
      };
      const waiter: Waiter = {
        grant: () => {
          signal?.removeEventListener('abort', onAbort);
          resolve();
        },
        fail: (error) => {
          signal?.removeEventListener('abort', onAbort);
          reject(error);
        },
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      this.waiters.push(waiter);
      void this.serve();
    });
  }

  pauseFor(ms: number): void {
    this.source.pauseFor(ms);
  }

  private async serve(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        const wanted = this.waiters.length;
        const { granted, waitMs } = await this.source.take(wanted);
        // Tokens for callers that gave up while the source answered are dropped, not kept: a kept
        // token would be sent later, on top of what the other processes are sending by then.
        for (const waiter of this.waiters.splice(0, granted)) waiter.grant();
        if (granted < wanted) await this.sleepUnlessIdle(waitMs);
      }
    } catch (error) {
      // A broken sleep or an unreachable store must not leave callers hanging forever.
      for (const waiter of this.waiters.splice(0)) waiter.fail(error);
    } finally {
      this.pumping = false;
    }
  }

  /** Sleeps, unless the last waiter leaves first; the loop then finds nobody to serve. */
  private async sleepUnlessIdle(ms: number): Promise<void> {
    const controller = new AbortController();
    this.pumpSleep = controller;
    try {
      await this.timer.sleep(ms, controller.signal);
    } catch (error) {
      if (!controller.signal.aborted) throw error;
    } finally {
      this.pumpSleep = undefined;
    }
  }
}

/** Whole milliseconds until one token is there, at least one: a rounding residue must not turn into a zero-length spin. */
export function msUntilOneToken(tokens: number, perSecond: number): number {
  return Math.max(1, Math.ceil(((1 - tokens) / perSecond) * 1000));
}

/** Tokens counted in this process's memory: right for one process, or for tests. */
export class InProcessTokens implements TokenSource {
  private limits: RateLimits;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;

  constructor(
    limits: RateLimits,
    private readonly timer: Timer = realTimer,
  ) {
    this.limits = { ...limits };
    this.tokens = limits.burst;
    this.refilledAt = timer.now();
  }

  setLimits(limits: RateLimits): void {
    this.refill(this.timer.now());
    this.limits = { ...limits };
    this.tokens = Math.min(this.tokens, limits.burst);
  }

  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.timer.now() + ms);
  }

  take(wanted: number): Grant {
    const now = this.timer.now();
    if (now < this.pausedUntil) return { granted: 0, waitMs: this.pausedUntil - now };
    if (this.limits.perSecond <= 0) return { granted: wanted, waitMs: 0 };
    this.refill(now);
    const granted = Math.min(wanted, Math.floor(this.tokens));
    this.tokens -= granted;
    return { granted, waitMs: granted < wanted ? msUntilOneToken(this.tokens, this.limits.perSecond) : 0 };
  }

  private refill(now: number): void {
    const earned = ((now - this.refilledAt) / 1000) * this.limits.perSecond;
    this.tokens = Math.min(this.limits.burst, this.tokens + earned);
    this.refilledAt = now;
  }
}

/** A bucket whose tokens live in this process. */
export const inProcessBucket = (limits: RateLimits, timer: Timer = realTimer): TokenBucket => new QueuedTokenBucket(new InProcessTokens(limits, timer), timer);

/** Makes the bucket of one credential key. */
export type BucketFactory = (key: string, limits: RateLimits) => TokenBucket;

/**
 * One bucket per credential (e.g. `mycashflow:storeName:user`) for the whole process, so every
 * client and worker using that credential shares the system's limit. The buckets count in this
 * process unless given a factory whose buckets a cluster shares (the hub's wiring, services.ts).
 */
export class RateLimiterRegistry {
  private readonly buckets = new Map<string, TokenBucket>();
  private readonly createBucket: BucketFactory;

  constructor(timer: Timer = realTimer, createBucket?: BucketFactory) {
    this.createBucket = createBucket ?? ((_key, limits) => inProcessBucket(limits, timer));
  }

  /** The bucket for `key`; edited settings reach the existing bucket instead of forking a second one. */
  get(key: string, limits: RateLimits): TokenBucket {
    const existing = this.buckets.get(key);
    if (existing) {
      existing.setLimits(limits);
      return existing;
    }
    const bucket = this.createBucket(key, limits);
    this.buckets.set(key, bucket);
    return bucket;
  }
}
