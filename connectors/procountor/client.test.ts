import { afterEach, describe, expect, it } from 'vitest';
import { HttpError, testApiContext } from '../../src/connectors/sdk/index.js';
import type { ImportFlow, OrderShippedEvent, ReportFlow } from '../../src/connectors/sdk/index.js';
import { oauthEndpoints } from './auth.js';
import type { ProcountorApi } from './client.js';
import { procountor } from './connector.js';
import { drain, hubCallback, inProcessApi, signal } from './fixtures/in-process-api.js';
import { defaultClient, defaultUser, startProcountorSandbox } from './sandbox/server.js';
import type { ProcountorSandbox, RunningSandbox } from './sandbox/server.js';
import { formPost, testSandbox } from './sandbox/test-helpers.js';

const articles = procountor.flows.find((f): f is ImportFlow<ProcountorApi> => f.id === 'article-import')!;
const report = procountor.flows.find((f) => f.id === 'delivery-report') as ReportFlow<ProcountorApi, 'delivery-report'>;
const tokenCalls = (sandbox: ProcountorSandbox) => sandbox.recorder.filter('POST', /\/oauth\/token$/);
const shipped: OrderShippedEvent = { orderNumber: 'x', status: 450, shipment: { sentAt: '2025-03-10T12:00:00Z' }, lines: [] };

/** Tokens of the authorization-code flow, as the hub's callback would have stored them. */
async function codeFlowTokens(sandbox: ProcountorSandbox) {
  const code = sandbox.auth.issueCode(defaultClient.clientId, hubCallback, defaultUser.username);
  const grant = { grant_type: 'authorization_code', code, redirect_uri: hubCallback, client_id: defaultClient.clientId, client_secret: defaultClient.clientSecret };
  const body = (await (await sandbox.app.request('/api/oauth/token', formPost(grant))).json()) as { access_token: string; refresh_token: string };
  sandbox.recorder.clear();
  return { accessToken: body.access_token, refreshToken: body.refresh_token, tokenExpiresAt: new Date(Date.now() + 3_600_000).toISOString() };
}

describe('authorisation', () => {
  it('API-key flow: client_credentials with api_key and redirect_uri in the form body, token saved', async () => {
    const sandbox = testSandbox();
    const { api, saved } = inProcessApi(sandbox);
    await procountor.testConnection(api, signal);
    const [call] = tokenCalls(sandbox);
    const form = new URLSearchParams(String(call?.body));
    expect(Object.fromEntries(form)).toMatchObject({ grant_type: 'client_credentials', api_key: 'sandbox-api-key', redirect_uri: hubCallback, client_id: 'wmsync-sandbox' });
    expect(call?.query).toEqual({});
    expect(saved).toHaveLength(1);
    expect(saved[0]?.refreshToken).toBeUndefined();
  });

  it('a token expiring mid-run: the 401 renews once (API key) and the run completes', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox);
    const pages = await drain(articles.fetch(api, { since: undefined, signal }), (_, i) => i === 0 && sandbox.expireTokens());
    expect(pages.flatMap((p) => p.records).length).toBe(sandbox.store.products.values().filter((p) => p.type === 'SALES').length);
    expect(sandbox.recorder.filter('GET').filter((r) => r.status === 401)).toHaveLength(1);
    expect(tokenCalls(sandbox)).toHaveLength(2);
  });

  it('a token expiring mid-run: the 401 refreshes once (code flow) and the new tokens are saved', async () => {
    const sandbox = testSandbox();
    const { api, saved } = inProcessApi(sandbox, { apiKey: undefined, ...(await codeFlowTokens(sandbox)) });
    // After the first page: the walk has asked for the second already, so the third meets the 401.
    const pages = await drain(articles.fetch(api, { since: undefined, signal }), (_, i) => i === 0 && sandbox.expireTokens());
    expect(pages.length).toBeGreaterThan(2);
    expect(tokenCalls(sandbox).map((r) => new URLSearchParams(String(r.body)).get('grant_type'))).toEqual(['refresh_token']);
    expect(saved).toHaveLength(1);
    expect(saved[0]?.refreshToken).toEqual(expect.any(String));
  });

  it('without tokens or an API key it says how to authorise', async () => {
    const { api } = inProcessApi(testSandbox(), { apiKey: undefined });
    await expect(procountor.testConnection(api, signal)).rejects.toMatchObject({
      kind: 'config',
      message: 'Procountor is not authorised yet: open the integration and choose Authorise, or set an apiKey',
    });
  });

  it('finds the login page on the host, without /api or a version segment', () => {
    expect(oauthEndpoints('https://api.procountor.com/api')).toEqual({ tokenUrl: 'https://api.procountor.com/api/oauth/token', authorizeUrl: 'https://api.procountor.com/login' });
    expect(oauthEndpoints('https://pts-api.procountor.com/latest/api/').authorizeUrl).toBe('https://pts-api.procountor.com/login');
    expect(oauthEndpoints('https://api.procountor.com/v2402/api')).toEqual({ tokenUrl: 'https://api.procountor.com/v2402/api/oauth/token', authorizeUrl: 'https://api.procountor.com/login' });
    expect(oauthEndpoints('http://hub:8080/sandbox/procountor/supported/api').authorizeUrl).toBe('http://hub:8080/sandbox/procountor/login');
  });
});

describe('delivery report', () => {
  it('sends the sales order once, and isDone then says true', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox);
    const order = sandbox.createInvoice({ type: 'SALES_ORDER', status: 'UNFINISHED' });
    const externalId = String(order.id);
    expect(await report.isDone(api, { externalId, payload: shipped }, signal)).toBe(false);
    await report.send(api, { externalId, payload: shipped }, signal);
    expect(sandbox.store.writes.map((w) => [w.invoiceId, w.action, w.from, w.to])).toEqual([[order.id, 'send', 'UNFINISHED', 'SENT']]);
    expect(await report.isDone(api, { externalId, payload: shipped }, signal)).toBe(true);
  });

  it('with deliveryReportAction none, calls nothing and counts as done', async () => {
    const sandbox = testSandbox();
    const { api } = inProcessApi(sandbox, { deliveryReportAction: 'none' });
    const order = sandbox.createInvoice({ type: 'SALES_ORDER' });
    sandbox.recorder.clear();
    await report.send(api, { externalId: String(order.id), payload: shipped }, signal);
    expect(await report.isDone(api, { externalId: String(order.id), payload: shipped }, signal)).toBe(true);
    expect(sandbox.recorder.filter(undefined, /\/invoices/)).toHaveLength(0);
  });

  it("passes Procountor's 403 refusal through as an HttpError of kind record, with its message", async () => {
    const sandbox = testSandbox({ salesOrdersCanBeSent: false });
    const { api } = inProcessApi(sandbox);
    const order = sandbox.createInvoice({ type: 'SALES_ORDER' });
    const error = await report.send(api, { externalId: String(order.id), payload: shipped }, signal).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HttpError);
    expect(error).toMatchObject({ kind: 'record', status: 403 });
    expect((error as HttpError).message).toContain('Action send is not supported for invoice type SALES_ORDER');
    expect(sandbox.store.writes).toHaveLength(0);
  });
});

describe('connector', () => {
  let running: RunningSandbox | undefined;
  afterEach(async () => {
    await running?.close();
    running = undefined;
  });
  const context = (settings: Record<string, unknown>) => testApiContext({ settings, fetch, redirectUri: hubCallback });

  it('declares the spec: id, auth, addresses, flows and setting defaults', () => {
    expect([procountor.id, procountor.displayName, procountor.auth, procountor.defaultIntervalMinutes]).toEqual(['procountor', 'Procountor', 'oauth2', 15]);
    expect(procountor.baseUrls).toEqual({ production: 'https://api.procountor.com/api', test: 'https://pts-api.procountor.com/api' });
    expect(procountor.flows.map((f) => [f.id, f.enabledByDefault])).toEqual([
      ['article-import', true], ['order-import', true], ['purchase-order-import', true], ['delivery-report', true],
    ]);
    const setting = (key: string) => procountor.settings.find((s) => s.key === key)!;
    expect([setting('clientId').secret, setting('clientId').required, setting('clientSecret').secret, setting('apiKey').secret, setting('apiKey').required]).toEqual([undefined, true, true, true, undefined]);
    expect(Object.fromEntries(procountor.settings.map((s) => [s.key, s.default]))).toMatchObject({ deliveryReportAction: 'send', rateLimitPerSecond: 60, pageSize: 200 });
    expect(setting('deliveryReportAction').schema.safeParse('approve').success).toBe(false);
    expect(setting('orderStatuses').schema.parse('unfinished, started')).toEqual(['UNFINISHED', 'STARTED']);
    expect(procountor.oauth!.endpoints({ baseUrl: 'http://127.0.0.1:3000/sandbox/procountor/api' }).authorizeUrl).toBe('http://127.0.0.1:3000/sandbox/procountor/login');
  });

  it('tests the connection over HTTP and refuses a wrong API key as a config error', async () => {
    running = await startProcountorSandbox({ port: 0, products: 5, invoices: 5 });
    const credentials = { baseUrl: running.url, clientId: 'wmsync-sandbox', clientSecret: 'sandbox-secret' };
    await procountor.testConnection(procountor.createApi(context({ ...credentials, apiKey: 'sandbox-api-key' })), signal);
    const wrong = procountor.createApi(context({ ...credentials, apiKey: 'nope' }));
    await expect(procountor.testConnection(wrong, signal)).rejects.toMatchObject({ kind: 'config', message: expect.stringContaining('Procountor refused the API key') });
  });

  it('refuses bad settings as a config error without echoing secrets', () => {
    let error: unknown;
    try {
      procountor.createApi(context({ baseUrl: 'https://api.procountor.com/api', clientId: 'x', clientSecret: ' ', pageSize: '500' }));
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ kind: 'config' });
    const details = (error as { details: { field: string; value?: unknown }[] }).details;
    expect(details.map((d) => d.field).sort()).toEqual(['clientSecret', 'pageSize']);
    expect(details.filter((d) => 'value' in d).map((d) => d.field)).toEqual(['pageSize']);
  });
});
