import type { MiddlewareHandler } from 'hono';

/**
 * Adds a delay to every call, so that demos feel like a remote API and tests can check that
 * a connector keeps to its time budget. Takes a getter so the delay can change at runtime.
 */
export function latencyMiddleware(getMs: () => number): MiddlewareHandler {
  return async (_c, next) => {
    const ms = getMs();
    if (ms > 0) await new Promise((resolve) => setTimeout(resolve, ms));
    await next();
  };
}
