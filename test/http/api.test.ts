import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { testApp } from '../support/http.js';
import { sampleArticle, sampleOrder, samplePurchaseOrder } from '../support/fixtures.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('HTTP API /api/v1', () => {
  let store: TestStore;
  let call: ReturnType<typeof testApp>['call'];
  const base = '/api/v1/goods-owners/ACME';

  beforeEach(async () => {
    store = await openTestStore();
    call = testApp(store).call;
    expect((await call('POST', '/api/v1/goods-owners', { code: 'ACME', name: 'Acme Oy' })).status).toBe(201);
    for (const n of ['ART-1001', 'ART-1002']) expect((await call('PUT', `${base}/articles/${n}`, sampleArticle(n))).status).toBe(200);
  });
  afterEach(() => store?.drop());

  it('creates and lists goods owners; a duplicate is a 409 in the error envelope', async () => {
    expect((await call('GET', '/api/v1/goods-owners')).json).toEqual({ items: [expect.objectContaining({ code: 'ACME', allowNegativeStock: false })], next: null });
    const dup = await call('POST', '/api/v1/goods-owners', { code: 'ACME', name: 'again' });
    expect(dup.status).toBe(409);
    expect(dup.json).toEqual({ error: { code: 'conflict', message: 'goods owner ACME already exists', details: [] } });
  });

  it('puts an article idempotently and reads it back', async () => {
    expect((await call('PUT', `${base}/articles/ART-1001`, sampleArticle('ART-1001'))).json).toEqual({ record: 'article ART-1001', outcome: 'unchanged' });
    expect((await call('GET', `${base}/articles/ART-1001`)).json).toEqual(sampleArticle('ART-1001'));
    const page = await call('GET', `${base}/articles?limit=1`);
    expect(page.json).toEqual({ items: [expect.objectContaining({ articleNumber: 'ART-1001' })], next: 'ART-1001' });
    expect((await call('GET', `${base}/articles?after=ART-1001`)).json.items.map((a: { articleNumber: string }) => a.articleNumber)).toEqual(['ART-1002']);
  });

  it('refuses a bad record with 422 naming record, field, value and reason', async () => {
    const bad = await call('PUT', `${base}/articles/ART-9`, { articleNumber: 'ART-9', weight: -3, colour: 'red' });
    expect(bad.status).toBe(422);
    expect(bad.json.error.code).toBe('invalid_record');
    expect(bad.json.error.details).toEqual(
      expect.arrayContaining([
        { record: 'article ART-9', field: 'weight', value: -3, reason: 'must not be negative' },
        { record: 'article ART-9', field: 'colour', reason: 'is not a known field' },
      ]),
    );
    expect((await call('GET', `${base}/articles/ART-9`)).status).toBe(404);
    const mismatch = await call('PUT', `${base}/articles/ART-9`, sampleArticle('ART-8'));
    expect(mismatch.status).toBe(422);
    expect(mismatch.json.error.details[0]).toMatchObject({ field: 'articleNumber', value: 'ART-8' });
    const notJson = await call('PUT', `${base}/articles/ART-9`, '{"articleNumber": ');
    expect(notJson.status).toBe(400);
    expect(notJson.json.error.code).toMatch(/invalid_/);
  });

  it('refuses an order with a negative quantity or without a number, storing nothing', async () => {
    const negative = sampleOrder('SO-NEG');
    negative.orderLines[1]!.numberOfItems = -1;
    const res = await call('PUT', `${base}/orders/SO-NEG`, negative);
    expect(res.status).toBe(422);
    expect(res.json.error.details).toEqual([{ record: 'order SO-NEG', field: 'orderLines[1].numberOfItems', value: -1, reason: 'must be greater than 0' }]);
    const noNumber = await call('PUT', `${base}/orders/SO-X`, { ...sampleOrder(), orderInfo: {} });
    expect(noNumber.json.error.details).toContainEqual(expect.objectContaining({ field: 'orderInfo.goodsOwnerOrderNumber', reason: 'is required' }));
    expect((await call('GET', `${base}/orders`)).json).toEqual({ items: [], next: null });
  });

  it('locks a released order with 409 and the reason; ships with tracking and picked quantities', async () => {
    expect((await call('PUT', `${base}/orders/SO-5001`, sampleOrder())).json.outcome).toBe('created');
    expect((await call('POST', `${base}/orders/SO-5001/status`, { status: 'released' })).json.status).toBe(300);
    const changed = sampleOrder();
    changed.orderLines[0]!.numberOfItems = 9;
    const locked = await call('PUT', `${base}/orders/SO-5001`, changed);
    expect(locked.status).toBe(409);
    expect(locked.json.error.message).toBe('order SO-5001 not changed: locked: status 300 Released');

    for (const n of ['ART-1001', 'ART-1002']) expect((await call('PUT', `${base}/stock/${n}`, { physical: 5 })).status).toBe(200);
    const sent = await call('POST', `${base}/orders/SO-5001/status`, { status: 'sent', tracking: 'JJFI999', trackingUrl: 'https://track.example/JJFI999', picked: [{ row: 1, quantity: 2 }] });
    expect(sent.status).toBe(200);
    expect(sent.json).toMatchObject({
      status: 450,
      shipments: [{ waybill: 'JJFI999', trackingUrl: 'https://track.example/JJFI999' }],
      orderLines: [{ numberOfItems: 3, pickedNumberOfItems: 2 }, { numberOfItems: 2, pickedNumberOfItems: 2 }],
    });
    const unknown = await call('POST', `${base}/orders/SO-5001/status`, { status: 'teleported' });
    expect(unknown.status).toBe(422);
    const back = await call('POST', `${base}/orders/SO-5001/status`, { status: 'open' });
    expect(back.status).toBe(409);
  });

  it('refuses an over-pick and a shipment without stock until an administrator allows negative stock', async () => {
    expect((await call('PUT', `${base}/orders/SO-5001`, sampleOrder())).status).toBe(200);
    const overPick = await call('POST', `${base}/orders/SO-5001/status`, { status: 'sent', picked: [{ row: 1, quantity: 99 }] });
    expect(overPick.status).toBe(422);
    expect(overPick.json.error.details).toEqual([{ record: 'order SO-5001', field: 'picked[row 1]', value: 99, reason: 'is more than the 3 ordered of article ART-1001 on row 1' }]);
    const short = await call('POST', `${base}/orders/SO-5001/status`, { status: 'sent' });
    expect(short.status).toBe(409);
    expect(short.json.error.message).toContain('article ART-1001: 3 to ship, 0 in stock; article ART-1002: 2 to ship, 0 in stock');
    expect((await call('PATCH', '/api/v1/goods-owners/ACME', { allowNegativeStock: 'yes' })).status).toBe(422);
    const allowed = await call('PATCH', '/api/v1/goods-owners/ACME', { allowNegativeStock: true });
    expect(allowed.json).toMatchObject({ code: 'ACME', allowNegativeStock: true });
    expect((await call('POST', `${base}/orders/SO-5001/status`, { status: 'sent' })).json.status).toBe(450);
    expect((await call('GET', `${base}/stock`)).json.items).toContainEqual({ articleNumber: 'ART-1001', physical: -3, available: -3 });
    expect((await call('PATCH', '/api/v1/goods-owners/NOPE', { allowNegativeStock: false })).status).toBe(404);
  });

  it('receives a purchase order and reports stock', async () => {
    expect((await call('PUT', `${base}/purchase-orders/PO-7001`, samplePurchaseOrder())).json.outcome).toBe('created');
    const partly = await call('POST', `${base}/purchase-orders/PO-7001/receive`, { lines: [{ row: 2, quantity: 15 }] });
    expect(partly.json).toMatchObject({ status: 300, inOrderLines: [{ receivedNumberOfItems: 0 }, { receivedNumberOfItems: 15 }] });
    const rest = await call('POST', `${base}/purchase-orders/PO-7001/receive`);
    expect(rest.json.status).toBe(500);
    expect((await call('GET', `${base}/stock`)).json).toEqual({
      items: [
        { articleNumber: 'ART-1001', physical: 100, available: 100 },
        { articleNumber: 'ART-1002', physical: 40, available: 40 },
      ],
      next: null,
    });
    expect((await call('PUT', `${base}/stock/ART-1001`, { physical: 7 })).json).toEqual({ articleNumber: 'ART-1001', physical: 7, available: 7 });
    expect((await call('PUT', `${base}/stock/ART-1001`, { physical: -7 })).status).toBe(422);
    // A page at a time, in article order, read a page at a time from the WMS.
    expect((await call('GET', `${base}/stock?limit=1`)).json).toEqual({ items: [{ articleNumber: 'ART-1001', physical: 7, available: 7 }], next: 'ART-1001' });
    expect((await call('GET', `${base}/stock?limit=1&after=ART-1001`)).json).toEqual({ items: [{ articleNumber: 'ART-1002', physical: 40, available: 40 }], next: null });
  });

  it('puts and lists suppliers', async () => {
    expect((await call('PUT', `${base}/suppliers/SUP-9`, { supplierNumber: 'SUP-9', supplierName: 'Nordic Yarns Oy' })).json.outcome).toBe('created');
    expect((await call('GET', `${base}/suppliers`)).json.items).toEqual([{ supplierNumber: 'SUP-9', supplierName: 'Nordic Yarns Oy' }]);
  });

  it('answers 404 in the envelope for an unknown goods owner and an unknown route', async () => {
    const owner = await call('GET', '/api/v1/goods-owners/NOPE/articles');
    expect(owner.status).toBe(404);
    expect(owner.json.error).toEqual({ code: 'not_found', message: 'goods owner NOPE not found', details: [] });
    expect((await call('GET', '/api/v1/nothing-here')).json.error.code).toBe('not_found');
  });

  it('serves the OpenAPI document built from the same schemas, health, metrics and the admin page', async () => {
    const doc = (await call('GET', '/api/v1/openapi.json')).json;
    expect(doc.openapi).toBe('3.0.3');
    for (const p of ['/goods-owners', '/goods-owners/{owner}/articles/{articleNumber}', '/goods-owners/{owner}/orders/{orderNumber}/status', '/goods-owners/{owner}/purchase-orders/{orderNumber}/receive', '/goods-owners/{owner}/stock/{articleNumber}']) {
      expect(Object.keys(doc.paths)).toContain(p);
    }
    const orderBody = doc.paths['/goods-owners/{owner}/orders/{orderNumber}'].put.requestBody.content['application/json'].schema;
    expect(JSON.stringify(orderBody)).toContain('goodsOwnerOrderNumber');
    expect((await call('GET', '/healthz')).json).toEqual({ status: 'ok' });
    const metrics = await call('GET', '/metrics');
    expect(metrics.text).toContain('wmsync_http_requests_total{method="GET",route="/healthz",status="200"} 1');
    const home = await call('GET', '/');
    expect(home.headers.get('content-type')).toContain('text/html');
    expect(home.text).toContain('<td>ACME</td>');
  });
});
