import { configError, defineConnector } from '../../src/connectors/sdk/index.js';
import { oauthEndpoints } from './auth.js';
import { createMystoreClient } from './client.js';
import type { MystoreApi } from './client.js';
import { articleImport } from './flows/article-import.js';
import { deliveryReport } from './flows/delivery-report.js';
import { orderImport } from './flows/order-import.js';
import { stockExport } from './flows/stock-export.js';
import { createMystoreSandbox, sandboxCredentials } from './sandbox/server.js';
import { mystoreSettings } from './settings.js';
import { mystoreWebhooks } from './webhooks.js';

/** The authorisation by login needs the client's credentials before any api exists. */
const required = (settings: Record<string, unknown>, key: 'clientId' | 'clientSecret'): string => {
  const value = settings[key];
  if (typeof value !== 'string' || value.trim() === '') throw configError(`mystore.no needs the setting ${key} for the OAuth authorisation (or set the secret accessToken instead)`);
  return value.trim();
};

export const mystore = defineConnector<MystoreApi, typeof mystoreSettings>({
  id: 'mystore',
  displayName: 'mystore.no',
  auth: 'oauth2',
  baseUrls: { production: 'https://api.mystore.no/shops/{shop}' },
  settings: mystoreSettings,
  defaultIntervalMinutes: 15,
  flows: [articleImport, orderImport, stockExport, deliveryReport],
  createApi: createMystoreClient,
  // 120 calls a minute per token [V]: the token (or the shop, for OAuth, whose tokens renew) keys the shared bucket.
  credential: (settings) => settings.shop,
  oauth: {
    endpoints: (settings) => oauthEndpoints(String(settings.baseUrl), String(settings.oauthScopes ?? mystoreSettings.oauthScopes.default)),
    clientId: (settings) => required(settings, 'clientId'),
    clientSecret: (settings) => required(settings, 'clientSecret'),
  },
  webhooks: mystoreWebhooks,
  sandbox: {
    credentials: sandboxCredentials,
    apiRoot: '/shops/sandbox',
    create: ({ seed, send }) => createMystoreSandbox({ ...(seed === undefined ? {} : { seed }), ...(send ? { send } : {}), products: 60, orders: 80 }),
  },
  testConnection: (api, signal) => api.ping(signal),
});
