import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { isWmsyncError } from '../../src/kernel/errors.js';
import { createEmbeddedWms } from '../../src/wms/embedded/embedded-wms.js';
import type { EmbeddedWms } from '../../src/wms/port.js';
import { sampleArticle } from '../support/fixtures.js';
import { dialectsUnderTest, openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** The embedded WMS's many-at-once writes, which an import uses for a page of articles or suppliers. */
describe.each(dialectsUnderTest())('articles many at once into the embedded WMS on %s', (dialect) => {
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
});
