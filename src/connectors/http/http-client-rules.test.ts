import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuthStrategy } from '../auth/strategy.js';
import { sendJson, startTestServer } from './fixtures/test-server.js';
import type { TestServer } from './fixtures/test-server.js';
import { createHttpClient, decodeBody } from './http-client.js';
import type { HttpClientOptions } from './http-client.js';
import { recordingClient } from './fixtures/recording-client.js';
import { HttpError, isAmbiguous } from './http-errors.js';
import type { TokenBucket } from './rate-limiter.js';
import { checkRules, findRule } from './response-rules.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const testClient = (overrides: Partial<HttpClientOptions> = {}) => recordingClient({ name: 'Shop', baseUrl: server.url, ...overrides });

const fault = (text: string) =>
  `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><soap:Fault><faultcode>soap:Server</faultcode><faultstring>${text}</faultstring></soap:Fault></soap:Body></soap:Envelope>`;

function sendXml(res: import('node:http').ServerResponse, status: number, body: string): void {
  res.writeHead(status, { 'content-type': 'text/xml; charset=utf-8' });
  res.end(body);
}

describe('findRule', () => {
  const exchange = (status: number, text = '') => ({ status, headers: new Headers(), text });

  it('matches a status, a list, a range and a body, request rules before client rules', () => {
    const request = [{ status: 403, kind: 'record' as const }];
    const client = [
      { status: [400, 422], kind: 'config' as const },
      { status: { from: 500, to: 599 }, body: /Fault/, kind: 'transient' as const },
      { body: (text: string) => text.includes('"error"'), kind: 'record' as const },
    ];
    expect(findRule(exchange(403), request, client)).toBe(request[0]);
    expect(findRule(exchange(422), request, client)).toBe(client[0]);
    expect(findRule(exchange(503, '<Fault/>'), request, client)).toBe(client[1]);
    expect(findRule(exchange(503, 'down'), request, client)).toBeUndefined();
    expect(findRule(exchange(200, '{"error":"x"}'), request, client)).toBe(client[2]);
    expect(findRule(exchange(200, '{}'), undefined, client)).toBeUndefined();
  });

  it('gives the same answer twice for a global pattern', () => {
    const rules = [{ body: /gone/g, kind: 'auth-expired' as const }];
    expect(findRule(exchange(500, 'session gone'), rules)).toBe(rules[0]);
    expect(findRule(exchange(500, 'session gone'), rules)).toBe(rules[0]);
  });

  it('refuses a rule that would claim every response', () => {
    expect(() => checkRules([{ kind: 'record' }])).toThrow('a response rule of kind record needs a status or a body to match');
    expect(() => createHttpClient({ name: 'Shop', baseUrl: 'https://x.test', rules: [{ kind: 'config' }] })).toThrow(/needs a status or a body/);
  });
});

describe('createHttpClient: response rules', () => {
  it('turns a 403 that a request rule calls a record refusal into an HttpError, without renewing auth', async () => {
    let renewals = 0;
    server.respond((_req, res) => sendJson(res, 403, { message: 'Invoice is already sent' }));
    const { client } = testClient({
      auth: {
        headers: () => ({ authorization: 'Bearer t' }),
        onExpired: async () => {
          renewals++;
          return true;
        },
      },
    });
    const error = await client.request('PUT', '/invoices/1/send', { rules: [{ status: 403, kind: 'record' }] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'record', status: 403, message: 'Shop PUT /invoices/1/send returned 403: Invoice is already sent' });
    expect(renewals).toBe(0);
    expect(server.requests).toHaveLength(1);
  });

  it('reads a SOAP fault on HTTP 500 as the rule says: config, with the rule message', async () => {
    server.respond((_req, res) => sendXml(res, 500, fault('Provided IdentityId is blocked')));
    const { client } = testClient({
      rules: [{ status: 500, body: /IdentityId is blocked/, kind: 'config', message: () => 'Shop: the identity is blocked; choose another one' }],
    });
    await expect(client.request('POST', '/auth.asmx', { body: { raw: '<x/>', contentType: 'text/xml' } })).rejects.toMatchObject({
      kind: 'config',
      message: 'Shop: the identity is blocked; choose another one',
    });
    expect(server.requests).toHaveLength(1);
  });

  it('treats a 200 whose body is an error as the record refusal a rule names', async () => {
    server.respond((_req, res) => sendJson(res, 200, { error: 'Unknown article' }));
    const { client } = testClient({ rules: [{ status: 200, body: /"error"/, kind: 'record' }] });
    await expect(client.request('GET', '/articles')).rejects.toMatchObject({ kind: 'record', status: 200, message: 'Shop GET /articles returned 200: Unknown article' });
  });

  it('retries a transient rule only when resending is safe', async () => {
    const rules = [{ status: 500, body: /deadlock/, kind: 'transient' as const }];
    server.respond((_req, res, index) => (index === 0 ? sendXml(res, 500, fault('deadlock victim')) : sendXml(res, 200, '<ok/>')));
    const read = testClient({ rules });
    await expect(read.client.request('POST', '/search', { body: { q: 1 }, idempotent: true, responseType: 'text' })).resolves.toMatchObject({ data: '<ok/>' });
    expect(read.client.stats.retries).toBe(1);

    server.respond((_req, res) => sendXml(res, 500, fault('deadlock victim')));
    const write = testClient({ rules });
    const error = await write.client.request('POST', '/save', { body: { q: 1 } }).catch((e: unknown) => e);
    expect(isAmbiguous(error)).toBe(true);
    expect((error as Error).message).toMatch(/outcome unknown after server error \(500\): /);
  });

  it('resends even a POST on a retry-after rule, waiting what the body names and pausing the shared bucket', async () => {
    const paused: number[] = [];
    server.respond((_req, res, index) => (index === 0 ? sendXml(res, 500, fault('Limit exceeded by 3. Request is blocked.')) : sendXml(res, 200, '<ok/>')));
    const { client } = testClient({
      limiter: { acquire: async () => undefined, pauseFor: (ms: number) => void paused.push(ms) } as unknown as TokenBucket,
      rules: [{ status: 500, body: /Limit exceeded/, kind: 'retry-after', retryAfterMs: () => 1500, message: () => 'request budget used' }],
    });
    await expect(client.request('POST', '/save', { body: {} })).resolves.toMatchObject({ status: 200 });
    expect(paused).toEqual([1500]);
    expect(client.stats).toEqual({ calls: 2, retries: 1, throttled: 1 });
  });

  it('gives a retry-after rule without a wait the Retry-After header, then backoff', async () => {
    server.respond((_req, res) => sendJson(res, 503, { message: 'busy' }, { 'retry-after': '2' }));
    const { client, slept } = testClient({ retry: { maxAttempts: 2 }, rules: [{ status: 503, kind: 'retry-after' }] });
    const error = await client.request('POST', '/orders', { body: {} }).catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'transient', retryAfterMs: 2000, message: 'Shop POST /orders failed after 2 attempts: server error (503): busy' });
    expect(slept).toEqual([2000]);
  });

  it('renews the session once on an auth-expired rule and retries, then gives up with a config error', async () => {
    let session = 'old';
    let renewals = 0;
    const auth: AuthStrategy = {
      headers: () => ({ cookie: `sid=${session}` }),
      onExpired: async () => {
        renewals++;
        session = 'new';
        return true;
      },
    };
    const rules = [{ status: 500, body: /not authenticated/, kind: 'auth-expired' as const, message: () => 'Shop ended the session' }];
    server.respond((req, res) => (req.headers.cookie === 'sid=new' ? sendXml(res, 200, '<ok/>') : sendXml(res, 500, fault('Client is not authenticated'))));
    const { client } = testClient({ auth, rules });
    await expect(client.request('POST', '/x', { body: {} })).resolves.toMatchObject({ status: 200 });
    expect(renewals).toBe(1);
    expect(server.requests.map((r) => r.headers.cookie)).toEqual(['sid=old', 'sid=new']);

    server.respond((_req, res) => sendXml(res, 500, fault('Client is not authenticated')));
    await expect(client.request('POST', '/x', { body: {} })).rejects.toMatchObject({ kind: 'config', message: 'Shop ended the session' });
    expect(renewals).toBe(2);
    expect(server.requests).toHaveLength(2);
  });
});

describe('createHttpClient: accept, text and auth strategies', () => {
  it('sends the Accept of the client or the request, and returns text when asked even for JSON', async () => {
    server.respond((_req, res) => sendJson(res, 200, { a: 1 }));
    const { client } = testClient({ accept: 'text/xml' });
    const text = await client.request('GET', '/a', { responseType: 'text' });
    await client.request('GET', '/b', { accept: 'text/csv' });
    expect(text.data).toBe('{"a":1}');
    expect(server.requests.map((r) => r.headers.accept)).toEqual(['text/xml', 'text/csv']);
  });

  it('adds the strategy query before the strategy headers, which see the final URL and the body', async () => {
    const seen: string[] = [];
    const auth: AuthStrategy = {
      query: () => ({ key: 'k1' }),
      headers: ({ method, url, body }) => {
        seen.push(`${method} ${url.pathname}${url.search} ${body}`);
        return { 'x-signature': 'sig' };
      },
    };
    server.respond((_req, res) => sendJson(res, 200, {}));
    const { client } = testClient({ auth, headers: () => ({ 'x-signature': 'overridden', 'user-agent': 'wmsync' }) });
    await client.request('POST', '/put', { query: { ids: [1, 2], q: 'a b' }, body: { n: 1 } });
    // The request's own query keeps its encoding (a list's commas, %20), which URLSearchParams would rewrite.
    expect(server.requests[0]?.url).toBe('/put?ids=1,2&q=a%20b&key=k1');
    expect(server.requests[0]?.headers).toMatchObject({ 'x-signature': 'sig', 'user-agent': 'wmsync' });
    expect(seen).toEqual(['POST /put?ids=1,2&q=a%20b&key=k1 {"n":1}']);
  });

  it('renews through the strategy on a 401 and keeps the key out of error messages', async () => {
    let renewals = 0;
    server.respond((_req, res) => sendJson(res, 401, { message: 'bad key' }));
    const { client } = testClient({
      auth: {
        query: () => ({ apikey: 'query-secret' }),
        headers: () => ({}),
        onExpired: async () => {
          renewals++;
          return false;
        },
      },
    });
    const error = await client.request('GET', '/items').catch((e: unknown) => e);
    expect(error).toMatchObject({ kind: 'config', message: 'Shop refused the credentials (401): bad key' });
    expect(renewals).toBe(1);
    expect(server.requests).toHaveLength(1);
  });
});

describe('answers in the charset they name', () => {
  const latin1 = (text: string) => Uint8Array.from([...text].map((c) => c.charCodeAt(0)));
  it('decodes ISO-8859-1 by the Content-Type or the XML prolog, and UTF-8 otherwise', () => {
    expect(decodeBody(latin1('Åsa Öberg'), 'text/xml; charset=ISO-8859-1')).toBe('Åsa Öberg');
    expect(decodeBody(latin1('<?xml version="1.0" encoding="iso-8859-1"?><n>Bjärred</n>'), 'text/xml')).toBe('<?xml version="1.0" encoding="iso-8859-1"?><n>Bjärred</n>');
    expect(decodeBody(new TextEncoder().encode('Jyväskylä'), 'application/json')).toBe('Jyväskylä');
    expect(decodeBody(new TextEncoder().encode('Jyväskylä'), 'text/plain; charset=x-unknown')).toBe('Jyväskylä');
  });
});
