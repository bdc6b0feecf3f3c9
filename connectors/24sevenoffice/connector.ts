import { defineConnector } from '../../src/connectors/sdk/index.js';
import { createTwentyFourSevenClient } from './client.js';
import type { TwentyFourSevenApi } from './client.js';
import { articleImport } from './flows/article-import.js';
import { deliveryReport } from './flows/delivery-report.js';
import { orderImport } from './flows/order-import.js';
import { stockExport } from './flows/stock-export.js';
import { supplierImport } from './flows/supplier-import.js';
import { createTwentyFourSevenSandbox, sandboxCredential } from './sandbox/server.js';
import { twentyFourSevenSettings } from './settings.js';

export const twentyFourSevenOffice = defineConnector<TwentyFourSevenApi, typeof twentyFourSevenSettings>({
  id: '24sevenoffice',
  displayName: '24SevenOffice',
  auth: 'session',
  // The host root: each service has its own path on it (notes B1).
  baseUrls: { production: 'https://api.24sevenoffice.com' },
  settings: twentyFourSevenSettings,
  // The seed: "Every 15 minutes".
  defaultIntervalMinutes: 15,
  flows: [articleImport, orderImport, supplierImport, stockExport, deliveryReport],
  createApi: createTwentyFourSevenClient,
  // The limit is counted per API user [U: per user or per application; the notes say per credential].
  credential: (settings) => settings.username,
  sandbox: {
    credentials: sandboxCredential,
    apiRoot: '',
    create: ({ seed }) => createTwentyFourSevenSandbox({ seed: seed ?? 1 }),
  },
  testConnection: (api, signal) => api.ping(signal),
});
