import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createRegistry } from '../../src/connectors/registry.js';
import { defineConnector, defineMappingTable, expr as e } from '../../src/connectors/sdk/index.js';
import type { ImportFlow, ImportPage, ImportRequest } from '../../src/connectors/sdk/index.js';
import { testHub } from '../support/hub.js';
import { openTestStore } from '../support/stores.js';
import type { TestStore } from '../support/stores.js';

/** A list read by id with a number cursor that is safe only once the whole walk is written. */
function numberedShop() {
  const requests: ImportRequest[] = [];
  const plan: { pages: ImportPage[]; failAfter?: number } = { pages: [] };
  const flow: ImportFlow<unknown> = {
    kind: 'import',
    id: 'article-import',
    description: 'articles by id',
    enabledByDefault: true,
    cursor: { format: 'number', commit: 'after-run' },
    mapping: defineMappingTable({ target: 'article', rows: [{ wms: 'articleNumber', from: e.toText(e.path('sku')) }] }),
    async *fetch(_api, request) {
      requests.push(request);
      for (const [i, page] of plan.pages.entries()) {
        if (plan.failAfter === i) throw new Error('the shop went away mid-walk');
        yield page;
      }
    },
  };
  const connector = defineConnector({
    id: 'numbered',
    displayName: 'Numbered Shop',
    auth: 'api-key',
    baseUrls: { production: 'https://shop.invalid/api' },
    settings: {},
    defaultIntervalMinutes: 15,
    flows: [flow],
    createApi: () => ({}),
    testConnection: async () => undefined,
  });
  return { connector, requests, plan };
}

const page = (skus: string[], cursor: string): ImportPage => ({ records: skus.map((sku) => ({ externalId: sku, label: `article ${sku}`, source: { sku } })), cursor });

describe('declared cursors', () => {
  let store: TestStore;
  beforeEach(async () => {
    store = await openTestStore();
  });
  afterEach(() => store?.drop());

  it('commits an after-run cursor only once the walk ends, and hands a number cursor back as stored, without overlap', async () => {
    const shop = numberedShop();
    const hub = testHub(store, { registry: createRegistry([shop.connector]) });
    await hub.wms.addGoodsOwner({ code: 'ACME', name: 'Acme Oy' });
    const { id } = await hub.sync.integrations.add({ goodsOwner: 'ACME', system: 'numbered', settings: { baseUrl: 'https://shop.invalid/api' } });
    const cursor = async () => (await store.db.selectFrom('cursors').select('cursor').where('integration_id', '=', id).executeTakeFirst())?.cursor;

    shop.plan.pages = [page(['A-7', 'A-9'], '9'), page(['A-3'], '7')];
    shop.plan.failAfter = 1;
    expect((await hub.sync.engine.runFlow(id, 'article-import', { trigger: 'manual' })).status).toBe('failed');
    expect(await cursor()).toBeUndefined();

    shop.plan.failAfter = undefined;
    expect((await hub.sync.engine.runFlow(id, 'article-import', { trigger: 'manual' })).status).toBe('succeeded');
    // The later page's lower number does not move it back.
    expect(await cursor()).toBe('9');

    shop.plan.pages = [];
    await hub.sync.engine.runFlow(id, 'article-import', { trigger: 'manual' });
    expect(shop.requests.at(-1)).toMatchObject({ cursor: '9', since: undefined });
  });
});
