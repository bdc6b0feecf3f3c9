import type { Context, MiddlewareHandler } from 'hono';

/**
 * A token bucket per credential: `burst` calls at once, then `perSecond` calls per second.
 * Real APIs limit per API user, so two integrations with different keys do not slow each other.
 */
export interface RateLimitSettings {
  /** Refill rate; 0 switches the limit off. */
  perSecond: number;
  burst: number;
}

export type RateLimitDecision = { ok: true } | { ok: false; retryAfterSeconds: number };

export type RateLimiter = ReturnType<typeof createRateLimiter>;

/** `nowMs` is a monotonic clock, not the sandbox's data clock: a frozen data clock in a test must
 * not freeze the bucket. */
export function createRateLimiter(initial: RateLimitSettings, nowMs: () => number = () => performance.now()) {
  let settings = { ...initial };
  const buckets = new Map<string, { tokens: number; at: number }>();

  return {
    get settings(): RateLimitSettings {
      return { ...settings };
    },
    /** New settings start every bucket full again. */
    set(next: RateLimitSettings): void {
      settings = { ...next };
      buckets.clear();
    },
    take(key: string): RateLimitDecision {
      if (settings.perSecond <= 0) return { ok: true };
      const now = nowMs();
      const bucket = buckets.get(key) ?? { tokens: settings.burst, at: now };
      bucket.tokens = Math.min(settings.burst, bucket.tokens + ((now - bucket.at) / 1000) * settings.perSecond);
      bucket.at = now;
      buckets.set(key, bucket);
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { ok: true };
      }
      return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((1 - bucket.tokens) / settings.perSecond)) };
    },
  };
}

/** Rejects with the sandbox's own 429 body and a Retry-After header, as the real system would. */
export function rateLimitMiddleware(
  limiter: RateLimiter,
  keyOf: (c: Context) => string,
  reject: (c: Context, message: string) => Response,
): MiddlewareHandler {
  return async (c, next) => {
    const decision = limiter.take(keyOf(c));
    if (!decision.ok) {
      c.header('Retry-After', String(decision.retryAfterSeconds));
      return reject(c, `Rate limit exceeded: ${limiter.settings.perSecond} calls per second`);
    }
    await next();
  };
}
