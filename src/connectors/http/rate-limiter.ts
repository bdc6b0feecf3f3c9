import { realTimer } from './timer.js';
import type { Timer } from './timer.js';

/** A system's published limit: `burst` calls at once, then `perSecond` calls per second (0: no limit). */
export interface RateLimits {
  perSecond: number;
  burst: number;
}

interface Waiter {
  grant(): void;
  fail(error: unknown): void;
}

/**
 * A token bucket shared by every caller that uses one credential. Callers are served first come,
 * first served, by a single pump, so a steady stream of new callers cannot starve an early one.
 */
export class TokenBucket {
  private limits: RateLimits;
  private tokens: number;
  private refilledAt: number;
  private pausedUntil = 0;
  private readonly waiters: Waiter[] = [];
  private pumping = false;
  private pumpSleep: AbortController | undefined;

  constructor(
    limits: RateLimits,
    private readonly timer: Timer = realTimer,
  ) {
    this.limits = { ...limits };
    this.tokens = limits.burst;
    this.refilledAt = timer.now();
  }

  /** New limits apply from now on; tokens already earned are kept up to the new burst. */
  setLimits(limits: RateLimits): void {
    this.refill(this.timer.now());
    this.limits = { ...limits };
    this.tokens = Math.min(this.tokens, limits.burst);
  }

  /** Resolves when the caller may send one request; rejects with the signal's reason if it aborts first. */
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

  /** The server said Retry-After: nobody using this bucket sends anything until `ms` have passed. */
  pauseFor(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.timer.now() + ms);
  }

  private async serve(): Promise<void> {
    if (this.pumping) return;
    this.pumping = true;
    try {
      while (this.waiters.length > 0) {
        const waitMs = this.msUntilNextToken();
        if (waitMs > 0) {
          await this.sleepUnlessIdle(waitMs);
          continue;
        }
        if (this.limits.perSecond > 0) this.tokens -= 1;
        this.waiters.shift()?.grant();
      }
    } catch (error) {
      // A broken sleep must not leave callers hanging forever.
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

  private msUntilNextToken(): number {
    const now = this.timer.now();
    if (now < this.pausedUntil) return this.pausedUntil - now;
    if (this.limits.perSecond <= 0) return 0;
    this.refill(now);
    if (this.tokens >= 1) return 0;
    // Whole milliseconds, at least one: a rounding residue must not turn into a zero-length spin.
    return Math.max(1, Math.ceil(((1 - this.tokens) / this.limits.perSecond) * 1000));
  }

  private refill(now: number): void {
    const earned = ((now - this.refilledAt) / 1000) * this.limits.perSecond;
    this.tokens = Math.min(this.limits.burst, this.tokens + earned);
    this.refilledAt = now;
  }
}

/**
 * One bucket per credential (e.g. `mycashflow:storeName:user`) for the whole process, so every
 * client and worker using that credential shares the system's limit.
 */
export class RateLimiterRegistry {
  private readonly buckets = new Map<string, TokenBucket>();

  constructor(private readonly timer: Timer = realTimer) {}

  /** The bucket for `key`; edited settings reach the existing bucket instead of forking a second one. */
  get(key: string, limits: RateLimits): TokenBucket {
    const existing = this.buckets.get(key);
    if (existing) {
      existing.setLimits(limits);
      return existing;
    }
    const bucket = new TokenBucket(limits, this.timer);
    this.buckets.set(key, bucket);
    return bucket;
  }
}
