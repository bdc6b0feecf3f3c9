import { z } from 'zod';
import { defineConnector } from '../../src/connectors/sdk/connector.js';
import type { ApiContext, SettingDefinition } from '../../src/connectors/sdk/connector.js';
import { toFieldIssues } from '../../src/domain/index.js';
import { configError } from '../../src/kernel/errors.js';
import { createMycashflowClient } from './client.js';
import type { MycashflowApi } from './client.js';
import { articleImport } from './flows/article-import.js';
import { deliveryReport, deliverySettings } from './flows/delivery-report.js';
import { orderImport } from './flows/order-import.js';
import { stockExport } from './flows/stock-export.js';
import { createMycashflowSandbox, defaultCredentials } from './sandbox/server.js';

const orderStatuses = ['open', 'completed', 'cancelled'] as const;

/** Page size 250 and 2 calls a second with bursts of 40 are guesses [G]: no published figure was found. */
const defaults = { pageSize: 250, rateLimitPerSecond: 2, rateLimitBurst: 40, orderStatuses: 'open,cancelled' };

const schemas = {
  storeName: z.string().trim().regex(/^[a-z0-9-]+$/i, 'must be the store name, as in https://<store>.mycashflow.fi'),
  username: z.email({ error: "must be the API user's e-mail address" }),
  apiKey: z.string().trim().min(1, 'is required'),
  pageSize: z.coerce.number().int().min(1).max(250),
  rateLimitPerSecond: z.coerce.number().min(0),
  rateLimitBurst: z.coerce.number().int().min(1),
  // Stored settings are this schema's output and pass through it again, so a list is accepted too.
  orderStatuses: z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').filter((s) => s.trim() !== '') : value),
    z
      .array(z.string().trim().toLowerCase().pipe(z.enum(orderStatuses, { error: `must be one of ${orderStatuses.join(', ')}` })))
      .min(1, 'must name at least one status'),
  ),
};

const settings: SettingDefinition[] = [
  {
    key: 'storeName',
    label: 'Store name',
    doc: "the shop's name in its address https://<store>.mycashflow.fi",
    schema: schemas.storeName,
    required: true,
  },
  { key: 'username', label: 'API user', doc: "the API user's e-mail address", schema: schemas.username, secret: true, required: true },
  {
    key: 'apiKey',
    label: 'API key',
    doc: "the API user's key, shown once when the user is created",
    schema: schemas.apiKey,
    secret: true,
    required: true,
  },
  ...deliverySettings,
  { key: 'pageSize', label: 'Page size', doc: 'records per list request (at most 250)', schema: schemas.pageSize, default: defaults.pageSize },
  {
    key: 'rateLimitPerSecond',
    label: 'Calls per second',
    doc: 'API calls per second for this credential, shared by every worker (0: no limit)',
    schema: schemas.rateLimitPerSecond,
    default: defaults.rateLimitPerSecond,
  },
  {
    key: 'rateLimitBurst',
    label: 'Burst',
    doc: 'calls that may go at once before the per-second limit applies',
    schema: schemas.rateLimitBurst,
    default: defaults.rateLimitBurst,
  },
  {
    key: 'orderStatuses',
    label: 'Order statuses',
    doc: 'comma list of the order statuses to import (open, completed, cancelled)',
    schema: schemas.orderStatuses,
    default: defaults.orderStatuses,
  },
];

const secretKeys = new Set(settings.filter((d) => d.secret === true).map((d) => d.key));

/** What the api needs; `prefault` gives the defaults to callers that pass raw settings (tests, scripts). */
const apiSettingsSchema = z.object({
  baseUrl: z.string().min(1, 'is required'),
  username: schemas.username,
  apiKey: schemas.apiKey,
  pageSize: schemas.pageSize.prefault(defaults.pageSize),
  rateLimitPerSecond: schemas.rateLimitPerSecond.prefault(defaults.rateLimitPerSecond),
  rateLimitBurst: schemas.rateLimitBurst.prefault(defaults.rateLimitBurst),
  orderStatuses: schemas.orderStatuses.prefault(defaults.orderStatuses),
});

function createApi(context: ApiContext): MycashflowApi {
  const parsed = apiSettingsSchema.safeParse(context.settings);
  if (!parsed.success) {
    // Secrets never reach the message, even when they are what is wrong.
    const issues = toFieldIssues('MyCashflow settings', context.settings, parsed.error.issues).map(({ value, ...issue }) =>
      secretKeys.has(issue.field) || value === undefined ? issue : { ...issue, value },
    );
    throw configError('the MyCashflow settings are not valid', issues);
  }
  const s = parsed.data;
  return createMycashflowClient({
    baseUrl: s.baseUrl,
    username: s.username,
    apiKey: s.apiKey,
    settings: { pageSize: s.pageSize, orderStatuses: s.orderStatuses },
    limiter: context.limiters.get(context.credentialKey, { perSecond: s.rateLimitPerSecond, burst: s.rateLimitBurst }),
    logger: context.logger,
    fetch: context.fetch,
  });
}

export const mycashflow = defineConnector<MycashflowApi>({
  id: 'mycashflow',
  displayName: 'MyCashflow',
  auth: 'basic',
  // Only the shop's own *.mycashflow.fi address serves the API; custom domains do not [V S30].
  baseUrls: { production: 'https://{storeName}.mycashflow.fi/api/v1' },
  settings,
  defaultIntervalMinutes: 15,
  flows: [articleImport, orderImport, stockExport, deliveryReport],
  createApi,
  sandbox: {
    credentials: { username: defaultCredentials.email, apiKey: defaultCredentials.apiKey },
    apiRoot: '/api/v1',
    create: ({ seed }) => createMycashflowSandbox({ seed, products: 200, orders: 300 }),
  },
  testConnection: (api, signal) => api.ping(signal),
});
