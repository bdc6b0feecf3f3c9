import { afterEach, describe, expect, it } from 'vitest';
import { HttpError, WmsyncError, testApiContext } from '../../src/connectors/sdk/index.js';
import type { OrderShippedEvent, ReportFlow, StockExportFlow } from '../../src/connectors/sdk/index.js';
import type { MycashflowApi } from './client.js';
import { mycashflow } from './connector.js';
import { inProcessApi, sandboxWithApi, signal } from './fixtures/in-process-api.js';
import { startMycashflowSandbox } from './sandbox/server.js';
import { testSandbox } from './sandbox/test-helpers.js';
import type { RunningSandbox } from './sandbox/server.js';

const report = mycashflow.flows.find((f) => f.id === 'delivery-report') as ReportFlow<MycashflowApi, 'delivery-report'>;
const stock = mycashflow.flows.find((f) => f.id === 'stock-export') as StockExportFlow<MycashflowApi>;

const shipped = (waybill?: string): OrderShippedEvent => ({
  orderNumber: 'x',
  status: 450,
  shipment: { ...(waybill === undefined ? {} : { waybill }), sentAt: '2025-03-10T12:00:00Z' },
  lines: [],
});
const quickProcessCalls = (sandbox: ReturnType<typeof sandboxWithApi>['sandbox']) => sandbox.recorder.filter('POST', /\/quick-process$/);

describe('delivery report', () => {
  it('quick-processes once with the tracking code and the settings; isDone then says true', async () => {
    const { sandbox, api } = sandboxWithApi({ sendDeliveryEmails: 'no' });
    const order = sandbox.createOrder({ payment_method_id: 1 });
    const externalId = String(order.id);
    expect(await report.isDone(api, { externalId, payload: shipped('JJFI6400123') }, signal)).toBe(false);
    await report.send(api, { externalId, payload: shipped('JJFI6400123') }, signal);
    expect(quickProcessCalls(sandbox).map((c) => c.body)).toEqual([
      { tracking_code: 'JJFI6400123', send_emails: false, allow_open_cash_on_delivery_payments: false, ignore_payment_activation_errors: false },
    ]);
    expect(sandbox.store.order(order.id)?.shipments.map((s) => s.tracking_code)).toEqual(['JJFI6400123']);
    expect(await report.isDone(api, { externalId, payload: shipped('JJFI6400123') }, signal)).toBe(true);
  });

  it('leaves the tracking code out when the WMS has none, and mails by default', async () => {
    const { sandbox, api } = sandboxWithApi();
    const order = sandbox.createOrder({ payment_method_id: 1 });
    await report.send(api, { externalId: String(order.id), payload: shipped() }, signal);
    expect(quickProcessCalls(sandbox)[0]?.body).toEqual({ send_emails: true, allow_open_cash_on_delivery_payments: false, ignore_payment_activation_errors: false });
  });

  it("passes the shop's refusal through as the client's HttpError (kind record)", async () => {
    const { sandbox, api } = sandboxWithApi();
    const twoPayments = sandbox.createOrder({ payment_method_id: 1, payment_count: 2 });
    const error = await report.send(api, { externalId: String(twoPayments.id), payload: shipped('T1') }, signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'record', status: 422 });
    expect((error as HttpError).message).toContain('exactly one payment');
  });

  it('completes an open cash-on-delivery order only when the setting allows it', async () => {
    const sandbox = testSandbox();
    const cod = sandbox.createOrder({ payment_method_id: 3 });
    const send = (settings: Record<string, unknown>) => report.send(inProcessApi(sandbox, { settings }), { externalId: String(cod.id), payload: shipped('T2') }, signal);
    await expect(send({})).rejects.toMatchObject({ status: 422, kind: 'record', message: expect.stringContaining('Set allowOpenCashOnDeliveryPayments=yes') });
    await send({ allowOpenCashOnDeliveryPayments: 'yes' });
    expect(sandbox.store.order(cod.id)?.status).toBe('completed');
  });

  it('refuses a setting that is not a switch as a config error', async () => {
    const sandbox = testSandbox();
    sandbox.createOrder({ payment_method_id: 1 });
    // Settings are parsed when the api is built, so a bad switch stops every flow before any call.
    expect(() => inProcessApi(sandbox, { settings: { sendDeliveryEmails: 'maybe' } })).toThrow(expect.objectContaining({ kind: 'config' }));
    expect(quickProcessCalls(sandbox)).toHaveLength(0);
  });
});

describe('stock export', () => {
  it('reads /stock once per run, returns the asked codes, and writes the quantity with PATCH', async () => {
    const { sandbox, api } = sandboxWithApi();
    const [a, b] = sandbox.store.stock.values();
    const remote = await stock.readRemote(api, [a!.code, b!.code, 'NOT-IN-SHOP'], signal);
    expect(remote).toEqual([
      { articleNumber: a!.code, quantity: Number(a!.quantity) },
      { articleNumber: b!.code, quantity: Number(b!.quantity) },
    ]);
    await stock.write(api, { articleNumber: a!.code, quantity: 321 }, signal);
    expect(sandbox.recorder.filter('PATCH', /\/stock\//).map((r) => [r.path, r.body])).toEqual([[`/api/v1/stock/${a!.code}`, { quantity: 321 }]]);
    expect(sandbox.store.stockItem(a!.code)?.quantity).toBe('321.000');
    const stockPages = sandbox.recorder.filter('GET', /\/stock$/).length;
    expect(await stock.readRemote(api, [a!.code], signal)).toEqual([{ articleNumber: a!.code, quantity: 321 }]);
    expect(sandbox.recorder.filter('GET', /\/stock$/)).toHaveLength(stockPages);
    expect(stock.quantity).toBe('physical');
  });

  it('a new api (the next run) reads the shop again', async () => {
    const { sandbox, api } = sandboxWithApi();
    await stock.readRemote(api, [], signal);
    const code = sandbox.store.stock.values()[0]!.code;
    sandbox.store.patchStock(code, { quantity: 77 });
    expect(await stock.readRemote(inProcessApi(sandbox), [code], signal)).toEqual([{ articleNumber: code, quantity: 77 }]);
  });
});

function thrown(fn: () => unknown): WmsyncError {
  try {
    fn();
  } catch (e) {
    return e as WmsyncError;
  }
  throw new Error('expected an error');
}

describe('connector', () => {
  let running: RunningSandbox | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });

  const context = (settings: Record<string, unknown>) => testApiContext({ settings, fetch });

  it('declares the seed defaults', () => {
    expect(mycashflow.flows.map((f) => [f.id, f.enabledByDefault])).toEqual([
      ['article-import', true], ['order-import', true], ['stock-export', false], ['delivery-report', true],
    ]);
    const defaults = Object.fromEntries(mycashflow.settings.map((s) => [s.key, s.default]));
    expect(defaults).toMatchObject({ sendDeliveryEmails: true, allowOpenCashOnDeliveryPayments: false, pageSize: 250, rateLimitPerSecond: 2, rateLimitBurst: 40, orderStatuses: 'open,cancelled' });
    const setting = (key: string) => mycashflow.settings.find((s) => s.key === key)!;
    expect(setting('sendDeliveryEmails').schema.parse('false')).toBe(false);
    expect(setting('pageSize').schema.parse('100')).toBe(100);
    expect(setting('orderStatuses').schema.parse('Open, CANCELLED')).toEqual(['open', 'cancelled']);
    expect(setting('orderStatuses').schema.safeParse('open,shipped').success).toBe(false);
    // The engine stores a setting's parsed value and parses it again when it resolves the integration.
    for (const [key, raw] of [['orderStatuses', 'open'], ['sendDeliveryEmails', '0'], ['rateLimitPerSecond', '1.5']] as const) {
      const once = setting(key).schema.parse(raw);
      expect(setting(key).schema.parse(once)).toEqual(once);
    }
    expect([setting('username').secret, setting('apiKey').secret, setting('storeName').secret]).toEqual([true, true, undefined]);
  });

  it('tests the connection over HTTP and refuses a wrong key as a config error', async () => {
    running = await startMycashflowSandbox({ port: 0, products: 5, orders: 5 });
    const ok = mycashflow.createApi(context({ baseUrl: running.url, username: 'api@sandbox.example', apiKey: 'sandbox-key', rateLimitPerSecond: '5' }));
    await mycashflow.testConnection(ok, signal);
    expect(running.sandbox.recorder.filter('GET', /\/products$/)[0]?.query).toEqual({ page_size: '1' });
    const wrong = mycashflow.createApi(context({ baseUrl: running.url, username: 'api@sandbox.example', apiKey: 'nope' }));
    await expect(mycashflow.testConnection(wrong, signal)).rejects.toMatchObject({ kind: 'config' });
  });

  it('refuses bad settings as a config error without echoing secrets', () => {
    const error = thrown(() => mycashflow.createApi(context({ baseUrl: 'https://acme.mycashflow.fi/api/v1', username: 'not-an-email', apiKey: ' ', pageSize: '999' })));
    expect(error).toBeInstanceOf(WmsyncError);
    expect(error.kind).toBe('config');
    expect(error.details.map((d) => d.field).sort()).toEqual(['apiKey', 'pageSize', 'username']);
    expect(error.details.find((d) => d.field === 'pageSize')).toHaveProperty('value', '999');
    expect(error.details.filter((d) => 'value' in d).map((d) => d.field)).toEqual(['pageSize']);
  });
});
