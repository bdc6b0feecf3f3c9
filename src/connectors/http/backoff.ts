export interface BackoffPolicy {
  baseMs: number;
  maxMs: number;
}

/**
 * Exponential backoff with full jitter: a random wait between 0 and `baseMs * 2^(attempt-1)`,
 * capped at `maxMs`. The jitter spreads the workers that failed together, so they do not all
 * come back at the same instant and knock the recovering server over again.
 * `attempt` is the number of the attempt that just failed, starting at 1.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.maxMs, policy.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.floor(random() * ceiling);
}

const deltaSeconds = /^\d+(\.\d+)?$/;
/** All three HTTP-date forms start with the day's name; without this, Date.parse takes `-5` for a year. */
const httpDateStart = /^[a-z]{3}/i;

/**
 * Milliseconds to wait according to a Retry-After header, in either of its forms: delta-seconds
 * (`120`; fractions are accepted because some servers send them) or an HTTP-date. `now` is the
 * epoch milliseconds the date is measured from. A date in the past means no wait; anything
 * unreadable is undefined, so that the caller falls back to its own backoff.
 */
export function parseRetryAfter(header: string | null | undefined, now: number): number | undefined {
  const value = header?.trim();
  if (!value) return undefined;
  if (deltaSeconds.test(value)) return Math.round(Number(value) * 1000);
  const at = httpDateStart.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}
