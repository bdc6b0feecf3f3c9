import { defineConnector } from '../../src/connectors/sdk/index.js';
import { createMycashflowClient } from './client.js';
import type { MycashflowApi } from './client.js';
import { articleImport } from './flows/article-import.js';
import { deliveryReport } from './flows/delivery-report.js';
import { orderImport } from './flows/order-import.js';
import { stockExport } from './flows/stock-export.js';
import { createMycashflowSandbox, defaultCredentials } from './sandbox/server.js';
import { mycashflowSettings } from './settings.js';

export const mycashflow = defineConnector<MycashflowApi, typeof mycashflowSettings>({
  id: 'mycashflow',
  displayName: 'MyCashflow',
  auth: 'basic',
  // Only the shop's own *.mycashflow.fi address serves the API; custom domains do not [V S30].
  baseUrls: { production: 'https://{storeName}.mycashflow.fi/api/v1' },
  settings: mycashflowSettings,
  defaultIntervalMinutes: 15,
  flows: [articleImport, orderImport, stockExport, deliveryReport],
  createApi: createMycashflowClient,
  credential: (settings) => settings.username,
  sandbox: {
    credentials: { username: defaultCredentials.email, apiKey: defaultCredentials.apiKey },
    apiRoot: '/api/v1',
    create: ({ seed }) => createMycashflowSandbox({ seed, products: 200, orders: 300 }),
  },
  testConnection: (api, signal) => api.ping(signal),
});
