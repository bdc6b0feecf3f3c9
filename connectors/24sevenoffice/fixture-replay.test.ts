import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { applyMapping, loadExchange, RateLimiterRegistry, replaySoap, testApiContext } from '../../src/connectors/sdk/index.js';
import type { ImportFlow, RecordedExchange, StockExportFlow } from '../../src/connectors/sdk/index.js';
import type { TwentyFourSevenApi } from './client.js';
import { twentyFourSevenOffice } from './connector.js';
import { deliveryReport } from './flows/delivery-report.js';
import { drain, signal } from './fixtures/in-process-api.js';

/**
 * The connector on recorded envelopes (fixtures/exchanges/): each request must carry the recorded
 * elements with the same text in the same (WSDL) order, with the session cookie, and the answers
 * are read into the canonical records.
 */

const dir = fileURLToPath(new URL('./fixtures/exchanges/', import.meta.url));
const session = { cookie: 'ASP.NET_SessionId=k3v9qz1xw0n2m5b8c4d7f6g1' };
const exchange = (name: string, extra: Parameters<typeof loadExchange>[2] = {}) => loadExchange(dir, name, { ...session, ...extra });
const login = () => loadExchange(dir, 'login');
const settings = { baseUrl: 'https://api.24sevenoffice.com', username: 'lager@fjordvarer.example.no', password: 'hemmelig', applicationId: '1b0c3c9e-8f4e-4d8a-9d55-0a4c2b7e6f10' };

function replayed(exchanges: RecordedExchange[], extra: Record<string, unknown> = {}) {
  const replay = replaySoap(exchanges);
  let now = 0;
  const slept: number[] = [];
  const timer = { now: () => now, sleep: async (ms: number) => void (slept.push(ms), (now += ms)) };
  const context = { ...testApiContext({ settings: { ...settings, ...extra }, fetch: replay.fetch, retry: { baseMs: 1, maxMs: 3_600_000 } }), limiters: new RateLimiterRegistry(timer) };
  return { replay, slept, api: twentyFourSevenOffice.createApi(context) as TwentyFourSevenApi };
}
const importFlow = (id: string) => twentyFourSevenOffice.flows.find((f): f is ImportFlow<TwentyFourSevenApi> => f.id === id)!;
const mappedRecords = async (flow: ImportFlow<TwentyFourSevenApi>, api: TwentyFourSevenApi, since: Date) => {
  const pages = await drain(flow.fetch(api, { since, signal }));
  const records = pages.flatMap((p) => p.records).map((r) => {
    const result = applyMapping(flow.mapping, r.source);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    return result.value;
  });
  return { records, cursor: pages.at(-1)?.cursor };
};
const since = new Date('2025-01-01T00:00:00Z');

describe('24SevenOffice on recorded envelopes', () => {
  it('article import: Login, then GetProducts changed after the cursor; unset MinValues are left out', async () => {
    const { replay, api } = replayed([login(), exchange('get-products')]);
    const { records, cursor } = await mappedRecords(importFlow('article-import'), api, since);
    expect(records).toEqual([
      { productCode: '48213', articleNumber: 'TUR-44', articleName: 'Turstøvel Jotunheimen & Co', articleDescription: 'Vanntett, str. 44', barCode: '7038010012345', weight: 1.375 },
      { productCode: '48214', articleNumber: 'ULL-01', articleName: 'Ullsokker' },
    ]);
    expect(cursor).toBe('2025-01-03T09:15:00.000Z');
    replay.assertDone();
  });

  it("order import: the sync list, the confirmed orders by id, and the company's phone and e-mail for the order that has none", async () => {
    const { replay, api } = replayed([login(), exchange('get-order-sync-list'), exchange('get-invoices'), exchange('get-companies')]);
    const { records, cursor } = await mappedRecords(importFlow('order-import'), api, since);
    expect(records).toEqual([
      {
        orderInfo: {
          goodsOwnerOrderNumber: '5001', deliveryDate: '2025-01-10T00:00:00', referenceNumber: 'PO-2025-0042', salesCode: 'Ola S.', wayOfDelivery: 'Bring Bedriftspakke',
          wayOfDeliveryType: { code: '3', name: 'Bring Bedriftspakke' }, orderRemark: 'Ring før levering',
        },
        customer: {
          customerNumber: '7001', name: 'Kari Nordmann', address: 'Storgata 12', postCode: '0155', city: 'Oslo', countryCode: 'NO', mobilePhone: '+47 915 11 222', telephone: '+47 915 11 222',
          email: 'faktura@fjellsport.example.no', invoiceAddress: { name: 'Fjellsport AS', address: 'Postboks 77', postCode: '5003', city: 'Bergen', countryCode: 'NO' },
        },
        // The text row (no product: ProductId is Int32.MinValue) is left out.
        orderLines: [{ productCode: '48213', externalOrderLineCode: '1', numberOfItems: 2, articleNumber: 'TUR-44' }],
      },
      {
        orderInfo: { goodsOwnerOrderNumber: '5002', wayOfDelivery: 'Posten Pakke i postkassen', wayOfDeliveryType: { code: '1', name: 'Posten Pakke i postkassen' } },
        customer: { customerNumber: '7002', name: 'Per Hansen', address: 'Fjordveien 3', postCode: '9008', city: 'Tromsø', countryCode: 'NO', mobilePhone: '+47 400 55 666', telephone: '+47 77 60 00 00', email: 'per.hansen@example.no', invoiceAddress: { name: 'Per Hansen' } },
        orderLines: [{ productCode: '48214', externalOrderLineCode: '1', numberOfItems: 3, articleNumber: 'ULL-01' }],
      },
    ]);
    expect(cursor).toBe('2025-01-05T11:30:00.000Z');
    replay.assertDone();
  });

  it('leaves out an order in another status that a server sends despite the filter, and fails one whose status is unreadable', async () => {
    const recorded = exchange('get-invoices');
    const [first, second] = recorded.response.split('<OrderStatus>Confirmed</OrderStatus>');
    const response = (status: string) => `${first}<OrderStatus>${status}</OrderStatus>${second}<OrderStatus>Confirmed</OrderStatus>${recorded.response.split('<OrderStatus>Confirmed</OrderStatus>')[2]}`;
    for (const [status, expected] of [['Draft', [['5002', undefined]]], ['Bekreftet', [['5001', 'OrderStatus'], ['5002', undefined]]]] as const) {
      const { replay, api } = replayed([login(), exchange('get-order-sync-list'), { ...recorded, response: response(status) }, exchange('get-companies')]);
      const records = (await drain(importFlow('order-import').fetch(api, { since, signal }))).flatMap((p) => p.records);
      expect(records.map((r) => [r.externalId, r.issues?.[0]?.field])).toEqual(expected);
      replay.assertDone();
    }
  });

  it('delivery report: SaveInvoices with the OrderId and OrderState_Sent only; a refused item is the report\'s failure with the reason', async () => {
    const payload = { orderNumber: '5001', status: 450, shipment: { sentAt: '2025-01-06T08:00:00Z' }, lines: [] };
    const ok = replayed([login(), exchange('save-invoices')]);
    await deliveryReport.send(ok.api, { externalId: '5001', payload }, signal);
    ok.replay.assertDone();

    const refused = replayed([login(), exchange('save-invoices', { response: 'save-invoices-invoiced.response' })]);
    await expect(deliveryReport.send(refused.api, { externalId: '5001', payload }, signal)).rejects.toMatchObject({
      kind: 'record',
      message: 'order 5001: The order is invoiced and can no longer be changed (ValidationException)',
    });
  });

  it('stock export: reads Id, No and Stock once, writes the quantity with SetStockQuantity', async () => {
    const { replay, api } = replayed([login(), exchange('get-stock'), exchange('set-stock-quantity')]);
    const flow = twentyFourSevenOffice.flows.find((f): f is StockExportFlow<TwentyFourSevenApi> => f.kind === 'stock-export')!;
    expect(await flow.readRemote(api, ['TUR-44', 'ULL-01', 'NOT-THERE'], signal)).toEqual([{ articleNumber: 'TUR-44', quantity: 12.5 }, { articleNumber: 'ULL-01', quantity: 0 }]);
    await flow.write(api, { articleNumber: 'TUR-44', quantity: 7.25 }, signal);
    await expect(flow.write(api, { articleNumber: 'NOT-THERE', quantity: 1 }, signal)).rejects.toMatchObject({ kind: 'record', details: [{ field: 'articleNumber', value: 'NOT-THERE' }] });
    replay.assertDone();
  });

  it('waits out the quarantine a "Limit exceeded" fault names, then sends the call again', async () => {
    const limited = exchange('get-products', { response: 'limit-exceeded.response', headers: { date: 'Mon, 06 Jan 2025 10:00:00 GMT' } });
    const { replay, api, slept } = replayed([login(), limited, exchange('get-products')], { rateLimitPerSecond: 2 });
    await drain(importFlow('article-import').fetch(api, { since, signal }));
    expect(slept).toContain(20_000);
    replay.assertDone();
  });

  it('holds the next call back until APILimitReset when APILimitRemaining reaches 0', async () => {
    const spent = exchange('get-products', { headers: { APILimitRemaining: '0', APILimitReset: '2025-01-06T10:30:00Z', date: 'Mon, 06 Jan 2025 10:00:00 GMT' } });
    const { replay, api, slept } = replayed([login(), spent, exchange('get-products')], { rateLimitPerSecond: 2 });
    await drain(importFlow('article-import').fetch(api, { since, signal }));
    expect(slept).toEqual([]);
    await drain(importFlow('article-import').fetch(api, { since, signal }));
    expect(slept.reduce((a, b) => a + b, 0)).toBe(1_800_000);
    replay.assertDone();
  });
});
