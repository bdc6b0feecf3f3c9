import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { testApiContext } from '../../src/connectors/sdk/index.js';
import type { ImportFlow, SourceRecord } from '../../src/connectors/sdk/index.js';
import { articleSchema, orderInputSchema } from '../../src/domain/index.js';
import { applyMapping } from '../../src/mapping/index.js';
import type { MycashflowApi } from './client.js';
import { mycashflow } from './connector.js';

/**
 * Recorded wire JSON (fixtures/*-page.json, in the API's real shapes) through the connector's
 * client, flows and mapping tables, compared with the expected canonical records.
 */
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));

/** Answers list requests with a fixture page; orders are filtered by `status` as the API does. */
function replay(requests: URL[]): typeof fetch {
  return async (input) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    requests.push(url);
    const page = fixture(url.pathname.endsWith('/orders') ? 'orders-page.json' : 'products-page.json') as { data: { status?: string }[] };
    const status = url.searchParams.get('status');
    const data = status === null ? page.data : page.data.filter((o) => o.status?.toLowerCase() === status);
    return new Response(JSON.stringify({ ...page, data }), { headers: { 'content-type': 'application/json' } });
  };
}

function replayApi(requests: URL[]): MycashflowApi {
  const settings = { baseUrl: 'https://acme.mycashflow.fi/api/v1', username: 'api@acme.example', apiKey: 'k', pageSize: 250, orderStatuses: ['open', 'cancelled'] };
  return mycashflow.createApi(testApiContext({ settings, fetch: replay(requests) }));
}

const importFlow = (id: string) => mycashflow.flows.find((f): f is ImportFlow<MycashflowApi> => f.id === id && f.kind === 'import')!;

async function fetchAll(flowId: string, requests: URL[]) {
  const pages = [];
  for await (const page of importFlow(flowId).fetch(replayApi(requests), { since: undefined, signal: new AbortController().signal })) pages.push(page);
  return pages;
}

function mapped(flowId: string, record: SourceRecord) {
  const result = applyMapping(importFlow(flowId).mapping, record.source, { record: record.label });
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
}

describe('fixture replay', () => {
  it('turns a product with two variations and one without into three articles', async () => {
    const requests: URL[] = [];
    const pages = await fetchAll('article-import', requests);
    const records = pages.flatMap((p) => p.records);
    expect(records.map((r) => [r.externalId, r.label])).toEqual([
      ['101-1011', 'article TAK-00101-M'],
      ['101-1012', 'article TAK-00101-L'],
      ['102', 'article PUU-00102'],
    ]);
    expect(pages.at(-1)?.cursor).toBe('2025-03-02T07:45:12+00:00');
    const expected = fixture('expected-articles.json') as Record<string, unknown>;
    for (const record of records) {
      const article = mapped('article-import', record);
      expect(article).toEqual(expected[record.externalId]);
      expect(articleSchema.parse(article)).toEqual(article);
    }
    const query = requests[0]!.searchParams;
    expect(requests[0]!.pathname).toBe('/api/v1/products');
    expect(query.get('expand')).toBe('variations,variations.stock_item,stock_item,translations');
    expect(query.get('sort')).toBe('updated_at-asc');
    expect(query.has('updated_at-from')).toBe(false);
  });

  it('turns an open order into an upsert and a cancelled one into a cancel, with a cursor only up to where both statuses are read', async () => {
    const requests: URL[] = [];
    const pages = await fetchAll('order-import', requests);
    expect(requests.map((u) => u.searchParams.get('status'))).toEqual(['open', 'cancelled']);
    expect(requests[0]!.searchParams.get('expand')).toBe('products,comments,tax_summary,shipments,payments');
    // No cursor before both streams are read; then the earlier of the two; the newest once both end.
    expect(pages.map((p) => [p.records.map((r) => r.externalId), p.cursor])).toEqual([
      [['5001'], undefined],
      [['5002'], '2025-03-05T09:30:00+00:00'],
      [[], '2025-03-05T11:02:33+00:00'],
    ]);
    const records = pages.flatMap((p) => p.records);
    expect(records.map((r) => [r.externalId, r.label, r.action])).toEqual([
      ['5001', 'order 5001', 'upsert'],
      ['5002', 'order 5002', 'cancel'],
    ]);
    const expected = fixture('expected-orders.json') as Record<string, unknown>;
    for (const record of records) {
      const order = mapped('order-import', record);
      expect(order).toEqual(expected[record.externalId]);
      expect(orderInputSchema.parse(order)).toEqual(order);
    }
  });
});
