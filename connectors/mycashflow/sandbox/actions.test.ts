import { describe, expect, it } from 'vitest';
import { orderSchema, stockItemSchema } from '../api.js';
import { codPaymentMethodIds } from './catalog.js';
import { createMycashflowSandbox } from './server.js';
import { call, fixedNow, testSandbox } from './test-helpers.js';

const later = () => new Date('2025-03-11T08:00:00Z');

describe('MyCashflow sandbox: writes and order actions', () => {
  it('PATCH /stock sets quantity, recomputes balance, logs a stock change and keeps reserved read-only', async () => {
    const sandbox = testSandbox({ now: later });
    const item = stockItemSchema.parse((await call(sandbox, 'GET', 'stock?page_size=1')).body.data[0]);
    const patched = await call(sandbox, 'PATCH', `stock/${item.code}`, { quantity: item.quantity + 7 });
    expect(patched.status).toBe(200);
    const after = stockItemSchema.parse(patched.body.data);
    expect(after).toMatchObject({ quantity: item.quantity + 7, reserved: item.reserved, balance: item.quantity + 7 - item.reserved });
    expect(patched.body.data.quantity).toMatch(/^\d+\.000$/);
    const changes = await call(sandbox, 'GET', `stock-changes?sort=id-asc&changed_at-from=${encodeURIComponent('2025-03-11T00:00:00+00:00')}`);
    expect(changes.body.data).toEqual([expect.objectContaining({ id: 1, product_code: item.code, change: '7.000' })]);
    await call(sandbox, 'PATCH', `stock/${item.code}`, { location: 'Z-1' });
    expect((await call(sandbox, 'GET', 'stock-changes')).body.meta.item_count).toBe(1);
    expect((await call(sandbox, 'PATCH', `stock/${item.code}`, { reserved: 0 })).status).toBe(422);
    expect((await call(sandbox, 'PATCH', 'stock/NOPE-99999', { quantity: 1 })).status).toBe(404);
    const recent = await call(sandbox, 'GET', 'stock?sort=updated_at-desc&page_size=1');
    expect(recent.body.data[0].code).toBe(item.code);
  });

  it('quick-process completes shipments with the tracking code, completes the order and bumps updated_at', async () => {
    const sandbox = testSandbox({ now: later });
    const order = sandbox.createOrder({ payment_method_id: 1 });
    const result = await call(sandbox, 'POST', `orders/${order.id}/quick-process?expand=shipments,payments,events`, { tracking_code: 'JJFI123', send_emails: true });
    expect(result.status).toBe(200);
    const data = orderSchema.parse(result.body.data);
    expect(data.status).toBe('Completed');
    expect(data.shipments?.every((s) => s.status === 'COMPLETED' && s.tracking_code === 'JJFI123')).toBe(true);
    expect(data.events?.find((e) => e.code === 'order.quick_processed')?.data).toMatchObject({ send_emails: true, tracking_code: 'JJFI123' });
    expect(data.updated_at).toBe('2025-03-11T08:00:00+00:00');
    const listed = await call(sandbox, 'GET', 'orders?sort=updated_at-desc&page_size=1');
    expect(listed.body.data[0].id).toBe(order.id);
    expect((await call(sandbox, 'POST', `orders/${order.id}/quick-process`, {})).status).toBe(422);
  });

  it('quick-process needs exactly one payment', async () => {
    const sandbox = testSandbox();
    for (const count of [0, 2]) {
      const order = sandbox.createOrder({ payment_count: count, payment_method_id: 1 });
      const result = await call(sandbox, 'POST', `orders/${order.id}/quick-process`, { tracking_code: 'X' });
      expect(result.status).toBe(422);
      expect(result.body.message).toContain('exactly one payment');
      expect(sandbox.store.order(order.id)?.status).toBe('open');
    }
  });

  it('quick-process refuses an open cash on delivery payment unless allowed', async () => {
    const sandbox = testSandbox();
    const order = sandbox.createOrder({ payment_method_id: [...codPaymentMethodIds][0] as number });
    const refused = await call(sandbox, 'POST', `orders/${order.id}/quick-process`, { tracking_code: 'X' });
    expect(refused.status).toBe(422);
    expect(refused.body.message).toContain('allow_open_cash_on_delivery_payments');
    const allowed = await call(sandbox, 'POST', `orders/${order.id}/quick-process`, { tracking_code: 'X', allow_open_cash_on_delivery_payments: true });
    expect(allowed.status).toBe(200);
    expect(allowed.body.data.status).toBe('Completed');
  });

  it('completes one shipment, cancels an open order, and refuses to cancel a completed one', async () => {
    const sandbox = testSandbox({ statusCase: 'upper' });
    const order = sandbox.createOrder();
    const shipmentId = order.shipments[0]?.id as number;
    const completed = await call(sandbox, 'POST', `orders/${order.id}/shipments/${shipmentId}/complete`);
    expect(completed.body.data.status).toBe('COMPLETED');
    expect(completed.body.data.shipments[0].status).toBe('COMPLETED');
    expect((await call(sandbox, 'POST', `orders/${order.id}/cancel`)).status).toBe(422);
    const other = sandbox.createOrder();
    const cancelled = await call(sandbox, 'POST', `orders/${other.id}/cancel`);
    expect(cancelled.body.data.status).toBe('CANCELLED');
    expect((await call(sandbox, 'GET', 'orders?status=Cancelled&page_size=250')).body.data.map((o: { id: number }) => o.id)).toContain(other.id);
  });

  it('subscribes, lists and deletes webhooks by uuid', async () => {
    const sandbox = testSandbox();
    const created = await call(sandbox, 'POST', 'webhooks', { topic: 'order.created', url: 'https://example.com/hook', expands: ['payments'] });
    expect(created.status).toBe(201);
    expect(created.body.data.uuid).toMatch(/^[0-9a-f-]{36}$/);
    expect((await call(sandbox, 'GET', 'webhooks')).body.data).toHaveLength(1);
    expect((await call(sandbox, 'DELETE', `webhooks/${created.body.data.uuid}`)).status).toBe(204);
    expect((await call(sandbox, 'GET', 'webhooks')).body.data).toHaveLength(0);
    expect((await call(sandbox, 'POST', 'webhooks', { topic: 'order.created' })).status).toBe(422);
  });
});

describe('MyCashflow sandbox: limits and faults', () => {
  it('answers 429 with Retry-After: 1 once the burst is spent, and never when the limit is 0', async () => {
    const sandbox = createMycashflowSandbox({ products: 5, orders: 5, now: fixedNow, rateLimit: { perSecond: 2, burst: 3 } });
    const statuses = [];
    for (let i = 0; i < 4; i++) statuses.push((await call(sandbox, 'GET', 'orders')).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const refused = await call(sandbox, 'GET', 'orders');
    expect(refused.headers.get('Retry-After')).toBe('1');
    expect(refused.body.code).toBe(429);
    sandbox.configure({ rateLimit: { perSecond: 0, burst: 1 } });
    for (let i = 0; i < 50; i++) expect((await call(sandbox, 'GET', 'orders')).status).toBe(200);
  });

  it('injects 500s on order list pages at a rate and counts them', async () => {
    const sandbox = testSandbox();
    sandbox.faults.set({ serverError: { rate: 0.5, match: '^GET /api/v\\d/orders$' } });
    const statuses = [];
    for (let i = 0; i < 40; i++) statuses.push((await call(sandbox, 'GET', 'orders')).status);
    expect(statuses.filter((s) => s === 500).length).toBe(sandbox.faults.counters.serverError);
    expect(sandbox.faults.counters.serverError).toBeGreaterThan(5);
    expect(statuses).toContain(200);
    expect((await call(sandbox, 'GET', 'orders/1')).status).toBe(200);
  });

  it('serves malformed records that the wire schema rejects, and clean ones again after reset', async () => {
    const sandbox = testSandbox();
    sandbox.faults.set({ malformed: { orders: [1, 2], products: 1 } });
    const orders = (await call(sandbox, 'GET', 'orders?page_size=3&expand=products')).body.data as unknown[];
    expect(orders.map((o) => orderSchema.safeParse(o).success)).toEqual([false, false, true]);
    const [odd, even] = orders as { products: Record<string, unknown>[] }[];
    expect(odd?.products[0]?.quantity).toBe('abc');
    expect(even?.products[0]).not.toHaveProperty('product_code');
    expect((await call(sandbox, 'GET', 'products/1')).body.data.price).toBe('n/a');
    expect(sandbox.faults.counters.malformed).toBe(3);
    sandbox.faults.reset();
    expect(orderSchema.safeParse((await call(sandbox, 'GET', 'orders/1?expand=products')).body.data).success).toBe(true);
  });

  it('records API calls for tests to count and inspect', async () => {
    const sandbox = testSandbox();
    await call(sandbox, 'GET', 'orders?page=2');
    const item = (await call(sandbox, 'GET', 'stock?page_size=1')).body.data[0];
    await call(sandbox, 'PATCH', `stock/${item.code}`, { quantity: 3 });
    expect(sandbox.recorder.filter('GET').length).toBe(2);
    expect(sandbox.recorder.requests.at(-1)).toMatchObject({ method: 'PATCH', body: { quantity: 3 }, status: 200 });
    expect(sandbox.recorder.requests[0]?.query).toEqual({ page: '2' });
  });
});

describe('MyCashflow sandbox: control API', () => {
  it('creates and changes orders, bumping updated_at, and shows state, faults and requests', async () => {
    const sandbox = testSandbox({ now: later });
    const created = await sandbox.app.request('/_sandbox/orders', {
      method: 'POST', body: JSON.stringify({ lines: [{ product_id: 2, quantity: 2 }], comments: [{ visibility: 'public', text: 'Hi' }] }),
    });
    expect(created.status).toBe(201);
    const { data } = (await created.json()) as { data: { id: number; products: { product_id: number; quantity: number }[]; status: string } };
    expect(data).toMatchObject({ id: 121, status: 'Open', products: [{ product_id: 2, quantity: 2 }] });
    const changed = await sandbox.app.request(`/_sandbox/orders/5`, { method: 'PATCH', body: JSON.stringify({ status: 'Cancelled' }) });
    expect(((await changed.json()) as { data: { status: string; updated_at: string } }).data).toMatchObject({ status: 'Cancelled', updated_at: '2025-03-11T08:00:00+00:00' });
    const since = await call(sandbox, 'GET', `orders?updated_at-from=${encodeURIComponent('2025-03-11T01:00:00+00:00')}`);
    expect(since.body.data.map((o: { id: number }) => o.id)).toEqual([5, 121]);
    await sandbox.app.request('/_sandbox/faults', { method: 'POST', body: JSON.stringify({ serverError: { next: 1 } }) });
    expect((await call(sandbox, 'GET', 'products')).status).toBe(500);
    const state = (await (await sandbox.app.request('/_sandbox/state')).json()) as { counts: { orders: number; requests: number } };
    expect(state.counts).toMatchObject({ orders: 121, requests: 2 });
    const requests = (await (await sandbox.app.request('/_sandbox/requests')).json()) as { data: { status: number }[] };
    expect(requests.data.map((r) => r.status)).toEqual([200, 500]);
    expect((await sandbox.app.request('/_sandbox/orders/5', { method: 'PATCH', body: JSON.stringify({ status: 'lost' }) })).status).toBe(422);
  });
});
