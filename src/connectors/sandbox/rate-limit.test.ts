import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createRateLimiter, rateLimitMiddleware } from './rate-limit.js';

describe('rate limiter', () => {
  it('allows a burst, then refuses with Retry-After until tokens refill', () => {
    let now = 0;
    const limiter = createRateLimiter({ perSecond: 2, burst: 3 }, () => now);
    expect([1, 2, 3].map(() => limiter.take('a').ok)).toEqual([true, true, true]);
    expect(limiter.take('a')).toEqual({ ok: false, retryAfterSeconds: 1 });
    expect(limiter.take('b').ok).toBe(true);
    now = 500;
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('is off with perSecond 0 and can be changed at runtime', () => {
    const limiter = createRateLimiter({ perSecond: 0, burst: 1 }, () => 0);
    for (let i = 0; i < 100; i++) expect(limiter.take('a').ok).toBe(true);
    limiter.set({ perSecond: 1, burst: 1 });
    expect(limiter.take('a').ok).toBe(true);
    expect(limiter.take('a').ok).toBe(false);
  });

  it('answers 429 with Retry-After through the middleware', async () => {
    const app = new Hono();
    const limiter = createRateLimiter({ perSecond: 1, burst: 1 }, () => 0);
    app.use('*', rateLimitMiddleware(limiter, (c) => c.req.header('x-user') ?? '', (c, message) => c.json({ message }, 429)));
    app.get('/', (c) => c.text('ok'));
    expect((await app.request('/', { headers: { 'x-user': 'u' } })).status).toBe(200);
    const refused = await app.request('/', { headers: { 'x-user': 'u' } });
    expect(refused.status).toBe(429);
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect((await app.request('/', { headers: { 'x-user': 'other' } })).status).toBe(200);
  });
});
