import { configError, defineConnector, storedTokens } from '../../src/connectors/sdk/index.js';
import type { ConnectorContext } from '../../src/connectors/sdk/index.js';
import { createSessionAuth, oauthEndpoints } from './auth.js';
import { createProcountorClient } from './client.js';
import type { ProcountorApi } from './client.js';
import { articleImport } from './flows/article-import.js';
import { deliveryReport } from './flows/delivery-report.js';
import { orderImport } from './flows/order-import.js';
import { purchaseOrderImport } from './flows/purchase-order-import.js';
import { createProcountorSandbox, defaultClient } from './sandbox/server.js';
import { procountorSettings } from './settings.js';
import type { ProcountorSettings } from './settings.js';

/** The authorisation by login needs the client's credentials before any api exists. */
const required = (settings: Record<string, unknown>, key: 'clientId' | 'clientSecret'): string => {
  const value = settings[key];
  if (typeof value !== 'string' || value.trim() === '') throw configError(`Procountor needs the setting ${key} for the authorisation`);
  return value.trim();
};

function createProcountorApi(settings: ProcountorSettings, context: ConnectorContext): ProcountorApi {
  const auth = createSessionAuth({
    baseUrl: settings.baseUrl,
    clientId: settings.clientId,
    clientSecret: settings.clientSecret,
    apiKey: settings.apiKey,
    tokens: storedTokens(context.settings),
    redirectUri: context.redirectUri,
    environment: settings.environment,
    saveTokens: (tokens) => context.saveTokens(tokens),
    fetch: context.transport.fetch,
  });
  return createProcountorClient(settings, auth, context);
}

export const procountor = defineConnector<ProcountorApi, typeof procountorSettings>({
  id: 'procountor',
  displayName: 'Procountor',
  auth: 'oauth2',
  // Versioned roots (…/latest/api, …/supported/api, …/v2402/api) work by setting baseUrl [V P-DEV-rel].
  baseUrls: { production: 'https://api.procountor.com/api', test: 'https://pts-api.procountor.com/api' },
  settings: procountorSettings,
  defaultIntervalMinutes: 15,
  flows: [articleImport, orderImport, purchaseOrderImport, deliveryReport],
  createApi: createProcountorApi,
  credential: (settings) => settings.clientId,
  oauth: {
    endpoints: (settings) => oauthEndpoints(String(settings.baseUrl)),
    clientId: (settings) => required(settings, 'clientId'),
    clientSecret: (settings) => required(settings, 'clientSecret'),
  },
  sandbox: {
    credentials: { clientId: defaultClient.clientId, clientSecret: defaultClient.clientSecret },
    apiRoot: '/api',
    create: ({ seed }) => createProcountorSandbox({ seed: seed ?? 1, products: 200, invoices: 400 }),
  },
  testConnection: (api, signal) => api.ping(signal),
});
