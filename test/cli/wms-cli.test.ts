import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { runCli } from '../support/cli.js';
import { sampleArticle, sampleOrder, samplePurchaseOrder } from '../support/fixtures.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

describe('wmsync CLI: goods owners and the embedded WMS', () => {
  let store: TestStore;
  const file = (name: string, value: unknown) => {
    const p = path.join(store.dataDir, name);
    writeFileSync(p, JSON.stringify(value));
    return p;
  };
  const cli = (...args: string[]) => runCli(store, ...args);
  const acme = ['--goods-owner', 'ACME'];

  beforeEach(async () => {
    store = await openTestStore();
    expect((await cli('goods-owners', 'add', 'ACME', '--name', 'Acme Oy')).code).toBe(0);
    for (const n of ['ART-1001', 'ART-1002']) expect((await cli('wms', 'articles', 'put', ...acme, '--file', file(`${n}.json`, sampleArticle(n)))).code).toBe(0);
  });
  afterEach(() => store?.drop());

  it('lists goods owners, as text and as JSON', async () => {
    expect((await cli('goods-owners', 'list')).stdout).toMatch(/ACME\s+Acme Oy/);
    const json = (await cli('--json', 'goods-owners', 'list')).json();
    expect(json).toEqual({ items: [expect.objectContaining({ code: 'ACME', name: 'Acme Oy' })], next: null });
    const again = await cli('goods-owners', 'add', 'ACME', '--name', 'x');
    expect(again.code).toBe(4);
    expect(again.stderr).toBe('error: goods owner ACME already exists');
  });

  it('puts, shows and lists articles; --json prints only JSON on stdout', async () => {
    const put = await cli('--json', 'wms', 'articles', 'put', ...acme, '--file', file('a.json', sampleArticle('ART-1001')));
    expect(put.json()).toEqual({ record: 'article ART-1001', outcome: 'unchanged' });
    const shown = (await cli('--json', 'wms', 'articles', 'show', 'ART-1001', ...acme)).json();
    expect(shown).toEqual(sampleArticle('ART-1001'));
    const list = (await cli('--json', 'wms', 'articles', 'list', ...acme, '--limit', '1')).json();
    expect(list).toEqual({ items: [expect.objectContaining({ articleNumber: 'ART-1001' })], next: 'ART-1001' });
    expect((await cli('wms', 'articles', 'list', ...acme)).stdout).toContain('Merino wool socks, grey');
  });

  it('refuses a bad order naming the field and stores nothing', async () => {
    const noNumber = await cli('--json', 'wms', 'orders', 'put', ...acme, '--file', file('o.json', { ...sampleOrder(), orderInfo: {} }));
    expect(noNumber.code).toBe(2);
    expect(noNumber.stdout).toBe('');
    expect(JSON.parse(noNumber.stderr).error.details).toContainEqual(
      expect.objectContaining({ field: 'orderInfo.goodsOwnerOrderNumber', reason: 'is required' }),
    );
    const negative = sampleOrder('SO-NEG');
    negative.orderLines[0]!.numberOfItems = -4;
    const refused = await cli('wms', 'orders', 'put', ...acme, '--file', file('neg.json', negative));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('error: order SO-NEG refused: orderLines[0].numberOfItems=-4: must be greater than 0');
    expect((await cli('--json', 'wms', 'orders', 'list', ...acme)).json()).toEqual({ items: [], next: null });
    expect((await cli('wms', 'orders', 'show', 'SO-NEG', ...acme)).code).toBe(3);
  });

  it('locks a released order against updates with the reason, keeping its data', async () => {
    await cli('wms', 'orders', 'put', ...acme, '--file', file('o.json', sampleOrder()));
    expect((await cli('wms', 'orders', 'set-status', 'SO-5001', ...acme, '--status', 'released')).stdout).toBe('order SO-5001: status 300 Released');
    const changed = sampleOrder();
    changed.orderLines[0]!.numberOfItems = 30;
    const locked = await cli('wms', 'orders', 'put', ...acme, '--file', file('o2.json', changed));
    expect(locked.code).toBe(4);
    expect(locked.stderr).toBe('error: order SO-5001 not changed: locked: status 300 Released');
    const order = (await cli('--json', 'wms', 'orders', 'show', 'SO-5001', ...acme)).json();
    expect(order.orderLines[0].numberOfItems).toBe(3);
    expect(order.status).toBe(300);
  });

  it('ships an order with tracking and picked quantities; show prints them back', async () => {
    await cli('wms', 'stock', 'set', 'ART-1001', '20', ...acme);
    await cli('wms', 'stock', 'set', 'ART-1002', '1', ...acme);
    await cli('wms', 'orders', 'put', ...acme, '--file', file('o.json', sampleOrder()));
    const sent = await cli('wms', 'orders', 'set-status', 'SO-5001', ...acme, '--status', 'sent', '--tracking', 'JJFI640000123', '--picked', '2=1');
    expect(sent.stdout).toBe('order SO-5001: status 450 Sent');
    const order = (await cli('--json', 'wms', 'orders', 'show', 'SO-5001', ...acme)).json();
    expect(order.status).toBe(450);
    expect(order.shipments).toEqual([{ waybill: 'JJFI640000123', sentAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) }]);
    expect(order.orderLines.map((l: { pickedNumberOfItems: number }) => l.pickedNumberOfItems)).toEqual([3, 1]);
    const text = (await cli('wms', 'orders', 'show', 'SO-5001', ...acme)).stdout;
    expect(text).toMatch(/1\s+ART-1001\s+3\s+3/);
    expect(text).toContain('shipment JJFI640000123');
    const stock = (await cli('--json', 'wms', 'stock', 'list', ...acme)).json().items;
    expect(stock).toContainEqual({ articleNumber: 'ART-1001', physical: 17, available: 17 });
    expect((await cli('wms', 'orders', 'list', ...acme, '--status', 'sent')).stdout).toMatch(/SO-5001\s+450 Sent\s+Aino Virtanen\s+2\s+JJFI640000123/);
  });

  it('accepts a status number and refuses an unknown status or a bad --picked', async () => {
    await cli('wms', 'orders', 'put', ...acme, '--file', file('o.json', sampleOrder()));
    expect((await cli('wms', 'orders', 'set-status', 'SO-5001', ...acme, '--status', '320')).stdout).toBe('order SO-5001: status 320 Allocated');
    const unknown = await cli('wms', 'orders', 'set-status', 'SO-5001', ...acme, '--status', 'shipped');
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain('unknown status "shipped"');
    const bad = await cli('wms', 'orders', 'set-status', 'SO-5001', ...acme, '--status', 'sent', '--picked', 'two=1');
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"two=1" should be ROW=QUANTITY');
    expect((await cli('--json', 'wms', 'orders', 'show', 'SO-5001', ...acme)).json().status).toBe(320);
  });

  it('cancels an order through set-status', async () => {
    await cli('wms', 'orders', 'put', ...acme, '--file', file('o.json', sampleOrder()));
    expect((await cli('wms', 'orders', 'set-status', 'SO-5001', ...acme, '--status', 'cancelled')).stdout).toBe('order SO-5001: status 1000 Cancelled');
  });

  it('puts, shows, lists and receives purchase orders, partly and then in full', async () => {
    expect((await cli('wms', 'purchase-orders', 'put', ...acme, '--file', file('p.json', samplePurchaseOrder()))).stdout).toBe('purchase order PO-7001: created');
    expect((await cli('wms', 'purchase-orders', 'list', ...acme)).stdout).toMatch(/PO-7001\s+100 Notified\s+Nordic Yarns Oy\s+2/);
    expect((await cli('wms', 'purchase-orders', 'receive', 'PO-7001', ...acme, '--line', '1=60', '--line', '2=5')).stdout).toBe('purchase order PO-7001: status 300 Inbound');
    expect((await cli('wms', 'purchase-orders', 'receive', 'PO-7001', ...acme)).stdout).toBe('purchase order PO-7001: status 500 Received');
    const po = (await cli('--json', 'wms', 'purchase-orders', 'show', 'PO-7001', ...acme)).json();
    expect(po.inOrderLines.map((l: { receivedNumberOfItems: number }) => l.receivedNumberOfItems)).toEqual([100, 40]);
    expect((await cli('wms', 'purchase-orders', 'show', 'PO-7001', ...acme)).stdout).toMatch(/2\s+ART-1002\s+40\s+40/);
    const stock = (await cli('--json', 'wms', 'stock', 'list', ...acme)).json().items;
    expect(stock).toEqual([
      { articleNumber: 'ART-1001', physical: 100, available: 100 },
      { articleNumber: 'ART-1002', physical: 40, available: 40 },
    ]);
  });

  it('lists suppliers and sets stock', async () => {
    expect((await cli('--json', 'wms', 'suppliers', 'list', ...acme)).json()).toEqual({ items: [], next: null });
    expect((await cli('wms', 'stock', 'set', 'ART-1002', '12', ...acme)).stdout).toBe('article ART-1002: physical 12, available 12');
    const bad = await cli('wms', 'stock', 'set', 'ART-1002', 'lots', ...acme);
    expect(bad.code).not.toBe(0);
    expect(bad.stderr).toContain('"lots" is not a number');
  });

  it('names the missing --goods-owner and the unknown goods owner', async () => {
    const missing = await cli('wms', 'articles', 'list');
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain("required option '--goods-owner <code>' not specified");
    const unknown = await cli('wms', 'articles', 'list', '--goods-owner', 'NOPE');
    expect(unknown.code).toBe(3);
    expect(unknown.stderr).toBe('error: goods owner NOPE not found');
  });

  it('prints help listing every command', async () => {
    const help = await cli('--help');
    for (const c of ['goods-owners', 'wms', 'serve']) expect(help.stdout).toContain(c);
    const wmsHelp = await cli('wms', '--help');
    for (const c of ['articles', 'orders', 'purchase-orders', 'suppliers', 'stock']) expect(wmsHelp.stdout).toContain(c);
  });
});
