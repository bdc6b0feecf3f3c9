import { describe, expect, it } from 'vitest';
import { authenticateOperations, buildEnvelope, parseFault, parseResult } from '../../../src/connectors/sdk/index.js';
import type { SoapOperation } from '../../../src/connectors/sdk/index.js';
import { callJson } from '../../../src/connectors/sandbox/index.js';
import { testSandbox } from '../fixtures/in-process-api.js';
import { operations } from '../services.js';
import { defaultCredential } from './server.js';
import type { SandboxOptions, TwentyFourSevenSandbox } from './server.js';

/** The simulator on the wire: envelopes in, envelopes out, as a SOAP client sees them. */

const credential = { ApplicationId: defaultCredential.applicationId, Password: defaultCredential.password, Username: defaultCredential.username };

async function post(sandbox: TwentyFourSevenSandbox, operation: SoapOperation, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  const response = await sandbox.app.request(operation.path, {
    method: 'POST',
    body: buildEnvelope(operation, body),
    headers: { 'Content-Type': 'text/xml; charset=utf-8', SOAPAction: `"${operation.soapAction}"`, ...headers },
  });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, fault: parseFault(text), result: () => parseResult(operation, text, 'test') };
}

async function signedIn(options: SandboxOptions = {}) {
  const sandbox = testSandbox(options);
  const login = await post(sandbox, authenticateOperations.login, { credential });
  const cookie = `ASP.NET_SessionId=${String(login.result())}`;
  const call = (operation: SoapOperation, body: Record<string, unknown>) => post(sandbox, operation, body, { cookie });
  return { sandbox, cookie, call };
}

describe('sessions and the login', () => {
  it('issues a session on Login that HasSession confirms and every service accepts; without it a fault', async () => {
    const { sandbox, cookie, call } = await signedIn();
    const again = await post(sandbox, authenticateOperations.login, { credential });
    expect(again.headers.get('Set-Cookie')).toBe(`ASP.NET_SessionId=${String(again.result())}; path=/; HttpOnly`);
    expect((await post(sandbox, authenticateOperations.hasSession, {}, { cookie })).result()).toBe(true);
    expect((await call(operations.getProducts, { searchParams: {}, returnProperties: ['Id'] })).status).toBe(200);
    const anonymous = await post(sandbox, operations.getProducts, { searchParams: {}, returnProperties: ['Id'] });
    expect(anonymous.status).toBe(500);
    expect(anonymous.fault).toEqual({ code: 'soap:Server', message: 'System.Web.Services.Protocols.SoapException: Client is not authenticated on this identity' });

    sandbox.sessions.expireAll();
    expect((await post(sandbox, authenticateOperations.hasSession, {}, { cookie })).result()).toBe(false);
    expect((await call(operations.getProducts, { searchParams: {}, returnProperties: ['Id'] })).fault?.message).toMatch(/not authenticated/);
  });

  it('answers a wrong password with a fault, or an empty LoginResult when so configured; a blocked identity by name', async () => {
    const sandbox = testSandbox();
    expect((await post(sandbox, authenticateOperations.login, { credential: { ...credential, Password: 'wrong' } })).fault).toEqual({ code: 'soap:Server', message: 'Invalid username or password' });
    sandbox.configure({ badLogin: 'empty' });
    const empty = await post(sandbox, authenticateOperations.login, { credential: { ...credential, Password: 'wrong' } });
    expect([empty.status, empty.result()]).toEqual([200, '']);
    const identity = await post(sandbox, authenticateOperations.login, { credential: { ...credential, IdentityId: '11111111-2222-3333-4444-555555555555' } });
    expect(identity.fault?.message).toMatch(/^Provided IdentityId is blocked/);
  });

  it('throttles repeated logins with one credential', async () => {
    const sandbox = testSandbox({ loginsPerMinute: 2 });
    for (let i = 0; i < 2; i++) expect((await post(sandbox, authenticateOperations.login, { credential })).status).toBe(200);
    const third = await post(sandbox, authenticateOperations.login, { credential });
    expect(third.fault?.message).toMatch(/^Limit exceeded by 1\. Request is blocked\. Quarantine ends at \d{4}-\d\d-\d\dT/);
  });

  it('refuses a missing or wrong SOAPAction and an unknown operation as ASMX does', async () => {
    const sandbox = testSandbox();
    const wrong = await post(sandbox, authenticateOperations.login, { credential }, { SOAPAction: '"http://24sevenOffice.com/webservices/HasSession"' });
    expect([wrong.status, wrong.fault]).toEqual([500, { code: 'soap:Client', message: 'Server did not recognize the value of HTTP Header SOAPAction: http://24sevenOffice.com/webservices/HasSession.' }]);
    const elsewhere = await post(sandbox, { ...operations.getProducts, path: authenticateOperations.login.path }, { searchParams: {}, returnProperties: ['Id'] });
    expect(elsewhere.fault?.code).toBe('soap:Client');
    const garbage = await sandbox.app.request(authenticateOperations.login.path, { method: 'POST', body: '<soap:Envelope><oops>' });
    expect([garbage.status, parseFault(await garbage.text())?.code]).toEqual([400, 'soap:Client']);
  });
});

describe('requests in WSDL order', () => {
  it('names a member out of the WSDL order or not in it, which .NET would drop silently', async () => {
    const { sandbox, cookie } = await signedIn();
    const send = (body: string) => sandbox.app.request(operations.getInvoices.path, { method: 'POST', body, headers: { cookie, SOAPAction: `"${operations.getInvoices.soapAction}"` } });
    const envelope = buildEnvelope(operations.getInvoices, { searchParams: { ChangedAfter: new Date('2025-01-01T00:00:00Z'), OrderIds: [1] }, invoiceReturnProperties: ['OrderId'], rowReturnProperties: [] });
    expect((await send(envelope)).status).toBe(200);
    const swapped = envelope.replace(/(<ChangedAfter>.*<\/ChangedAfter>)(<OrderIds>.*<\/OrderIds>)/, '$2$1');
    expect(parseFault(await (await send(swapped)).text())?.message).toBe(
      'Server was unable to read request. ---> GetInvoices/searchParams/ChangedAfter comes after OrderIds, out of the WSDL\'s order (a .NET server would drop it silently).',
    );
    const unknown = envelope.replace('<OrderIds>', '<InvoiceNumber>7</InvoiceNumber><OrderIds>');
    expect(parseFault(await (await send(unknown)).text())?.message).toMatch(/GetInvoices\/searchParams\/InvoiceNumber is not a member of the WSDL's sequence \(CustomerIds, ChangedAfter, /);
  });
});

describe('the hourly limit', () => {
  it('tells what is left on every answer and blocks the request over the budget with the quarantine time', async () => {
    const { call } = await signedIn({ hourlyLimit: 3 });
    const second = await call(operations.getProducts, { searchParams: {}, returnProperties: ['Id'] });
    expect(second.headers.get('APILimitRemaining')).toBe('1');
    expect(Date.parse(second.headers.get('APILimitReset')!)).toBeGreaterThan(Date.now() + 3_500_000);
    expect((await call(operations.getProducts, { searchParams: {}, returnProperties: ['Id'] })).headers.get('APILimitRemaining')).toBe('0');
    const over = await call(operations.getProducts, { searchParams: {}, returnProperties: ['Id'] });
    expect(over.status).toBe(500);
    expect(over.fault?.message).toBe(`Limit exceeded by 1. Request is blocked. Quarantine ends at ${over.headers.get('APILimitReset')}`);
  });
});

describe('return properties, order and change filters', () => {
  it('answers only the properties asked for, in WSDL order whatever the order asked', async () => {
    const { call } = await signedIn();
    const answer = await call(operations.getProducts, { searchParams: { Id: 1001 }, returnProperties: ['Weight', 'No', 'Id'] });
    expect(answer.text).toMatch(/<Product><Id>1001<\/Id><No>P-01001<\/No><Weight>[\d.]+<\/Weight><\/Product>/);
  });

  it('gives rows only when InvoiceRows is asked for, with the row members asked for', async () => {
    const { sandbox, call } = await signedIn();
    const id = [...sandbox.store.orders.keys()][0]!;
    const without = (await call(operations.getInvoices, { searchParams: { OrderIds: [id] }, invoiceReturnProperties: ['OrderId'], rowReturnProperties: ['Quantity'] })).result();
    expect(without).toEqual([{ OrderId: id }]);
    const withRows = (await call(operations.getInvoices, { searchParams: { OrderIds: [id] }, invoiceReturnProperties: ['OrderId', 'InvoiceRows'], rowReturnProperties: ['RowId'] })).result() as { InvoiceRows: object[] }[];
    expect(withRows[0]!.InvoiceRows[0]).toEqual({ RowId: 1 });
  });

  it('filters by ChangedAfter (strictly after) and by the exact status names, OrderState_Sent among them', async () => {
    const { sandbox, call } = await signedIn();
    const [order] = [...sandbox.store.orders.values()];
    sandbox.store.touch(order!, { OrderStatus: 'OrderState_Sent' });
    const stamp = order!.DateChanged;
    const ids = async (search: Record<string, unknown>) => ((await call(operations.getInvoices, { searchParams: search, invoiceReturnProperties: ['OrderId'], rowReturnProperties: [] })).result() as { OrderId: number }[]).map((o) => o.OrderId);
    expect(await ids({ ChangedAfter: new Date(stamp.getTime() - 1000) })).toEqual([order!.OrderId]);
    expect(await ids({ ChangedAfter: stamp })).toEqual([]);
    const sent = [...sandbox.store.orders.values()].filter((o) => o.OrderStatus === 'OrderState_Sent').map((o) => o.OrderId);
    expect((await ids({ OrderStates: ['OrderState_Sent'] })).sort()).toEqual(sent.sort());
    const wrong = await call(operations.getInvoices, { searchParams: { OrderStates: ['Sent'] }, invoiceReturnProperties: ['OrderId'], rowReturnProperties: [] });
    expect(wrong.fault?.message).toMatch(/'Sent' is not a valid value for OrderSlipStateType/);
    const sync = (await call(operations.getOrderSyncList, { syncParams: { ChangedAfter: new Date(stamp.getTime() - 1000), RegisteredAfter: new Date('0001-01-01T00:00:00Z') } })).result();
    expect(sync).toEqual([order!.OrderId]);
  });

  it('refuses more than 1000 order ids in one GetInvoices', async () => {
    const { call } = await signedIn();
    const many = Array.from({ length: 1001 }, (_, i) => i + 1);
    expect((await call(operations.getInvoices, { searchParams: { OrderIds: many }, invoiceReturnProperties: ['OrderId'], rowReturnProperties: [] })).fault?.message).toMatch(/At most 1000 OrderIds/);
  });
});

describe('status changes and stock', () => {
  it('changes the status through SaveInvoices, stamps DateChanged, invoices with an InvoiceId, then refuses changes per item', async () => {
    const { sandbox, call } = await signedIn({ now: () => new Date('2025-04-01T08:00:00Z') });
    const [a, b] = [...sandbox.store.orders.values()].filter((o) => o.OrderStatus === 'Confirmed');
    const saved = (await call(operations.saveInvoices, { invoices: [{ OrderId: a!.OrderId, OrderStatus: 'Invoiced' }, { OrderId: 999_999, OrderStatus: 'Pack' }] })).result() as Record<string, unknown>[];
    expect(saved[0]).toMatchObject({ OrderId: a!.OrderId, OrderStatus: 'Invoiced', InvoiceId: expect.any(Number), DateChanged: '2025-04-01T08:00:00' });
    expect(saved[1]).toMatchObject({ OrderId: 999_999, APIException: { Type: 'ValidationException', Message: 'Order 999999 does not exist' } });
    const again = (await call(operations.saveInvoices, { invoices: [{ OrderId: a!.OrderId, OrderStatus: 'Pack' }, { OrderId: b!.OrderId, OrderStatus: 'Pack' }] })).result() as Record<string, unknown>[];
    expect(again[0]).toMatchObject({ APIException: { Message: 'The order is invoiced and can no longer be changed' } });
    expect(again[1]).toMatchObject({ OrderId: b!.OrderId, OrderStatus: 'Pack' });
    expect(sandbox.store.orders.get(a!.OrderId)!.OrderStatus).toBe('Invoiced');
  });

  it('sets an absolute stock quantity; an unknown product answers false', async () => {
    const { sandbox, call } = await signedIn();
    expect((await call(operations.setStockQuantity, { productId: 1002, stockQuantity: 12.5 })).result()).toBe(true);
    expect(sandbox.store.products.get(1002)!.Stock).toBe(12.5);
    expect((await call(operations.setStockQuantity, { productId: 1, stockQuantity: 3 })).result()).toBe(false);
  });
});

describe('faults on demand through the control API', () => {
  it('fails the matching reads with a passing server trouble, and 429s as the limit fault', async () => {
    const { sandbox, call } = await signedIn();
    await callJson(sandbox.app, 'POST', '/_sandbox/faults', { body: { serverError: { next: 1, match: 'GetProducts' }, tooManyRequests: { next: 1, match: '^GET ', retryAfterSeconds: 2 } } });
    const limited = await call(operations.getProducts, { searchParams: {}, returnProperties: ['Id'] });
    expect([limited.status, limited.headers.get('Retry-After')]).toEqual([429, '2']);
    expect(limited.fault?.message).toMatch(/^Limit exceeded by 1\. Request is blocked\. Quarantine ends at /);
    const failed = await call(operations.getProducts, { searchParams: {}, returnProperties: ['Id'] });
    expect([failed.status, failed.fault?.message]).toEqual([500, 'Server was unable to process request. ---> Injected server error: the service is temporarily unavailable, try again later.']);
    // A write is labelled POST: the reads' fault leaves it alone.
    await callJson(sandbox.app, 'POST', '/_sandbox/faults', { body: { serverError: { next: 1, match: '^GET ' } } });
    expect((await call(operations.setStockQuantity, { productId: 1002, stockQuantity: 1 })).status).toBe(200);
    expect((await callJson(sandbox.app, 'GET', '/_sandbox/faults')).body).toMatchObject({ counters: { serverError: 1, tooManyRequests: 1 } });
  });

  it('serves malformed records on demand, the first of each answer', async () => {
    const { sandbox, call } = await signedIn();
    sandbox.faults.set({ malformed: { products: 1 } });
    const answer = await call(operations.getProducts, { searchParams: {}, returnProperties: ['Id', 'Weight'] });
    expect(answer.text).toContain('<Weight>n/a</Weight>');
    expect(sandbox.faults.counters.malformed).toBe(1);
  });

  it('expires every session and lists the stock writes', async () => {
    const { sandbox, call } = await signedIn();
    await call(operations.setStockQuantity, { productId: 1003, stockQuantity: 4 });
    expect((await callJson(sandbox.app, 'GET', '/_sandbox/stock-writes')).body).toEqual([expect.objectContaining({ productId: 1003, quantity: 4 })]);
    expect((await callJson(sandbox.app, 'POST', '/_sandbox/sessions/expire')).body).toEqual({ expired: 1 });
  });
});
