import { describe, expect, it } from 'vitest';
import { createOAuthClient } from '../../../src/connectors/sdk/index.js';
import { oauthEndpoints } from '../auth.js';
import { mystoreSettings } from '../settings.js';
import { createMystoreSandbox, sandboxClient, sandboxUser } from './server.js';
import { personalToken } from './tokens.js';

const origin = 'http://mystore.test';
const api = `${origin}/shops/sandbox`;
const open = () => createMystoreSandbox({ seed: 2, products: 9, orders: 7, rateLimit: { perSecond: 0, burst: 0 } });
type Sandbox = ReturnType<typeof open>;

const call = async (sandbox: Sandbox, path: string, init: RequestInit & { token?: string } = {}) => {
  const { token = personalToken, ...rest } = init;
  const res = await sandbox.fetch(new Request(`${api}${path}`, { ...rest, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/vnd.api+json', ...rest.headers } }));
  return { status: res.status, headers: res.headers, body: (await res.json()) as any };
};

/** A browser's way through the consent page: the form as served, filled in and sent; the redirect's code. */
async function consent(sandbox: Sandbox, scope: string, redirectUri: string, decision = 'allow') {
  const url = new URL(`${origin}/oauth/authorize`);
  Object.entries({ client_id: sandboxClient.clientId, redirect_uri: redirectUri, response_type: 'code', scope, state: 's-123' }).forEach(([k, v]) => url.searchParams.set(k, v));
  const pageRes = await sandbox.fetch(new Request(url));
  const page = await pageRes.text();
  const form = new URLSearchParams();
  for (const m of page.matchAll(/<input type="hidden" name="([^"]+)" value="([^"]*)">/g)) form.set(m[1]!, m[2]!.replace(/&amp;/g, '&').replace(/&#39;/g, "'").replace(/&quot;/g, '"'));
  form.set('email', sandboxUser.email);
  form.set('password', sandboxUser.password);
  form.set('decision', decision);
  const answer = await sandbox.fetch(new Request(url, { method: 'POST', body: form, headers: { 'content-type': 'application/x-www-form-urlencoded' } }));
  return { page, answer, location: new URL(answer.headers.get('location') ?? 'http://none/') };
}

describe('mystore.no sandbox', () => {
  it('pages by page[number]/page[size], with links.next only while more pages exist, and 404 past the end', async () => {
    const sandbox = open();
    const first = await call(sandbox, '/orders?page[number]=1&page[size]=5');
    expect(first.headers.get('content-type')).toMatch(/application\/vnd\.api\+json/);
    expect(first.body.data).toHaveLength(5);
    expect(first.body.links.next).toMatch(/page%5Bnumber%5D=2|page\[number\]=2/);
    const last = await call(sandbox, '/orders?page[number]=2&page[size]=5');
    expect(last.body.data).toHaveLength(2);
    expect(last.body.links.next).toBeUndefined();
    expect((await call(sandbox, '/orders?page[number]=3&page[size]=5')).status).toBe(404);
  });

  it('filters on update time, gives sparse fieldsets (400 for an unknown field) and includes related resources', async () => {
    const sandbox = open();
    const order = await sandbox.setOrderStatus(10_003, 'Behandles');
    const since = encodeURIComponent(order.updated_at);
    const changed = await call(sandbox, `/orders?filter[u][path]=updated_at&filter[u][value]=${since}&filter[u][operator]=gte&include=order-products.order-product-attributes,order-status`);
    expect(changed.body.data.map((o: { id: string }) => o.id)).toEqual(['10003']);
    expect(changed.body.included.map((r: { type: string }) => r.type)).toEqual(expect.arrayContaining(['order-products', 'order-status']));
    const sparse = await call(sandbox, '/products?fields[products]=sku,quantity');
    expect(Object.keys(sparse.body.data[0].attributes).sort()).toEqual(['quantity', 'sku']);
    const unknown = await call(sandbox, '/products?fields[products]=sku,colour');
    expect(unknown.status).toBe(400);
    expect(unknown.body.errors[0]).toMatchObject({ status: '400', detail: expect.stringContaining('colour') });
    expect((await call(sandbox, '/orders?filter[u][path]=nope&filter[u][value]=1')).status).toBe(400);
  });

  it('limits each token to its calls a minute with a 429 and Retry-After', async () => {
    const sandbox = createMystoreSandbox({ seed: 2, products: 2, orders: 2, rateLimit: { perSecond: 2, burst: 3 } });
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await call(sandbox, '/order-status'));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(Number(answers[3]!.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(answers[3]!.body.errors[0]).toMatchObject({ status: '429' });
  });

  it('authorises through its consent page (state kept, every permission listed), and its tokens carry scopes and the shop', async () => {
    const sandbox = open();
    const scope = String(mystoreSettings.oauthScopes.default);
    const redirectUri = 'https://hub.example/oauth/callback';
    const { page, answer, location } = await consent(sandbox, scope, redirectUri);
    for (const s of scope.split(' ')) expect(page).toContain(`data-scope="${s}"`);
    expect(answer.status).toBe(302);
    expect(location.searchParams.get('state')).toBe('s-123');

    const client = createOAuthClient({ name: 'mystore.no', endpoints: oauthEndpoints(api, scope), ...sandboxClient, allowInsecure: true, fetch: (input, init) => sandbox.fetch(new Request(input, init)) });
    const tokens = await client.exchangeCode(location, 's-123', redirectUri);
    const claims = JSON.parse(Buffer.from(tokens.accessToken.split('.')[1]!, 'base64url').toString());
    expect(claims).toMatchObject({ no_mystore_hosts: ['sandbox'], scope });
    expect((await call(sandbox, '/orders', { token: tokens.accessToken })).status).toBe(200);
    const renewed = await client.refresh(tokens.refreshToken!);
    expect((await call(sandbox, '/orders', { token: renewed.accessToken })).status).toBe(200);
    // A used code is refused.
    await expect(client.exchangeCode(location, 's-123', redirectUri)).rejects.toThrow(/invalid_grant/);
  });

  it('refuses a token without the scope a call needs (403), a denied consent, and an unknown shop (404)', async () => {
    const sandbox = open();
    const redirectUri = 'https://hub.example/oauth/callback';
    const { location } = await consent(sandbox, 'read:products', redirectUri);
    const client = createOAuthClient({ name: 'mystore.no', endpoints: oauthEndpoints(api, 'read:products'), ...sandboxClient, allowInsecure: true, fetch: (input, init) => sandbox.fetch(new Request(input, init)) });
    const { accessToken } = await client.exchangeCode(location, 's-123', redirectUri);
    expect((await call(sandbox, '/products', { token: accessToken })).status).toBe(200);
    const refused = await call(sandbox, '/orders', { token: accessToken });
    expect(refused.status).toBe(403);
    expect(refused.body.errors[0].detail).toMatch(/read:orders/);
    expect((await consent(sandbox, 'read:orders', redirectUri, 'deny')).location.searchParams.get('error')).toBe('access_denied');
    const other = await sandbox.fetch(new Request(`${origin}/shops/another/orders`, { headers: { authorization: `Bearer ${personalToken}` } }));
    expect(other.status).toBe(404);
  });

  it('marks an order delivered by each of the three calls, and records which', async () => {
    const sandbox = open();
    const levert = sandbox.store.statusByName('levert')!.id;
    const order = (id: number) => ({ type: 'orders', id: String(id) });
    const history = await call(sandbox, '/order-status-history', {
      method: 'POST',
      body: JSON.stringify({ data: { type: 'order-status-history', attributes: { comments: 'Sporing', customer_notified: 1, tracking_number: 'T1' }, relationships: { order: { data: order(10_001) }, 'order-status': { data: { type: 'order-status', id: String(levert) } } } } }),
    });
    expect(history.status).toBe(201);
    expect((await call(sandbox, '/orders/10002/complete', { method: 'PATCH', body: JSON.stringify({ data: { ...order(10_002), attributes: { tracking_number: 'T2' } } }) })).status).toBe(200);
    const patched = await call(sandbox, '/orders/10003', { method: 'PATCH', body: JSON.stringify({ data: { ...order(10_003), attributes: { tracking_number: 'T3' }, relationships: { 'order-status': { data: { type: 'order-status', id: String(levert) } } } } }) });
    expect(patched.status).toBe(200);
    expect(sandbox.store.history.map((h) => [h.orderId, h.via, h.tracking_number])).toEqual([[10_001, 'status-history', 'T1'], [10_002, 'complete', 'T2'], [10_003, 'patch-order', 'T3']]);
    expect([10_001, 10_002, 10_003].map((id) => sandbox.store.orders.get(id)!.statusId)).toEqual([levert, levert, levert]);
  });
});
