import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mycashflow } from '../../connectors/mycashflow/connector.js';
import { createRegistry } from '../../src/connectors/registry.js';
import { runCli } from '../support/cli.js';
import { sampleArticle, sampleOrder } from '../support/fixtures.js';
import { testApp } from '../support/http.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';
import { SIGNATURE_HEADER, sign, webhookShop } from '../sync/webhook-shop.js';

/**
 * Hostile input on every public surface: the API, the CLI and the webhook route. Each case must be
 * a 4xx (exit code 2 for the CLI) whose answer names the field and the reason; afterwards nothing
 * of it is in the database and the hub still serves. The body limit itself (413 before a body is
 * read whole) is proven in hardening.test.ts; here a 50 MB body is one case among the others.
 */
const WEBHOOK_SECRET = 'hostile-webhook-secret';

interface ApiCase {
  name: string;
  method: string;
  path: string;
  /** A string is sent as it is; anything else as JSON. */
  body?: unknown;
  contentType?: string;
  status: number;
  /** The field the answer must name (in details, else in the message). */
  field?: string;
  reason: RegExp;
}

const article = sampleArticle('A-1');
const order = sampleOrder('SO-1');
const deep = (depth: number) => '['.repeat(depth) + ']'.repeat(depth);
const orderWithLine = (line: Record<string, unknown>) => ({ ...order, orderLines: [{ ...order.orderLines[0], ...line }] });

const apiCases: ApiCase[] = [
  // Malformed JSON
  { name: 'cut-off JSON object', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: '{"articleNumber": "A-1", ', status: 400, field: '(body)', reason: /is not valid JSON/ },
  { name: 'JSON with a trailing comma', method: 'POST', path: '/goods-owners', body: '{"code": "X", "name": "Y",}', status: 400, field: '(body)', reason: /is not valid JSON/ },
  { name: 'single-quoted JSON', method: 'PUT', path: '/goods-owners/ACME/orders/SO-1', body: "{'orderInfo': {}}", status: 400, field: '(body)', reason: /is not valid JSON/ },
  { name: 'an empty body', method: 'POST', path: '/integrations', body: '', status: 400, field: '(body)', reason: /not valid JSON|expected object/ },
  { name: 'JSON nested 100 000 deep', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: deep(100_000), status: 422, field: '(record)', reason: /should be an object/ },
  { name: 'invalid UTF-8 bytes', method: 'POST', path: '/goods-owners', body: Buffer.from([0x7b, 0x22, 0x63, 0x6f, 0x64, 0x65, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]), status: 422, field: 'code', reason: /must be 1-50 letters/ },
  // Wrong types
  { name: 'an array instead of an object', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: [article], status: 422, field: '(record)', reason: /should be an object/ },
  { name: 'null as the body', method: 'POST', path: '/goods-owners', body: null, status: 422, field: '(record)', reason: /should be an object/ },
  { name: 'a number where text belongs', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: { ...article, articleName: 42 }, status: 422, field: 'articleName', reason: /should be text/ },
  { name: 'a quantity as text', method: 'PUT', path: '/goods-owners/ACME/orders/SO-1', body: orderWithLine({ numberOfItems: '3' }), status: 422, field: 'orderLines[0].numberOfItems', reason: /is not a number/ },
  { name: 'an object where a price belongs', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: { ...article, price: { amount: 1 } }, status: 422, field: 'price', reason: /is not a number/ },
  { name: 'a status of the wrong type', method: 'POST', path: '/goods-owners/ACME/orders/SO-1/status', body: { status: [400] }, status: 422, field: 'status', reason: /./ },
  { name: 'a role that does not exist', method: 'POST', path: '/users', body: { email: 'x@y.example', password: 'long enough password', role: 'root' }, status: 422, field: 'role', reason: /admin|goods-owner/ },
  // Unknown fields
  { name: 'an unknown article field', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: { ...article, colour: 'grey' }, status: 422, field: 'colour', reason: /is not a known field/ },
  { name: 'an unknown order line field', method: 'PUT', path: '/goods-owners/ACME/orders/SO-1', body: orderWithLine({ colour: 'grey' }), status: 422, field: 'orderLines[0].colour', reason: /is not a known field/ },
  { name: '__proto__ in a body', method: 'POST', path: '/goods-owners', body: '{"code":"EVIL","name":"Evil","__proto__":{"role":"admin"}}', status: 422, field: '__proto__', reason: /is not a known field/ },
  { name: 'an unknown field of a new integration', method: 'POST', path: '/integrations', body: { goodsOwner: 'ACME', system: 'mycashflow', owner: 'BETA' }, status: 422, field: 'owner', reason: /is not a known field/ },
  { name: 'an unknown field of a user change', method: 'PATCH', path: '/users/root@hub.example', body: { isAdmin: true }, status: 422, field: 'isAdmin', reason: /is not a known field/ },
  // Very long strings
  { name: 'a 100 000-character goods owner name', method: 'POST', path: '/goods-owners', body: { code: 'LONG', name: 'n'.repeat(100_000) }, status: 422, field: 'name', reason: /200/ },
  { name: 'a 10 000-character article number in the address', method: 'PUT', path: `/goods-owners/ACME/articles/${'a'.repeat(10_000)}`, body: { ...article, articleNumber: 'a'.repeat(10_000) }, status: 422, field: 'articleNumber', reason: /./ },
  { name: 'a 300 000-character order remark', method: 'PUT', path: '/goods-owners/ACME/orders/SO-1', body: { ...order, orderInfo: { ...order.orderInfo, orderRemark: 'r'.repeat(300_000) } }, status: 422, field: 'orderInfo.orderRemark', reason: /./ },
  // Control characters and unicode
  { name: 'NUL in a name', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: { ...article, articleName: 'socks\u0000' }, status: 422, field: 'articleName', reason: /control characters/ },
  { name: 'an escape sequence in a customer name', method: 'PUT', path: '/goods-owners/ACME/orders/SO-1', body: { ...order, customer: { ...order.customer, name: '\u001b[31mred' } }, status: 422, field: 'customer.name', reason: /control characters/ },
  { name: 'a lone surrogate in a name', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: '{"articleNumber":"A-1","articleName":"bad \\ud800 half"}', status: 422, field: 'articleName', reason: /surrogate pair/ },
  { name: 'a lone surrogate in an integration name', method: 'POST', path: '/integrations', body: '{"goodsOwner":"ACME","system":"mycashflow","name":"half \\udc00"}', status: 422, field: 'name', reason: /surrogate pair/ },
  { name: 'a right-to-left override in a goods owner code', method: 'POST', path: '/goods-owners', body: { code: 'AC\u202eME', name: 'Spoof' }, status: 422, field: 'code', reason: /must be 1-50 letters/ },
  { name: 'a control character in the query', method: 'GET', path: '/goods-owners/ACME/orders?after=%01', status: 400, field: 'after', reason: /control characters/ },
  // Negative, fractional and impossible quantities
  { name: 'a negative quantity', method: 'PUT', path: '/goods-owners/ACME/orders/SO-1', body: orderWithLine({ numberOfItems: -1 }), status: 422, field: 'orderLines[0].numberOfItems', reason: /./ },
  // A fractional quantity (0.5 kg) is a legitimate order (ADR 0009); zero and a fractional row are not.
  { name: 'a zero quantity', method: 'PUT', path: '/goods-owners/ACME/orders/SO-1', body: orderWithLine({ numberOfItems: 0 }), status: 422, field: 'orderLines[0].numberOfItems', reason: /greater than 0/ },
  { name: 'a fractional row picked', method: 'POST', path: '/goods-owners/ACME/orders/SO-1/status', body: { status: 'picked', picked: [{ row: 1.5, quantity: 1 }] }, status: 422, field: 'picked[0].row', reason: /is not a whole number/ },
  { name: 'a quantity of 1e400 (infinite)', method: 'PUT', path: '/goods-owners/ACME/orders/SO-1', body: '{"orderInfo":{"goodsOwnerOrderNumber":"SO-1"},"customer":{"name":"A"},"orderLines":[{"articleNumber":"ART-1001","numberOfItems":1e400}]}', status: 422, field: 'orderLines[0].numberOfItems', reason: /./ },
  { name: 'a negative stock count', method: 'PUT', path: '/goods-owners/ACME/stock/ART-1001', body: { physical: -5 }, status: 422, field: 'physical', reason: /should be 0 or more/ },
  { name: 'a negative limit', method: 'GET', path: '/goods-owners/ACME/orders?limit=-5', status: 400, field: 'limit', reason: /./ },
  { name: 'a fractional limit', method: 'GET', path: '/audit-log?limit=2.5', status: 400, field: 'limit', reason: /is not a whole number/ },
  { name: 'a token valid for 0.5 days', method: 'POST', path: '/users/root@hub.example/tokens', body: { days: 0.5 }, status: 422, field: 'days', reason: /is not a whole number/ },
  // Path traversal and SQL-looking ids
  { name: 'path traversal in an article number', method: 'PUT', path: '/goods-owners/ACME/articles/..%2F..%2Fetc%2Fpasswd', body: { ...article, articleNumber: '../../etc/passwd' }, status: 422, field: 'articleNumber', reason: /path segment/ },
  { name: 'path traversal as an integration id', method: 'GET', path: '/integrations/..%2F1', status: 404, reason: /integration .* not found/ },
  { name: 'SQL in an integration id', method: 'GET', path: "/integrations/1%20OR%201%3D1", status: 404, reason: /integration .* not found/ },
  { name: 'SQL in an order number', method: 'GET', path: "/goods-owners/ACME/orders/SO-1'%20OR%20'1'%3D'1", status: 404, reason: /order .* not found/ },
  { name: 'SQL in a goods owner code', method: 'POST', path: '/goods-owners', body: { code: "X'; DROP TABLE users; --", name: 'Evil' }, status: 422, field: 'code', reason: /must be 1-50 letters/ },
  { name: 'SQL in an audit-log filter', method: 'GET', path: "/audit-log?kind=user'%20OR%201%3D1", status: 400, field: 'kind', reason: /./ },
  { name: 'a negative integration id', method: 'PATCH', path: '/integrations/-1', body: { name: 'x' }, status: 404, reason: /integration .* not found/ },
  { name: 'a session id with a traversal', method: 'DELETE', path: '/users/root@hub.example/sessions/..%2F..%2F..%2Fusers', status: 422, field: 'id', reason: /is not a session id/ },
  // Sizes and content types
  { name: 'a 50 MB body', method: 'PUT', path: '/goods-owners/ACME/articles/A-1', body: JSON.stringify({ ...article, articleName: 'x'.repeat(50 * 1024 * 1024) }), status: 413, reason: /over \d+ bytes/ },
  { name: 'form data where JSON belongs', method: 'POST', path: '/goods-owners', body: 'code=EVIL&name=Evil', contentType: 'application/x-www-form-urlencoded', status: 415, field: 'content-type', reason: /must be application\/json/ },
];

/** A CLI run and the words its refusal must contain; every one must exit 2 (bad input). */
const cliCases: { name: string; args: (dir: string) => string[]; reason: RegExp }[] = [
  { name: 'a malformed JSON file', args: (dir) => ['wms', 'orders', 'put', '--goods-owner', 'ACME', '--file', file(dir, 'bad.json', '{"orderInfo": ')], reason: /not valid JSON at line 1, column/ },
  { name: 'a file with an unknown field', args: (dir) => ['wms', 'articles', 'put', '--goods-owner', 'ACME', '--file', file(dir, 'unknown.json', JSON.stringify({ ...article, colour: 'grey' }))], reason: /colour/ },
  { name: 'a negative quantity in a file', args: (dir) => ['wms', 'orders', 'put', '--goods-owner', 'ACME', '--file', file(dir, 'negative.json', JSON.stringify(orderWithLine({ numberOfItems: -2 })))], reason: /numberOfItems/ },
  { name: 'a stock count that is not a number', args: () => ['wms', 'stock', 'set', 'ART-1001', 'lots', '--goods-owner', 'ACME'], reason: /"lots" is not a number/ },
  { name: 'SQL as an integration id', args: () => ['integrations', 'show', '1; DROP TABLE users'], reason: /not a whole number|is not a number/ },
  { name: 'a traversal as a goods owner code', args: () => ['goods-owners', 'add', '../../etc', '--name', 'Evil'], reason: /code.*must be 1-50 letters/s },
  { name: 'a fractional token lifetime', args: () => ['users', 'token', 'root@hub.example', '--days', '1.5'], reason: /not a whole number/ },
  { name: 'a bad session id', args: () => ['users', 'revoke', 'root@hub.example', "'; DELETE FROM sessions; --"], reason: /is not a session id/ },
  { name: 'a negative audit-log limit', args: () => ['audit-log', 'list', '--limit', '-3'], reason: /should be 1 or more/ },
  { name: 'a control character in a name', args: () => ['goods-owners', 'rename', 'ACME', '--name', 'Acme\u0007'], reason: /name.*control characters/s },
];

const file = (dir: string, name: string, text: string) => {
  const at = path.join(dir, name);
  writeFileSync(at, text);
  return at;
};

describe('hostile input on the API, the CLI and the webhook route', () => {
  let store: TestStore;
  let t: ReturnType<typeof testApp>;
  let token = '';
  let integrationId = 0;

  beforeAll(async () => {
    store = await openTestStore();
    const shop = webhookShop();
    t = testApp(store, { registry: createRegistry([shop.connector, mycashflow]) });
    await t.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    await t.users.add({ email: 'root@hub.example', password: 'admin-password-1', role: 'admin' });
    token = (await t.users.createToken('root@hub.example', 1)).token;
    integrationId = (await t.sync.integrations.add({ goodsOwner: 'ACME', system: 'webhookshop', secrets: { webhookSecret: WEBHOOK_SECRET } })).id;
    await t.sync.integrations.setFlowEnabled(integrationId, 'article-import', true);
  });
  afterAll(() => store?.drop());

  const send = async (method: string, url: string, body?: unknown, headers: Record<string, string> = {}) => {
    const payload = body === undefined ? undefined : typeof body === 'string' || Buffer.isBuffer(body) ? body : JSON.stringify(body);
    const res = await t.app.request(url, { method, headers: { authorization: `Bearer ${token}`, ...(payload === undefined ? {} : { 'content-type': 'application/json' }), ...headers }, ...(payload === undefined ? {} : { body: payload as never }) });
    const text = await res.text();
    return { status: res.status, text, json: JSON.parse(text) as { error: { message: string; details: { field: string; reason: string }[] } } };
  };
  const expectRefusal = (res: Awaited<ReturnType<typeof send>>, status: number, field: string | undefined, reason: RegExp) => {
    expect(res.status, res.text.slice(0, 300)).toBe(status);
    const { message, details } = res.json.error;
    if (field !== undefined) {
      const named = details.find((d) => d.field === field);
      expect(named ?? message, `field ${field} in ${res.text.slice(0, 300)}`).toBeTruthy();
      expect(named ? `${named.reason} ${message}` : message).toMatch(reason);
      if (!named) expect(message).toContain(field);
    } else expect(message).toMatch(reason);
    expect(res.text.length, 'an answer repeats at most a prefix of what it was sent').toBeLessThan(4000);
  };

  it.each(apiCases)('API: $name → $status', async (c) => {
    const res = await send(c.method, `/api/v1${c.path}`, c.body, c.contentType ? { 'content-type': c.contentType } : {});
    expectRefusal(res, c.status, c.field, c.reason);
  });

  it.each(cliCases)('CLI: $name → exit 2', async (c) => {
    const res = await runCli(store, ...c.args(store.dataDir));
    expect(res.code, res.stderr).toBe(2);
    expect(res.stderr).toMatch(c.reason);
    expect(res.stderr).not.toMatch(/\n\s+at /);
  });

  const webhook = (body: string | Buffer, options: { signature?: string; id?: string } = {}) =>
    send('POST', `/webhooks/webhookshop/${options.id ?? integrationId}`, body, { [SIGNATURE_HEADER]: options.signature ?? sign(body.toString(), WEBHOOK_SECRET) });

  it.each([
    { name: 'signed malformed JSON', call: () => webhook('{"topic": "product.updated", '), status: 400, reason: /not JSON/ },
    { name: 'an unsigned body', call: () => webhook('{"topic":"product.updated","product":{"sku":"S-1","name":"x"}}', { signature: 'deadbeef' }), status: 401, reason: /signature/ },
    { name: 'a traversal as the integration id', call: () => webhook('{}', { id: '..%2F1' }), status: 404, reason: /no webhooks are taken/ },
    { name: 'SQL as the integration id', call: () => webhook('{}', { id: '1%20OR%201%3D1' }), status: 404, reason: /no webhooks are taken/ },
    { name: 'a control character in a signed body', call: () => webhook('{"topic":"product.updated","product":{"sku":"S-\\u0000","name":"x"}}'), status: 422, reason: /control characters/ },
    { name: 'a 50 MB signed body', call: () => webhook(`{"pad":"${'x'.repeat(50 * 1024 * 1024)}"}`), status: 413, reason: /over \d+ bytes/ },
  ])('webhook: $name → $status', async (c) => {
    const res = await c.call();
    expectRefusal(res, c.status, undefined, c.reason);
  });

  it('wrote nothing of it, and still serves', async () => {
    expect(apiCases.length + cliCases.length + 6).toBeGreaterThanOrEqual(40);
    expect((await t.wms.listGoodsOwners()).map((o) => o.code)).toEqual(['ACME']);
    expect((await t.wms.getGoodsOwner('ACME')).name).toBe('Acme Oy');
    expect((await t.wms.listArticles('ACME')).items).toEqual([]);
    expect((await t.wms.listOrders('ACME')).items).toEqual([]);
    expect(await store.db.selectFrom('jobs').selectAll().execute()).toEqual([]);
    expect((await t.users.list()).map((u) => u.email)).toEqual(['root@hub.example']);
    expect(await t.users.signIns.list('root@hub.example')).toHaveLength(1);
    expect((await t.sync.audit.list()).items, 'no refused change is in the audit log').toEqual([]);
    expect((await t.app.request('/healthz')).status).toBe(200);
    expect((await send('PUT', '/api/v1/goods-owners/ACME/articles/A-1', article)).json).toMatchObject({ outcome: 'created' });
    expect((await send('PUT', '/api/v1/goods-owners/ACME/orders/SO-1', order)).json).toMatchObject({ outcome: 'created' });
    expect((await t.sync.audit.list()).items.map((e) => e.record)).toEqual(['order SO-1']);
  });
});
