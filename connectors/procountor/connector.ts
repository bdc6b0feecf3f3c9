import { z } from 'zod';
import type { RetryPolicy } from '../../src/connectors/http/http-client.js';
import { storedTokens } from '../../src/connectors/oauth/token-session.js';
import { defineConnector } from '../../src/connectors/sdk/connector.js';
import type { ApiContext, SettingDefinition } from '../../src/connectors/sdk/connector.js';
import { toFieldIssues } from '../../src/domain/index.js';
import { configError } from '../../src/kernel/errors.js';
import { invoiceStatuses } from './api.js';
import { createSessionAuth, oauthEndpoints } from './auth.js';
import { createProcountorClient } from './client.js';
import type { ProcountorApi } from './client.js';
import { articleImport } from './flows/article-import.js';
import { deliveryReport, deliveryReportActionSchema, deliverySettings } from './flows/delivery-report.js';
import { orderImport } from './flows/order-import.js';
import { purchaseOrderImport } from './flows/purchase-order-import.js';
import { createProcountorSandbox, defaultClient } from './sandbox/server.js';

/**
 * 60 calls a second per client is Procountor's published production limit [V P-DEV-req]; 200 is
 * the search's largest page [V P-OAS]. Sales orders in these statuses are work for the warehouse.
 */
const defaults = { pageSize: 200, rateLimitPerSecond: 60, orderStatuses: 'UNFINISHED,NOT_SENT,APPROVED,STARTED', deliveryReportAction: 'send' };

const text = z.string().trim().min(1, 'is required');
const schemas = {
  clientId: text,
  clientSecret: text,
  apiKey: text,
  pageSize: z.coerce.number().int().min(1).max(200),
  rateLimitPerSecond: z.coerce.number().min(0),
  // Stored settings are this schema's output and pass through it again, so a list is accepted too.
  orderStatuses: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((s) => s.trim() !== '') : value),
    z.array(z.string().trim().toUpperCase().pipe(z.enum(invoiceStatuses, { error: 'must be Procountor invoice statuses such as UNFINISHED' }))).min(1, 'must name at least one status'),
  ),
  deliveryReportAction: deliveryReportActionSchema,
};

const settings: SettingDefinition[] = [
  { key: 'clientId', label: 'Client id', doc: "the wmsync application's client id at Procountor (not secret, kept with the credentials)", schema: schemas.clientId, required: true },
  { key: 'clientSecret', label: 'Client secret', doc: "the wmsync application's client secret at Procountor", schema: schemas.clientSecret, secret: true, required: true },
  {
    key: 'apiKey',
    label: 'API key',
    doc: 'an API key from Procountor\'s "API client keys": when set, the unattended API-key flow is used instead of the authorisation by login',
    schema: schemas.apiKey,
    secret: true,
  },
  {
    key: 'orderStatuses',
    label: 'Sales order statuses',
    doc: 'comma list of the sales order statuses imported as orders (invalidated ones are always read, to cancel)',
    schema: schemas.orderStatuses,
    default: defaults.orderStatuses,
  },
  ...deliverySettings,
  { key: 'pageSize', label: 'Page size', doc: 'records per search request (at most 200)', schema: schemas.pageSize, default: defaults.pageSize },
  {
    key: 'rateLimitPerSecond',
    label: 'Calls per second',
    doc: 'API calls per second for this client, shared by every worker (0: no limit)',
    schema: schemas.rateLimitPerSecond,
    default: defaults.rateLimitPerSecond,
  },
];

const secretKeys = new Set(settings.filter((d) => d.secret === true).map((d) => d.key));

/** What the api needs; `prefault` gives the defaults to callers that pass raw settings (tests, scripts). */
const apiSettingsSchema = z.object({
  baseUrl: z.string().min(1, 'is required'),
  clientId: schemas.clientId,
  clientSecret: schemas.clientSecret,
  apiKey: schemas.apiKey.optional(),
  orderStatuses: schemas.orderStatuses.prefault(defaults.orderStatuses),
  deliveryReportAction: schemas.deliveryReportAction.prefault(defaults.deliveryReportAction),
  pageSize: schemas.pageSize.prefault(defaults.pageSize),
  rateLimitPerSecond: schemas.rateLimitPerSecond.prefault(defaults.rateLimitPerSecond),
});

function parseSettings(values: Record<string, unknown>) {
  const parsed = apiSettingsSchema.safeParse(values);
  if (parsed.success) return parsed.data;
  // Secrets never reach the message, even when they are what is wrong.
  const issues = toFieldIssues('Procountor settings', values, parsed.error.issues).map(({ value, ...issue }) =>
    secretKeys.has(issue.field) || value === undefined ? issue : { ...issue, value },
  );
  throw configError('the Procountor settings are not valid', issues);
}

const required = (settings: Record<string, unknown>, key: 'clientId' | 'clientSecret'): string => {
  const value = settings[key];
  if (typeof value !== 'string' || value.trim() === '') throw configError(`Procountor needs the setting ${key} for the authorisation`);
  return value.trim();
};

/** The api of one integration; tests pass their own fetch (an in-process sandbox) and retry timing. */
export function createProcountorApi(context: ApiContext, transport: { fetch?: typeof fetch; retry?: Partial<RetryPolicy> } = {}): ProcountorApi {
  const s = parseSettings(context.settings);
  const auth = createSessionAuth({
    baseUrl: s.baseUrl,
    clientId: s.clientId,
    clientSecret: s.clientSecret,
    apiKey: s.apiKey,
    tokens: storedTokens(context.settings),
    redirectUri: context.redirectUri,
    environment: context.settings.environment,
    saveTokens: (tokens) => context.saveTokens(tokens),
    fetch: transport.fetch ?? context.fetch,
  });
  // A second's worth of calls may go at once; 0 switches the limit off.
  const limits = { perSecond: s.rateLimitPerSecond, burst: Math.max(1, Math.ceil(s.rateLimitPerSecond)) };
  return createProcountorClient({
    baseUrl: s.baseUrl,
    auth,
    settings: { pageSize: s.pageSize, orderStatuses: s.orderStatuses, deliveryReportAction: s.deliveryReportAction },
    limiter: context.limiters.get(context.credentialKey, limits),
    logger: context.logger,
    ...transport,
    fetch: transport.fetch ?? context.fetch,
  });
}

export const procountor = defineConnector<ProcountorApi>({
  id: 'procountor',
  displayName: 'Procountor',
  auth: 'oauth2',
  // Versioned roots (…/latest/api, …/supported/api, …/v2402/api) work by setting baseUrl [V P-DEV-rel].
  baseUrls: { production: 'https://api.procountor.com/api', test: 'https://pts-api.procountor.com/api' },
  settings,
  defaultIntervalMinutes: 15,
  flows: [articleImport, orderImport, purchaseOrderImport, deliveryReport],
  createApi: (context) => createProcountorApi(context),
  oauth: {
    endpoints: (values) => oauthEndpoints(String(values.baseUrl)),
    clientId: (values) => required(values, 'clientId'),
    clientSecret: (values) => required(values, 'clientSecret'),
  },
  sandbox: {
    credentials: { clientId: defaultClient.clientId, clientSecret: defaultClient.clientSecret },
    apiRoot: '/api',
    create: ({ seed }) => createProcountorSandbox({ seed: seed ?? 1, products: 200, invoices: 400 }),
  },
  testConnection: (api, signal) => api.ping(signal),
});
