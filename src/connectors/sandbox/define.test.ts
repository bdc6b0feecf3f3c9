import type { Context } from 'hono';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSandbox } from './define.js';
import type { BaseSandboxOptions } from './define.js';
import { ApiError } from './errors.js';

/** The system's error body, in XML as a SOAP system answers: the kit must not assume JSON. */
const fault = (c: Context, status: number, message: string, field?: string) =>
  c.body(`<Fault><code>${status}</code><message>${message}</message>${field ? `<field>${field}</field>` : ''}</Fault>`, status as 500, { 'content-type': 'text/xml' });

/** A minimal SOAP-like simulator: one service, actions told apart by the SOAPAction header. */
const createTinySandbox = defineSandbox({
  rateLimit: { perSecond: 0, burst: 1 },
  settings: { initial: (options: BaseSandboxOptions & { greeting?: string }) => ({ greeting: options.greeting ?? 'hello' }), schema: { greeting: z.string().min(1) } },
  error: fault,
  invalidStatus: 422,
  requestLabel: (c) => `${c.req.method} ${c.req.path} ${c.req.header('SOAPAction') ?? ''}`,
  build(kit) {
    const items = ['first', 'second', 'third'];
    kit.app.use('/svc/*', kit.record, kit.limit(() => 'one key'), kit.latency, kit.injectFaults);
    kit.app.post('/svc/Items.asmx', (c) => {
      if (c.req.header('SOAPAction') === 'Missing') throw new ApiError(404, 'No such item', 'ItemId');
      const body = items.map((name, i) => `<Item>${kit.faults.corrupts('items', items.length, i + 1) ? '???' : name}</Item>`).join('');
      return c.body(`<Items greeting="${kit.values.greeting}">${body}</Items>`, 200, { 'content-type': 'text/xml' });
    });
    return {
      items,
      state: () => ({ counts: { items: items.length } }),
      control: (control) => {
        control.post('/items', async (c) => {
          const { name } = await kit.readBody(c, z.strictObject({ name: z.string() }));
          items.push(name);
          return c.json({ items }, 201);
        });
      },
    };
  },
});

const soap = (action: string) => ({ method: 'POST', headers: { SOAPAction: action, 'content-type': 'text/xml' }, body: '<Envelope/>' });
const json = (method: string, body?: unknown) => ({ method, headers: { 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }) });

describe('defineSandbox: the control API', () => {
  it('shows state and settings, changes settings at runtime, and refuses bad ones in the system body', async () => {
    const sandbox = createTinySandbox({ greeting: 'moi' });
    await sandbox.app.request('/svc/Items.asmx', soap('GetItems'));
    const state = (await (await sandbox.app.request('/_sandbox/state')).json()) as Record<string, any>;
    expect(state).toMatchObject({
      counts: { items: 3, requests: 1 },
      settings: { latencyMs: 0, rateLimit: { perSecond: 0, burst: 1 }, greeting: 'moi' },
      faults: { counters: { serverError: 0, malformed: 0 } },
    });
    const changed = await sandbox.app.request('/_sandbox/settings', json('POST', { greeting: 'hei', rateLimit: { perSecond: 1, burst: 1 } }));
    expect(await changed.json()).toMatchObject({ greeting: 'hei', rateLimit: { perSecond: 1, burst: 1 } });
    expect(sandbox.settings.greeting).toBe('hei');
    expect(await (await sandbox.app.request('/svc/Items.asmx', soap('GetItems'))).text()).toContain('greeting="hei"');
    const limited = await sandbox.app.request('/svc/Items.asmx', soap('GetItems'));
    expect([limited.status, limited.headers.get('Retry-After'), await limited.text()]).toEqual([429, '1', '<Fault><code>429</code><message>Rate limit exceeded: 1 calls per second</message></Fault>']);

    const refused = await sandbox.app.request('/_sandbox/settings', json('POST', { greeting: '' }));
    expect(refused.status).toBe(422);
    expect(await refused.text()).toMatch(/^<Fault><code>422<\/code><message>greeting: .*<\/message><field>greeting<\/field><\/Fault>$/);
    expect((await sandbox.app.request('/_sandbox/settings', json('POST', { unknown: 1 }))).status).toBe(422);
    expect((await sandbox.app.request('/_sandbox/settings', json('POST', 'not json'))).status).toBe(400);
    expect(sandbox.settings.greeting).toBe('hei');
  });

  it("takes the system's own control routes, an empty body as {}, and never records control calls", async () => {
    const sandbox = createTinySandbox();
    const added = await sandbox.app.request('/_sandbox/items', json('POST', { name: 'fourth' }));
    expect([added.status, await added.json()]).toEqual([201, { items: ['first', 'second', 'third', 'fourth'] }]);
    expect((await sandbox.app.request('/_sandbox/items', { method: 'POST' })).status).toBe(422);
    expect((await sandbox.app.request('/_sandbox/faults', { method: 'POST' })).status).toBe(200);
    expect(sandbox.state()).toMatchObject({ counts: { items: 4, requests: 0 } });
    await sandbox.app.request('/svc/Items.asmx', soap('GetItems'));
    const requests = (await (await sandbox.app.request('/_sandbox/requests')).json()) as { data: { path: string; body: unknown }[] };
    expect(requests.data).toMatchObject([{ path: '/svc/Items.asmx', body: '<Envelope/>' }]);
    expect((await sandbox.app.request('/_sandbox/requests', { method: 'DELETE' })).status).toBe(204);
    expect(sandbox.recorder.requests).toHaveLength(0);
  });

  it('answers thrown errors and unknown routes in the system body', async () => {
    const sandbox = createTinySandbox();
    const missing = await sandbox.app.request('/svc/Items.asmx', soap('Missing'));
    expect([missing.status, await missing.text()]).toEqual([404, '<Fault><code>404</code><message>No such item</message><field>ItemId</field></Fault>']);
    const unknown = await sandbox.app.request('/svc/Other.asmx', soap('GetItems'));
    expect([unknown.status, await unknown.text()]).toEqual([404, '<Fault><code>404</code><message>No route POST /svc/Other.asmx</message></Fault>']);
  });
});

describe('defineSandbox: faults', () => {
  it('fails the matching action only, in the system body, counts it, and resets over the control API', async () => {
    const sandbox = createTinySandbox();
    const set = await sandbox.app.request('/_sandbox/faults', json('POST', { serverError: { next: 2, match: 'GetItems$', status: 503 }, malformed: { items: [2] } }));
    expect(((await set.json()) as { settings: { serverError: { next: number } } }).settings.serverError.next).toBe(2);
    const other = await sandbox.app.request('/svc/Items.asmx', soap('ListItems'));
    expect(await other.text()).toBe('<Items greeting="hello"><Item>first</Item><Item>???</Item><Item>third</Item></Items>');
    const failed = await sandbox.app.request('/svc/Items.asmx', soap('GetItems'));
    expect([failed.status, await failed.text()]).toEqual([503, '<Fault><code>503</code><message>Injected server error</message></Fault>']);
    const faults = (await (await sandbox.app.request('/_sandbox/faults')).json()) as { counters: Record<string, number> };
    expect(faults.counters).toMatchObject({ serverError: 1, malformed: 1 });
    expect((await sandbox.app.request('/_sandbox/faults', json('POST', { serverError: { rate: 2 } }))).status).toBe(422);

    expect((await sandbox.app.request('/_sandbox/faults', { method: 'DELETE' })).status).toBe(204);
    expect((await sandbox.app.request('/svc/Items.asmx', soap('GetItems'))).status).toBe(200);
    expect(sandbox.faults.counters).toMatchObject({ serverError: 0, malformed: 0 });
  });

  it('answers 429 with Retry-After and delays every call by the latency setting', async () => {
    const sandbox = createTinySandbox();
    sandbox.faults.set({ tooManyRequests: { next: 1, retryAfterSeconds: 4 } });
    const limited = await sandbox.app.request('/svc/Items.asmx', soap('GetItems'));
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '4']);
    sandbox.configure({ latencyMs: 40 });
    const started = performance.now();
    expect((await sandbox.app.request('/svc/Items.asmx', soap('GetItems'))).status).toBe(200);
    expect(performance.now() - started).toBeGreaterThanOrEqual(35);
  });
});

describe('defineSandbox: deliveries', () => {
  it('refuses to send without a sender, sends through the one it is given, and lists both', async () => {
    expect(await createTinySandbox().deliveries.deliver('http://shop.example/hook', { id: 1 })).toMatchObject({ error: expect.stringContaining('without a sender') });
    const received: { url: string; type: string | null; body: string }[] = [];
    const sandbox = createTinySandbox({ send: async (request) => {
      received.push({ url: request.url, type: request.headers.get('content-type'), body: await request.text() });
      return new Response(null, { status: 202 });
    } });
    expect(await sandbox.deliveries.deliver('http://hub.example/webhooks/x/1', { event: 'order.created', id: 7 }, { 'x-signature': 'abc' })).toMatchObject({ status: 202 });
    expect(received).toEqual([{ url: 'http://hub.example/webhooks/x/1', type: 'application/json', body: '{"event":"order.created","id":7}' }]);
    const listed = (await (await sandbox.app.request('/_sandbox/deliveries')).json()) as { data: unknown[] };
    expect(listed.data).toMatchObject([{ url: 'http://hub.example/webhooks/x/1', body: { event: 'order.created', id: 7 }, status: 202 }]);
  });
});
