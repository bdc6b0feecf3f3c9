import { Writable } from 'node:stream';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { WmsyncError } from '../../kernel/errors.js';
import { ManualTimer } from './fixtures/manual-timer.js';
import { closedPort, sendJson, startTestServer } from './fixtures/test-server.js';
import type { TestServer } from './fixtures/test-server.js';
import { createHttpClient } from './http-client.js';
import type { HttpClientOptions } from './http-client.js';
import { recordingClient } from './fixtures/recording-client.js';
import { HttpError, isAmbiguous } from './http-errors.js';
import { RateLimiterRegistry } from './rate-limiter.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const testClient = (overrides: Partial<HttpClientOptions> = {}) => recordingClient({ name: 'MyCashflow', baseUrl: `${server.url}/api/v1/`, ...overrides });

async function failureOf(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
  } catch (error) {
    return error;
  }
  throw new Error('expected the request to fail');
}

describe('createHttpClient: success', () => {
  it('joins the path, encodes the query, sends auth headers and parses JSON', async () => {
    server.respond((_req, res) => sendJson(res, 200, { items: [{ id: 1 }] }));
    const { client } = testClient({ headers: () => ({ authorization: 'Bearer secret-token' }) });
    const result = await client.request('GET', '/products', {
      query: { ids: [1, 2], q: 'a b,c', skip: undefined, active: true },
    });
    expect(result.status).toBe(200);
    expect(result.data).toEqual({ items: [{ id: 1 }] });
    expect(server.requests[0]?.url).toBe('/api/v1/products?ids=1,2&q=a%20b%2Cc&active=true');
    expect(server.requests[0]?.headers.authorization).toBe('Bearer secret-token');
    expect(server.requests[0]?.headers.accept).toBe('application/json');
    expect(client.stats).toEqual({ calls: 1, retries: 0, throttled: 0 });
  });

  it('sends JSON and raw bodies, and returns text or undefined for non-JSON and empty answers', async () => {
    server.respond((req, res, index) => {
      if (index === 0) {
        res.writeHead(201, { 'content-type': 'text/plain' });
        res.end('created');
      } else {
        res.writeHead(204).end();
      }
    });
    const { client } = testClient();
    const created = await client.request('POST', 'orders', { body: { sku: 'A-1', qty: 2 } });
    const soap = await client.request('POST', 'soap', {
      body: { raw: '<Envelope/>', contentType: 'text/xml; charset=utf-8' },
      headers: { SOAPAction: 'GetProducts' },
    });
    expect(created).toMatchObject({ status: 201, data: 'created' });
    expect(soap).toMatchObject({ status: 204, data: undefined });
    expect(server.requests[0]).toMatchObject({ body: '{"sku":"A-1","qty":2}', headers: { 'content-type': 'application/json' } });
    expect(server.requests[1]).toMatchObject({
      body: '<Envelope/>',
      headers: { 'content-type': 'text/xml; charset=utf-8', soapaction: 'GetProducts' },
    });
  });

  it('checks the response with a schema and reports a mismatch as the remote record error', async () => {
    const schema = z.object({ items: z.array(z.object({ id: z.number(), price: z.number() })) });
    server.respond((_req, res) => sendJson(res, 200, { items: [{ id: 1, price: 9.5 }] }));
    const { client } = testClient();
    const ok = await client.request('GET', '/products', { schema });
    expect(ok.data.items[0]?.price).toBe(9.5);

    server.respond((_req, res) => sendJson(res, 200, { items: [{ id: 1, price: 'n/a' }] }));
    const error = await failureOf(client.request('GET', '/products', { schema }));
    expect(error).toBeInstanceOf(WmsyncError);
    expect(error).toMatchObject({ kind: 'record' });
    expect((error as WmsyncError).message).toMatch(/^MyCashflow GET \/api\/v1\/products: unexpected response: items\.0\.price: /);
    expect((error as WmsyncError).details).toEqual([
      { record: 'GET /api/v1/products', field: 'items.0.price', reason: expect.stringMatching(/number/) },
    ]);
  });
  it('reports a body that claims to be JSON but is not as the remote record error', async () => {
    server.respond((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end('{"items": [');
    });
    const { client } = testClient();
    await expect(client.request('GET', '/products')).rejects.toMatchObject({
      kind: 'record',
      message: 'MyCashflow GET /api/v1/products: the response claims to be JSON but is not',
    });
  });
});

describe('createHttpClient: rate limits', () => {
  it('honours Retry-After seconds on a 429, pausing the bucket that another client shares', async () => {
    const timer = new ManualTimer();
    const registry = new RateLimiterRegistry(timer);
    const limits = { perSecond: 0, burst: 0 };
    const a = testClient({ limiter: registry.get('mycashflow:shop:user', limits) });
    const b = testClient({ limiter: registry.get('mycashflow:shop:user', limits) });
    server.respond((_req, res, index) =>
      index === 0 ? sendJson(res, 429, { message: 'Slow down' }, { 'retry-after': '2' }) : sendJson(res, 200, { ok: true }),
    );

    const first = a.client.request('GET', '/products');
    await expect.poll(() => timer.pendingSleeps).toBe(1);
    const second = b.client.request('GET', '/orders');
    await new Promise((resolve) => setTimeout(resolve, 30));
    // Client b is held back by the pause client a's 429 put on the shared bucket.
    expect(server.requests).toHaveLength(1);
    expect(timer.slept).toEqual([2000]);

    timer.advance(2000);
    await expect(first).resolves.toMatchObject({ status: 200 });
    await expect(second).resolves.toMatchObject({ status: 200 });
    expect(server.requests.map((r) => r.url).sort()).toEqual(['/api/v1/orders', '/api/v1/products', '/api/v1/products']);
    expect(a.client.stats).toEqual({ calls: 2, retries: 1, throttled: 1 });
    expect(b.client.stats).toEqual({ calls: 1, retries: 0, throttled: 0 });
    // The bucket did the waiting; the clients' own sleep was not used.
    expect(a.slept).toEqual([]);
  });

  it('retries a 429 for a POST too, since the request was not processed', async () => {
    server.respond((_req, res, index) =>
      index === 0 ? sendJson(res, 429, {}, { 'retry-after': '1' }) : sendJson(res, 201, { id: 5 }),
    );
    const { client, slept } = testClient();
    await expect(client.request('POST', '/orders', { body: {} })).resolves.toMatchObject({ status: 201, data: { id: 5 } });
    expect(slept).toEqual([1000]);
    expect(server.requests).toHaveLength(2);
  });

  it('reads an HTTP-date Retry-After against the server Date header', async () => {
    server.respond((_req, res, index) =>
      index === 0
        ? sendJson(res, 429, {}, { date: 'Wed, 21 Oct 2015 07:28:00 GMT', 'retry-after': 'Wed, 21 Oct 2015 07:28:03 GMT' })
        : sendJson(res, 200, {}),
    );
    const { client, slept } = testClient();
    await client.request('GET', '/products');
    expect(slept).toEqual([3000]);
    expect(client.stats.throttled).toBe(1);
  });

  it('reads an HTTP-date Retry-After against its clock when the server sends no Date', async () => {
    server.respond((_req, res, index) => {
      res.sendDate = false;
      if (index === 0) sendJson(res, 429, {}, { 'retry-after': 'Wed, 21 Oct 2015 07:28:05 GMT' });
      else sendJson(res, 200, {});
    });
    const clock = { now: () => new Date('2015-10-21T07:28:00Z') };
    const { client, slept } = testClient({ clock });
    await client.request('GET', '/products');
    expect(slept).toEqual([5000]);
  });

  it('gives a wait longer than maxMs back to the caller at once, with retryAfterMs', async () => {
    server.respond((_req, res) => sendJson(res, 429, { error: 'Daily quota used' }, { 'retry-after': '3600' }));
    const { client, slept } = testClient();
    const error = await failureOf(client.request('GET', '/products'));
    expect(error).toMatchObject({ kind: 'transient', retryAfterMs: 3_600_000 });
    expect((error as Error).message).toBe('MyCashflow GET /api/v1/products failed after 1 attempt: rate limited (429): Daily quota used');
    expect(slept).toEqual([]);
    expect(isAmbiguous(error)).toBe(false);
  });
});

describe('createHttpClient: server errors and network failures', () => {
  it('retries a 5xx for a GET with backoff until it succeeds, logging only the status', async () => {
    const lines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk: Buffer, _encoding, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    server.respond((_req, res, index) => {
      if (index === 0) sendJson(res, 503, { message: 'maintenance for customer 4711' });
      else if (index === 1) sendJson(res, 500, {});
      else sendJson(res, 200, { ok: true });
    });
    const { client, slept } = testClient({ logger, headers: () => ({ authorization: 'Bearer secret-token' }) });
    await expect(client.request('GET', '/products', { query: { key: 'query-secret' } })).resolves.toMatchObject({ data: { ok: true } });
    // Full jitter with random 0.5: half of 500 ms, then half of 1000 ms.
    expect(slept).toEqual([250, 500]);
    expect(client.stats).toEqual({ calls: 3, retries: 2, throttled: 0 });
    expect(lines).toHaveLength(2);
    expect(JSON.parse(lines[0] ?? '')).toMatchObject({ system: 'MyCashflow', method: 'GET', path: '/api/v1/products', attempt: 1, delayMs: 250, reason: 'server error (503)' });
    expect(lines.join('')).not.toMatch(/secret|4711/);
  });

  it('throws the last transient error after maxAttempts, with Retry-After when the server gave one', async () => {
    server.respond((_req, res) => sendJson(res, 503, { message: 'Try later' }, { 'retry-after': '1' }));
    const { client, slept } = testClient({ retry: { maxAttempts: 3 } });
    const error = await failureOf(client.request('GET', '/products'));
    expect(error).toMatchObject({ kind: 'transient', retryAfterMs: 1000 });
    expect((error as Error).message).toBe('MyCashflow GET /api/v1/products failed after 3 attempts: server error (503): Try later');
    expect(slept).toEqual([1000, 1000]);
    expect(client.stats).toEqual({ calls: 3, retries: 2, throttled: 0 });
  });

  it('does not retry a 5xx for a POST: the outcome is ambiguous', async () => {
    server.respond((_req, res) => sendJson(res, 502, { message: 'Bad gateway' }));
    const { client, slept } = testClient();
    const error = await failureOf(client.request('POST', '/orders/7/process', { body: { tracking: 'JJ1' } }));
    expect(isAmbiguous(error)).toBe(true);
    expect(error).toMatchObject({ kind: 'transient', cause: { ambiguous: true, status: 502 } });
    expect((error as Error).message).toMatch(/outcome unknown after server error \(502\): Bad gateway; check the remote state/);
    expect(server.requests).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('retries a POST marked idempotent', async () => {
    server.respond((_req, res, index) => (index === 0 ? sendJson(res, 500, {}) : sendJson(res, 200, { found: [] })));
    const { client } = testClient();
    await expect(client.request('POST', '/search', { body: { q: 'x' }, idempotent: true })).resolves.toMatchObject({ status: 200 });
    expect(client.stats.retries).toBe(1);
  });

  it('retries a GET that times out', async () => {
    server.respond((_req, res, index) => {
      if (index > 0) sendJson(res, 200, { late: false });
      // The first request is left unanswered.
    });
    const { client } = testClient({ timeoutMs: 100 });
    await expect(client.request('GET', '/products')).resolves.toMatchObject({ data: { late: false } });
    expect(client.stats).toEqual({ calls: 2, retries: 1, throttled: 0 });
  });

  it('does not retry a POST that times out: the outcome is ambiguous', async () => {
    server.respond(() => undefined);
    const { client } = testClient({ timeoutMs: 100 });
    const error = await failureOf(client.request('POST', '/orders', { body: { sku: 'A' } }));
    expect(isAmbiguous(error)).toBe(true);
    expect((error as Error).message).toBe(
      'MyCashflow POST /api/v1/orders: outcome unknown after no response within 100 ms; check the remote state before sending it again',
    );
    expect(server.requests).toHaveLength(1);
  });

  it('treats a connection reset after sending as ambiguous for a POST and retries it for a GET', async () => {
    server.respond((_req, res, index) => (index === 0 ? res.socket?.destroy() : sendJson(res, 200, {})));
    const get = testClient();
    await expect(get.client.request('GET', '/products')).resolves.toMatchObject({ status: 200 });
    expect(get.client.stats.retries).toBe(1);

    server.respond((_req, res) => res.socket?.destroy());
    const post = testClient();
    const error = await failureOf(post.client.request('POST', '/orders', { body: {} }));
    expect(isAmbiguous(error)).toBe(true);
    expect((error as Error).message).toMatch(/outcome unknown after network error \(/);
  });

  it('retries a refused connection even for a POST, since nothing was sent', async () => {
    const { client, slept } = testClient({ baseUrl: `http://127.0.0.1:${await closedPort()}`, retry: { maxAttempts: 3 } });
    const error = await failureOf(client.request('POST', '/orders', { body: {} }));
    expect(error).toMatchObject({ kind: 'transient' });
    expect(isAmbiguous(error)).toBe(false);
    expect((error as Error).message).toBe('MyCashflow POST /orders failed after 3 attempts: network error (ECONNREFUSED)');
    expect(slept).toEqual([250, 500]);
    expect(client.stats).toEqual({ calls: 3, retries: 2, throttled: 0 });
  });

  it('stops at once when the caller aborts', async () => {
    server.respond(() => undefined);
    const { client } = testClient();
    const controller = new AbortController();
    const pending = client.request('GET', '/products', { signal: controller.signal });
    await expect.poll(() => server.requests.length).toBe(1);
    controller.abort(new Error('shutting down'));
    await expect(pending).rejects.toThrow('shutting down');
    expect(client.stats.retries).toBe(0);
  });
});

describe('createHttpClient: refusals', () => {
  it('turns a 401 into a config error naming the system, without retrying', async () => {
    server.respond((_req, res) => sendJson(res, 401, { error: 'Invalid API key' }));
    const { client } = testClient();
    const error = await failureOf(client.request('GET', '/products'));
    expect(error).toMatchObject({ kind: 'config', message: 'MyCashflow refused the credentials (401): Invalid API key' });
    expect(client.stats.calls).toBe(1);
  });

  it('calls onUnauthorized once and retries with the refreshed credentials', async () => {
    let token = 'expired';
    let refreshes = 0;
    server.respond((req, res) =>
      req.headers.authorization === 'Bearer fresh' ? sendJson(res, 200, { ok: true }) : sendJson(res, 401, { message: 'Token expired' }),
    );
    const { client } = testClient({
      headers: () => ({ authorization: `Bearer ${token}` }),
      onUnauthorized: async () => {
        refreshes++;
        token = 'fresh';
        return true;
      },
    });
    await expect(client.request('GET', '/products')).resolves.toMatchObject({ data: { ok: true } });
    expect(refreshes).toBe(1);
    expect(client.stats).toEqual({ calls: 2, retries: 1, throttled: 0 });
  });

  it('gives up with a config error when the refreshed credentials are refused too', async () => {
    let refreshes = 0;
    server.respond((_req, res) => sendJson(res, 403, { message: 'Store is closed' }));
    const { client } = testClient({
      onUnauthorized: async () => {
        refreshes++;
        return true;
      },
    });
    const error = await failureOf(client.request('GET', '/products'));
    expect(error).toMatchObject({ kind: 'config', message: 'MyCashflow denied access (403): Store is closed' });
    expect(refreshes).toBe(1);
    expect(client.stats.calls).toBe(2);
  });

  it('turns another 4xx into an HttpError with the status and the remote message', async () => {
    server.respond((_req, res) => sendJson(res, 404, { errors: [{ message: 'Product 9 not found' }] }));
    const { client } = testClient();
    const error = await failureOf(client.request('GET', '/products/9', { query: { key: 'query-secret' } }));
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({
      kind: 'record',
      status: 404,
      method: 'GET',
      url: `${server.url}/api/v1/products/9`,
      body: { errors: [{ message: 'Product 9 not found' }] },
      message: 'MyCashflow GET /api/v1/products/9 returned 404: Product 9 not found',
    });
    expect(client.stats).toEqual({ calls: 1, retries: 0, throttled: 0 });
  });

  it('refuses a body on a GET and a base URL that is not one', async () => {
    const { client } = testClient();
    await expect(client.request('GET', '/products', { body: {} })).rejects.toMatchObject({ kind: 'system' });
    expect(() => createHttpClient({ name: 'Procountor', baseUrl: 'not a url' })).toThrow(
      'Procountor base URL is not a valid URL: not a url',
    );
  });
});
