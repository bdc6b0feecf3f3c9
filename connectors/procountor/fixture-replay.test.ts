import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testApiContext } from '../../src/connectors/sdk/index.js';
import type { ImportFlow, SourceRecord } from '../../src/connectors/sdk/index.js';
import { articleSchema, orderInputSchema, purchaseOrderInputSchema } from '../../src/domain/index.js';
import { applyMapping } from '../../src/mapping/index.js';
import type { ProcountorApi } from './client.js';
import { procountor } from './connector.js';
import { drain, signal } from './fixtures/in-process-api.js';

/**
 * Hand-written wire JSON in the shapes of the notes (fixtures/*.json) through the client, flows and
 * mapping tables, compared with the expected canonical records. The replayed server ignores the
 * type filters, so the flows' own defensive filtering is proven too.
 */
const fixture = (name: string): any => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const json = (body: unknown) => new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });

function replay(requests: URL[], productShape: 'results' | 'legacy'): typeof fetch {
  return async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    // The API-key flow's token request is the auth's, not the replayed API's.
    if (url.pathname.endsWith('/oauth/token')) return json({ access_token: 'replay', token_type: 'bearer', expires_in: 3600 });
    requests.push(url);
    const [, , resource, ids] = url.pathname.split('/');
    const first = (url.searchParams.get('previousId') ?? '0') === '0';
    if (resource === 'products') {
      if (productShape === 'legacy') return json({ products: first ? fixture('products-legacy.json').products : [] });
      return json(fixture('products-results.json'));
    }
    if (ids === undefined) return json(fixture('invoice-search.json'));
    const wanted = ids.split(',').map(Number);
    return json((fixture('invoices.json') as { id: number }[]).filter((i) => wanted.includes(i.id)));
  };
}

function replayApi(requests: URL[], productShape: 'results' | 'legacy' = 'results'): ProcountorApi {
  const settings = { baseUrl: 'https://api.procountor.com/api', clientId: 'replay', clientSecret: 'replay', apiKey: 'replay', pageSize: 200, orderStatuses: ['UNFINISHED'], deliveryReportAction: 'send' };
  return procountor.createApi(testApiContext({ settings, fetch: replay(requests, productShape) }));
}

const importFlow = (id: string) => procountor.flows.find((f): f is ImportFlow<ProcountorApi> => f.id === id && f.kind === 'import')!;

async function records(flowId: string, api: ProcountorApi) {
  const pages = await drain(importFlow(flowId).fetch(api, { since: new Date('2025-03-01T00:00:00Z'), signal }));
  return { pages, records: pages.flatMap((p) => p.records) };
}

function mapped(flowId: string, record: SourceRecord) {
  const result = applyMapping(importFlow(flowId).mapping, record.source, { record: record.label });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('fixture replay', () => {
  const expected = fixture('expected.json');

  it('reads products in the {results, meta} shape, leaves the purchase product out, and keeps the newest version', async () => {
    const requests: URL[] = [];
    const { pages, records: articles } = await records('article-import', replayApi(requests));
    expect(articles.map((r) => [r.externalId, r.label])).toEqual([['501', 'article KU-00501']]);
    expect(articleSchema.parse(mapped('article-import', articles[0]!))).toEqual(expected.articles['501']);
    // The purchase product's version counts for the cursor: it was read, and need not be read again.
    expect(pages.at(-1)).toEqual({ records: [], cursor: '2025-03-02T09:00:00Z' });
    expect(requests).toHaveLength(1);
    expect(Object.fromEntries(requests[0]!.searchParams)).toEqual({
      type: 'SALES', versionStartDate: '2025-03-01T00:00:00', previousId: '0', size: '200', orderById: 'ASC',
    });
  });

  it('reads the older {products} shape, paging until an empty page', async () => {
    const requests: URL[] = [];
    const { pages, records: articles } = await records('article-import', replayApi(requests, 'legacy'));
    expect(articles.map((r) => r.externalId)).toEqual(['503']);
    expect(articleSchema.parse(mapped('article-import', articles[0]!))).toEqual(expected.articles['503']);
    expect(pages.at(-1)?.cursor).toBe('2025-03-03T10:20:00.250Z');
    expect(requests.map((u) => u.searchParams.get('previousId'))).toEqual(['0', '503']);
  });

  it('reads a sales order whole by the batch GET and maps it; the purchase order and the sales invoice stay out', async () => {
    const requests: URL[] = [];
    const { pages, records: orders } = await records('order-import', replayApi(requests));
    expect(orders.map((r) => [r.externalId, r.label, r.action])).toEqual([['7001', 'order 10701', undefined]]);
    const order = orderInputSchema.parse(mapped('order-import', orders[0]!));
    expect(order).toEqual(expected.orders['7001']);
    expect(pages.at(-1)?.cursor).toBe('2025-03-05T08:10:00Z');
    expect(requests.map((u) => u.pathname)).toEqual(['/api/invoices', '/api/invoices/7001,7002,7003']);
    expect(Object.fromEntries(requests[0]!.searchParams)).toMatchObject({ types: 'SALES_ORDER', status: 'UNFINISHED,INVALIDATED,DELETED', isOffer: 'false' });
  });

  it('reads a purchase order into a WMS purchase order with the counter party as supplier', async () => {
    const requests: URL[] = [];
    const { records: purchaseOrders } = await records('purchase-order-import', replayApi(requests));
    expect(purchaseOrders.map((r) => [r.externalId, r.label])).toEqual([['7002', 'purchase order 10702']]);
    expect(purchaseOrderInputSchema.parse(mapped('purchase-order-import', purchaseOrders[0]!))).toEqual(expected.purchaseOrders['7002']);
    expect(requests[0]!.searchParams.get('types')).toBe('PURCHASE_ORDER');
    expect(requests[0]!.searchParams.has('status')).toBe(false);
  });
});
