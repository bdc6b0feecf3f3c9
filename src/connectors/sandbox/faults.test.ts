import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { createFaults, faultMiddleware } from './faults.js';

const appWith = (faults: ReturnType<typeof createFaults>) => {
  const app = new Hono();
  app.use('*', faultMiddleware(faults, (c, status, message) => c.json({ message }, status as 500)));
  app.get('*', (c) => c.text('ok'));
  return app;
};

describe('faults', () => {
  it('forces the next N matching requests, then stops', async () => {
    const faults = createFaults();
    faults.set({ serverError: { next: 2, match: '^GET /orders$', status: 503 } });
    const app = appWith(faults);
    expect((await app.request('/products')).status).toBe(200);
    expect((await app.request('/orders')).status).toBe(503);
    expect((await app.request('/orders')).status).toBe(503);
    expect((await app.request('/orders')).status).toBe(200);
    expect(faults.counters.serverError).toBe(2);
  });

  it('fails at a rate, repeatably for the same seed', () => {
    const run = () => {
      const faults = createFaults(7);
      faults.set({ serverError: { rate: 0.3 } });
      return Array.from({ length: 200 }, () => faults.decide('GET', '/x') === 'serverError');
    };
    const first = run();
    expect(run()).toEqual(first);
    const hits = first.filter(Boolean).length;
    expect(hits).toBeGreaterThan(30);
    expect(hits).toBeLessThan(90);
  });

  it('answers 429 with Retry-After', async () => {
    const faults = createFaults();
    faults.set({ tooManyRequests: { next: 1, retryAfterSeconds: 3 } });
    const response = await appWith(faults).request('/x');
    expect(response.status).toBe(429);
    expect(response.headers.get('Retry-After')).toBe('3');
  });

  it('delays a timed-out request, then answers late or closes', async () => {
    const faults = createFaults();
    faults.set({ timeout: { next: 1, ms: 50, mode: 'respond' } });
    const app = appWith(faults);
    const started = performance.now();
    expect((await app.request('/x')).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(45);
    faults.set({ timeout: { next: 1, ms: 10, mode: 'close' } });
    expect((await app.request('/x')).status).toBe(504);
    expect(faults.counters.timeout).toBe(2);
  });

  it('spreads N malformed records over the ids, or takes explicit ids, and resets', () => {
    const faults = createFaults();
    faults.set({ malformed: { orders: 3, products: [4, 9] } });
    expect([...faults.malformedIds('orders', 30)]).toEqual([1, 11, 21]);
    expect([...faults.malformedIds('products', 30)]).toEqual([4, 9]);
    expect(faults.malformedIds('stock', 30).size).toBe(0);
    faults.reset();
    expect(faults.malformedIds('orders', 30).size).toBe(0);
    expect(faults.settings.serverError.rate).toBe(0);
  });
});
