import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { createHttpClient } from '../http/http-client.js';
import type { AuthStrategy } from '../auth/strategy.js';
import { authenticateSession } from './authenticate.js';
import { soapCall } from './call.js';
import { splitItemResults } from './item-exceptions.js';
import type { ApiException } from './item-exceptions.js';
import { loadExchange, replaySoap } from './replay.js';
import type { RecordedExchange } from './replay.js';
import { readWsdl } from './wsdl.js';

const dir = fileURLToPath(new URL('./fixtures/24sevenoffice/', import.meta.url));
const services = Object.fromEntries(
  ['productService', 'invoiceService'].map((name) => [name, readWsdl(readFileSync(new URL(`./fixtures/${name}.wsdl`, import.meta.url), 'utf8'))]),
);
const getProducts = { ...services.productService!.operations.GetProducts!, idempotent: true };
const saveInvoices = services.invoiceService!.operations.SaveInvoices!;
const credential = { applicationId: '1b0c3c9e-8f4e-4d8a-9d55-0a4c2b7e6f10', identityId: '00000000-0000-0000-0000-000000000000', username: 'api@shop.example', password: 'secret' };
const productQuery = { searchParams: { DateChanged: new Date('2024-05-01T00:00:00Z') }, returnProperties: ['Id', 'Name', 'Stock', 'No', 'DateChanged'] };

/** The authenticate client and the service client on one replayed conversation, as a connector wires them. */
function setUp(exchanges: RecordedExchange[], session: { stored?: string; minLoginIntervalMs?: number; now?: () => number } = {}) {
  const replay = replaySoap(exchanges);
  const slept: number[] = [];
  const base = { name: '24SevenOffice', baseUrl: 'https://api.24sevenoffice.com', fetch: replay.fetch, sleep: async (ms: number) => void slept.push(ms), random: () => 0.5 };
  const saved: string[] = [];
  const auth: AuthStrategy = authenticateSession({ http: createHttpClient(base), credential, save: async (id) => void saved.push(id), ...session });
  const http = createHttpClient({ ...base, auth });
  return { replay, http, saved, slept };
}

const cookie = (id: string) => ({ cookie: `ASP.NET_SessionId=${id}` });
const hasSession = (answer: 'true' | 'false', id: string) => loadExchange(dir, 'has-session', { response: `has-session-${answer}.response`, ...cookie(id) });

describe('SOAP session auth on the replayed 24SevenOffice conversation', () => {
  it('logs in with the credential in WSDL order, then sends the session cookie with the call and reads the result', async () => {
    const { replay, http, saved } = setUp([loadExchange(dir, 'login'), loadExchange(dir, 'get-products', cookie('s-new'))]);
    const products = await soapCall<{ Id: number }[]>(http, getProducts, productQuery);
    expect(products.map((p) => p.Id)).toEqual([101, 102]);
    expect(saved).toEqual(['s-new']);
    replay.assertDone();
  });

  it('reuses a stored session that HasSession confirms, and logs in when it does not', async () => {
    const kept = setUp([hasSession('true', 's-old'), loadExchange(dir, 'get-products', cookie('s-old'))], { stored: 's-old' });
    await soapCall(kept.http, getProducts, productQuery);
    kept.replay.assertDone();
    expect(kept.saved).toEqual([]);

    const stale = setUp(
      [hasSession('false', 's-old'), loadExchange(dir, 'login'), loadExchange(dir, 'get-products', cookie('s-new'))],
      { stored: 's-old' },
    );
    await soapCall(stale.http, getProducts, productQuery);
    stale.replay.assertDone();
  });

  it('logs in again once when a fault says the session is gone, and retries the call with the new session', async () => {
    const { replay, http, saved } = setUp(
      [hasSession('true', 's-old'), loadExchange(dir, 'get-products', { response: 'session-gone.response', ...cookie('s-old') }), loadExchange(dir, 'login'), loadExchange(dir, 'get-products', cookie('s-new'))],
      { stored: 's-old' },
    );
    await expect(soapCall(http, getProducts, productQuery)).resolves.toHaveLength(2);
    expect(saved).toEqual(['s-new']);
    replay.assertDone();
  });

  it('does not log in again within the login interval: the retry uses the new session, then gives up with a config error', async () => {
    let now = 0;
    const gone = (id: string) => loadExchange(dir, 'get-products', { response: 'session-gone.response', ...cookie(id) });
    const { replay, http } = setUp(
      [loadExchange(dir, 'login'), gone('s-new'), gone('s-new'), gone('s-new'), loadExchange(dir, 'login'), loadExchange(dir, 'get-products', cookie('s-new'))],
      { now: () => now, minLoginIntervalMs: 60_000 },
    );
    await expect(soapCall(http, getProducts, productQuery)).rejects.toMatchObject({
      kind: 'config',
      message: '24SevenOffice GetProducts failed (soap:Server): System.Web.Services.Protocols.SoapException: Client is not authenticated on this identity (also after logging in again)',
    });
    now = 60_000;
    await expect(soapCall(http, getProducts, productQuery)).resolves.toHaveLength(2);
    replay.assertDone();
  });

  it('shares one login between calls that find the session gone together', async () => {
    const { replay, http } = setUp([loadExchange(dir, 'login'), loadExchange(dir, 'get-products', cookie('s-new')), loadExchange(dir, 'get-products', cookie('s-new'))]);
    await Promise.all([soapCall(http, getProducts, productQuery), soapCall(http, getProducts, productQuery)]);
    replay.assertDone();
  });

  it('turns a refused login (a fault or an empty session id) into a config error, without retrying', async () => {
    const fault = setUp([loadExchange(dir, 'login', { response: 'login-refused.response' })]);
    await expect(soapCall(fault.http, getProducts, productQuery)).rejects.toMatchObject({
      kind: 'config',
      message: '24SevenOffice Login failed (soap:Server): Invalid username or password',
    });
    fault.replay.assertDone();
    const empty = setUp([loadExchange(dir, 'login', { response: 'login-empty.response' })]);
    await expect(soapCall(empty.http, getProducts, productQuery)).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringMatching(/^24SevenOffice refused the login: no session id came back/),
    });
  });
});

describe('soapCall: faults and per-item results', () => {
  const orders = { invoices: [{ OrderStatus: 'Pack', OrderId: 5001 }, { OrderId: 5002, OrderStatus: 'Pack' }] };
  type Saved = { OrderId: number; APIException?: ApiException };

  it('splits a save result into saved items and refusals with the remote reason', async () => {
    const { replay, http } = setUp([loadExchange(dir, 'login'), loadExchange(dir, 'save-invoices', cookie('s-new'))]);
    const result = await soapCall<Saved[]>(http, saveInvoices, orders);
    const { saved, refused } = splitItemResults(result, (item) => `order ${item.OrderId}`);
    expect(saved.map((o) => o.OrderId)).toEqual([5001]);
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ index: 1, error: { kind: 'record', message: 'order 5002: The order is invoiced and can no longer be changed (ValidationException)' } });
    expect(refused[0]!.error.message).not.toContain('StackTrace');
    replay.assertDone();
  });

  it('calls a soap:Client fault a record refusal, sent once even for a read', async () => {
    const { replay, http } = setUp([loadExchange(dir, 'login'), loadExchange(dir, 'get-products', { response: 'client-fault.response', ...cookie('s-new') })]);
    await expect(soapCall(http, getProducts, productQuery)).rejects.toMatchObject({
      kind: 'record',
      status: 500,
      message: '24SevenOffice GetProducts failed (soap:Client): Server was unable to read request. ---> There is an error in XML document (1, 310).',
    });
    replay.assertDone();
  });

  it('waits out the quarantine a throttled call names and sends even a save again', async () => {
    const limited = loadExchange(dir, 'save-invoices', { response: 'limit-exceeded.response', ...cookie('s-new'), headers: { date: 'Wed, 01 May 2024 10:00:00 GMT' } });
    const { replay, http, slept } = setUp([loadExchange(dir, 'login'), limited, loadExchange(dir, 'save-invoices', cookie('s-new'))]);
    await expect(soapCall<Saved[]>(http, saveInvoices, orders)).resolves.toHaveLength(2);
    expect(slept).toEqual([30_000]);
    expect(http.stats).toEqual({ calls: 2, retries: 1, throttled: 1 });
    replay.assertDone();
  });

  it('leaves a write whose outcome is unknown alone, but resends a read', async () => {
    const down = (name: string) => ({ ...loadExchange(dir, name, cookie('s-new')), status: 503, response: 'Service Unavailable' });
    const write = setUp([loadExchange(dir, 'login'), down('save-invoices')]);
    await expect(soapCall(write.http, saveInvoices, orders)).rejects.toMatchObject({ kind: 'transient', cause: { ambiguous: true, status: 503 } });
    const read = setUp([loadExchange(dir, 'login'), down('get-products'), loadExchange(dir, 'get-products', cookie('s-new'))]);
    await expect(soapCall(read.http, getProducts, productQuery)).resolves.toHaveLength(2);
    read.replay.assertDone();
  });
});
