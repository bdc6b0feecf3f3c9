import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWmsyncError } from '../../src/kernel/errors.js';
import { createEmbeddedWms } from '../../src/wms/embedded/embedded-wms.js';
import type { EmbeddedWms } from '../../src/wms/port.js';
import { sampleArticle, sampleOrder, samplePurchaseOrder } from '../support/fixtures.js';
import { dialectsUnderTest, openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** The embedded WMS's many-at-once writes, which an import uses for a page of records. */
describe.each(dialectsUnderTest())('many records at once into the embedded WMS on %s', (dialect) => {
  let store: TestStore;
  let wms: EmbeddedWms;
  const price = async (n: string) => (await wms.getArticle('ACME', n)).price;

  beforeEach(async () => {
    store = await openTestStore(dialect);
    wms = createEmbeddedWms(store);
    await wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    await wms.upsertArticle('ACME', sampleArticle('ART-1'));
    await wms.upsertArticle('ACME', sampleArticle('ART-2'));
  });
  afterEach(() => store?.drop());

  it('answers one outcome per article in their order: created, unchanged, updated', async () => {
    const outcomes = await wms.upsertArticles!('ACME', [sampleArticle('ART-3'), sampleArticle('ART-1'), { ...sampleArticle('ART-2'), price: 77.5 }]);
    expect(outcomes).toEqual([{ outcome: 'created' }, { outcome: 'unchanged' }, { outcome: 'updated' }]);
    expect(await price('ART-2')).toBe(77.5);
    expect((await wms.listArticles('ACME')).items.map((a) => a.articleNumber)).toEqual(['ART-1', 'ART-2', 'ART-3']);
  });

  it('writes a number given twice once, with the later record', async () => {
    const outcomes = await wms.upsertArticles!('ACME', [
      { ...sampleArticle('ART-9'), price: 1 },
      { ...sampleArticle('ART-9'), price: 2 },
      { ...sampleArticle('ART-9'), price: 2 },
      { ...sampleArticle('ART-1'), price: 3 },
      { ...sampleArticle('ART-1'), price: 4 },
    ]);
    expect(outcomes).toEqual([{ outcome: 'created' }, { outcome: 'updated' }, { outcome: 'unchanged' }, { outcome: 'updated' }, { outcome: 'updated' }]);
    expect([await price('ART-9'), await price('ART-1')]).toEqual([2, 4]);
  });

  it('refuses the whole call for one bad article, naming it, and writes none of it', async () => {
    const e = await wms.upsertArticles!('ACME', [sampleArticle('ART-4'), { articleNumber: 'ART-BAD', price: 'cheap' }]).catch((x: unknown) => x);
    expect(isWmsyncError(e) && e.kind).toBe('record');
    expect(isWmsyncError(e) && e.details).toContainEqual(expect.objectContaining({ record: 'article ART-BAD', field: 'price', value: 'cheap' }));
    expect((await wms.listArticles('ACME')).items.map((a) => a.articleNumber)).toEqual(['ART-1', 'ART-2']);
  });

  it('takes more articles in one call than one statement holds', async () => {
    const many = Array.from({ length: 1234 }, (_, i) => sampleArticle(`BULK-${String(i).padStart(4, '0')}`));
    const outcomes = await wms.upsertArticles!('ACME', many);
    expect(outcomes?.filter((o) => o.outcome === 'created')).toHaveLength(1234);
    expect((await wms.listArticles('ACME', { limit: 1000, after: 'BULK-0233' })).items).toHaveLength(1000);
    expect(await wms.upsertArticles!('ACME', many)).toEqual(many.map(() => ({ outcome: 'unchanged' })));
  });

  it('suppliers too', async () => {
    const supplier = { supplierNumber: 'SUP-1', supplierName: 'Tukku Oy' };
    expect(await wms.upsertSuppliers!('ACME', [supplier, { ...supplier, supplierName: 'Tukku Ab' }])).toEqual([{ outcome: 'created' }, { outcome: 'updated' }]);
    expect((await wms.listSuppliers('ACME')).items).toEqual([expect.objectContaining({ supplierNumber: 'SUP-1', supplierName: 'Tukku Ab' })]);
  });

  it('orders: the new ones with their lines, a stored one through its status gate, one outcome each in their order', async () => {
    await wms.upsertOrder('ACME', sampleOrder('SO-1'));
    await wms.upsertOrder('ACME', sampleOrder('SO-2'));
    await wms.setOrderStatus('ACME', 'SO-2', { status: 300 });
    const changed = { ...sampleOrder('SO-2'), orderInfo: { ...sampleOrder('SO-2').orderInfo, orderRemark: 'Ring twice' } };
    const before = (await wms.readEvents(0, 1000)).length;
    const outcomes = await wms.upsertOrders!('ACME', [sampleOrder('SO-3'), sampleOrder('SO-1'), changed, sampleOrder('SO-4')]);
    expect(outcomes).toEqual([{ outcome: 'created' }, { outcome: 'unchanged' }, { outcome: 'locked', reason: 'locked: status 300 Released' }, { outcome: 'created' }]);
    const stored = await wms.getOrder('ACME', 'SO-4');
    expect(stored.status).toBe(200);
    expect(stored.orderLines).toEqual([expect.objectContaining({ articleNumber: 'ART-1001', numberOfItems: 3, externalOrderLineCode: 'L-1', linePrice: 38.7 }), expect.objectContaining({ articleNumber: 'ART-1002', numberOfItems: 2 })]);
    // The new orders reserve stock: each article's stock is to be read again.
    const events = (await wms.readEvents(0, 1000)).slice(before);
    expect(events.filter((e) => e.type === 'stock.changed').map((e) => e.subject).sort()).toEqual(['ART-1001', 'ART-1002']);
  });

  it('orders: a number given twice is created, then updated', async () => {
    const changed = { ...sampleOrder('SO-9'), orderLines: [{ articleNumber: 'ART-2', numberOfItems: 7 }] };
    expect(await wms.upsertOrders!('ACME', [sampleOrder('SO-9'), changed])).toEqual([{ outcome: 'created' }, { outcome: 'updated' }]);
    expect((await wms.getOrder('ACME', 'SO-9')).orderLines).toEqual([expect.objectContaining({ articleNumber: 'ART-2', numberOfItems: 7 })]);
  });

  it('orders: one bad order refuses the whole call, naming it, and writes none of it', async () => {
    const e = await wms.upsertOrders!('ACME', [sampleOrder('SO-7'), { ...sampleOrder('SO-8'), orderLines: [{ articleNumber: 'ART-1', numberOfItems: -1 }] }]).catch((x: unknown) => x);
    expect(isWmsyncError(e) && e.kind).toBe('record');
    expect(isWmsyncError(e) && e.details).toContainEqual(expect.objectContaining({ record: 'order SO-8', field: 'orderLines[0].numberOfItems' }));
    expect((await wms.listOrders('ACME')).items).toEqual([]);
  });

  it('purchase orders too', async () => {
    expect(await wms.upsertPurchaseOrders!('ACME', [samplePurchaseOrder('PO-1'), samplePurchaseOrder('PO-1')])).toEqual([{ outcome: 'created' }, { outcome: 'unchanged' }]);
    expect((await wms.getPurchaseOrder('ACME', 'PO-1')).inOrderLines).toHaveLength(2);
  });
});
