import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWmsyncError } from '../../src/kernel/errors.js';
import type { WmsyncError } from '../../src/kernel/errors.js';
import { createEmbeddedWms } from '../../src/wms/embedded/embedded-wms.js';
import type { EmbeddedWms } from '../../src/wms/port.js';
import { sampleArticle, sampleOrder } from '../support/fixtures.js';
import { dialectsUnderTest, openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

async function refusal(p: Promise<unknown>): Promise<WmsyncError> {
  try {
    await p;
  } catch (e) {
    if (isWmsyncError(e)) return e;
    throw e;
  }
  throw new Error('expected the call to be refused');
}

/** The embedded WMS's shipping rules: picked ≤ ordered, and no stock below zero unless the goods owner allows it. */
describe.each(dialectsUnderTest())('shipping rules of the embedded WMS on %s', (dialect) => {
  let store: TestStore;
  let wms: EmbeddedWms;
  const physical = async (article: string) => (await wms.listStock('ACME', [article]))[0]!.physical;
  const unshipped = async () => {
    const order = await wms.getOrder('ACME', 'SO-5001');
    expect(order.status).toBe(200);
    expect(order.shipments).toEqual([]);
    expect((await wms.readEvents(0, 1000)).filter((e) => e.type === 'order.shipped')).toEqual([]);
  };

  beforeEach(async () => {
    store = await openTestStore(dialect);
    wms = createEmbeddedWms(store);
    await wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    for (const n of ['ART-1001', 'ART-1002']) await wms.upsertArticle('ACME', sampleArticle(n));
    await wms.upsertOrder('ACME', sampleOrder()); // ART-1001 × 3, ART-1002 × 2
  });
  afterEach(() => store?.drop());

  it('refuses to pick more than a line ordered, naming the row, the article and both numbers', async () => {
    await wms.setStock('ACME', 'ART-1001', 100);
    await wms.setStock('ACME', 'ART-1002', 100);
    const e = await refusal(wms.setOrderStatus('ACME', 'SO-5001', { status: 450, picked: [{ row: 1, quantity: 99 }] }));
    expect(e.kind).toBe('record');
    expect(e.details[0]).toEqual({ record: 'order SO-5001', field: 'picked[row 1]', value: 99, reason: 'is more than the 3 ordered of article ART-1001 on row 1' });
    // Before shipping too (recording a pick at Picked).
    expect((await refusal(wms.setOrderStatus('ACME', 'SO-5001', { status: 400, picked: [{ row: 2, quantity: 3 }] }))).message).toMatch(/picked\[row 2\].*more than the 2 ordered/);
    await unshipped();
    expect(await physical('ART-1001')).toBe(100);
    // The ordered quantity itself, and less, ship.
    expect((await wms.setOrderStatus('ACME', 'SO-5001', { status: 450, picked: [{ row: 1, quantity: 3 }, { row: 2, quantity: 1 }] })).status).toBe(450);
  });

  it('refuses by default to ship what is not in stock, naming each article short and the numbers, and changes nothing', async () => {
    await wms.setStock('ACME', 'ART-1001', 2);
    expect((await wms.getGoodsOwner('ACME')).allowNegativeStock).toBe(false);
    const e = await refusal(wms.setOrderStatus('ACME', 'SO-5001', { status: 450, waybill: 'JJFI1' }));
    expect(e.kind).toBe('conflict');
    expect(e.message).toContain('order SO-5001 cannot ship what is not in stock (article ART-1001: 3 to ship, 2 in stock; article ART-1002: 2 to ship, 0 in stock)');
    expect(e.message).toContain('wmsync goods-owners set ACME --allow-negative-stock yes');
    await unshipped();
    expect(await physical('ART-1001')).toBe(2);
    expect(await physical('ART-1002')).toBe(0);
    // Picking only what is there ships.
    await wms.setStock('ACME', 'ART-1002', 5);
    const shipped = await wms.setOrderStatus('ACME', 'SO-5001', { status: 450, picked: [{ row: 1, quantity: 2 }] });
    expect(shipped.status).toBe(450);
    expect(await physical('ART-1001')).toBe(0);
    expect(await physical('ART-1002')).toBe(3);
  });

  it('sums two lines of one article against its stock', async () => {
    await wms.upsertOrder('ACME', { ...sampleOrder('SO-2'), orderLines: [{ articleNumber: 'ART-1001', numberOfItems: 2 }, { articleNumber: 'ART-1001', numberOfItems: 2 }] });
    await wms.setStock('ACME', 'ART-1001', 3);
    expect((await refusal(wms.setOrderStatus('ACME', 'SO-2', { status: 450 }))).message).toContain('article ART-1001: 4 to ship, 3 in stock');
  });

  it('ships below zero once the goods owner allows it, and refuses again when the rule is set back', async () => {
    expect((await wms.setGoodsOwnerRules('ACME', { allowNegativeStock: true })).allowNegativeStock).toBe(true);
    expect((await wms.listGoodsOwners())[0]!.allowNegativeStock).toBe(true);
    expect((await wms.setOrderStatus('ACME', 'SO-5001', { status: 450 })).status).toBe(450);
    expect(await physical('ART-1001')).toBe(-3);
    await wms.setGoodsOwnerRules('ACME', { allowNegativeStock: false });
    await wms.upsertOrder('ACME', sampleOrder('SO-2'));
    expect((await refusal(wms.setOrderStatus('ACME', 'SO-2', { status: 450 }))).message).toContain('article ART-1001: 3 to ship, -3 in stock');
    expect((await refusal(wms.setGoodsOwnerRules('NOPE', { allowNegativeStock: true }))).kind).toBe('not-found');
  });
});
