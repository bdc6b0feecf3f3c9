import { setTimeout as delay } from 'node:timers/promises';

/** Waits for `ms`; rejects with the signal's reason when the signal aborts first. */
export type Sleep = (ms: number, signal?: AbortSignal) => Promise<void>;

/**
 * The time source of rate limits and retries, passed in so that tests control it.
 * `now` is monotonic milliseconds, not the wall clock: a clock jump must not stall a bucket.
 */
export interface Timer {
  now(): number;
  sleep: Sleep;
}

export const realSleep: Sleep = (ms, signal) => delay(ms, undefined, signal === undefined ? undefined : { signal });

export const realTimer: Timer = { now: () => performance.now(), sleep: realSleep };
