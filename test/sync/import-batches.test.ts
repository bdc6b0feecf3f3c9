import { afterEach, beforeEach, expect, it } from 'vitest';
import { startMycashflowSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import type { RunningSandbox } from '../../connectors/mycashflow/sandbox/server.js';
import { recordError } from '../../src/kernel/errors.js';
import type { EmbeddedWms } from '../../src/wms/port.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

let store: TestStore;
let sandbox: RunningSandbox;
beforeEach(async () => {
  store = await openTestStore();
  sandbox = await startMycashflowSandbox({ port: 0, seed: 7, products: 25, orders: 0, rateLimit: { perSecond: 0, burst: 0 } });
});
afterEach(async () => {
  await sandbox?.close();
  await store?.drop();
});

/**
 * A page of articles goes to the WMS in one call; when the WMS refuses one record of it, the call
 * writes nothing, and the engine writes the page again one by one, so that only that record fails.
 */
it('writes a page of articles in one call, and one by one when the WMS refuses a record of it', async () => {
  let refusedNumber = '';
  let refusedPageSize = 0;
  const calls = { many: 0, one: 0 };
  const refuse = (article: unknown) => {
    const n = (article as { articleNumber: string }).articleNumber;
    if (n === refusedNumber) throw recordError(`article ${n}`, [{ record: `article ${n}`, field: 'articleNumber', value: n, reason: 'is blocked in this warehouse' }]);
  };
  const wrapWms = (wms: EmbeddedWms): EmbeddedWms => ({
    ...wms,
    upsertArticles: async (owner, articles) => {
      calls.many += 1;
      // The fourth article of the second page is the one this warehouse refuses.
      if (calls.many === 2) [refusedNumber, refusedPageSize] = [(articles[3] as { articleNumber: string }).articleNumber, articles.length];
      articles.forEach(refuse);
      return wms.upsertArticles!(owner, articles);
    },
    upsertArticle: async (owner, article) => {
      calls.one += 1;
      refuse(article);
      return wms.upsertArticle(owner, article);
    },
  });
  const hub = testHub(store, { wrapWms });
  await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
  const integration = await hub.sync.integrations.add({
    goodsOwner: 'ACME',
    system: 'mycashflow',
    settings: { baseUrl: sandbox.url, pageSize: '10' },
    secrets: { username: 'api@sandbox.example', apiKey: 'sandbox-key' },
  });

  const run = await hub.sync.engine.runFlow(integration.id, 'article-import', { trigger: 'manual' });
  expect(refusedNumber).not.toBe('');
  expect(run.counts.failed).toBe(1);
  // Every page went in one call; the page with the refused article was written again one by one.
  expect(calls.many).toBeGreaterThanOrEqual(3);
  expect(calls.one).toBe(refusedPageSize);
  const stored = (await hub.wms.listArticles('ACME', { limit: 1000 })).items.map((a) => a.articleNumber);
  expect(stored).toHaveLength(run.counts.created);
  expect(stored).not.toContain(refusedNumber);
  expect(run.counts.created).toBeGreaterThan(20);
  const failures = await hub.sync.failures.list({ integrationId: integration.id, flow: 'article-import' });
  expect(failures).toEqual([expect.objectContaining({ issues: [expect.objectContaining({ field: 'articleNumber', value: refusedNumber, reason: 'is blocked in this warehouse' })] })]);
});
