import { defineConnector } from '../../src/connectors/sdk/index.js';
import { createSpecterApi } from './api.js';
import type { SpecterApi } from './api.js';
import { articleImport } from './flows/article-import.js';
import { deliveryReport } from './flows/delivery-report.js';
import { orderImport } from './flows/order-import.js';
import { purchaseOrderImport } from './flows/purchase-order-import.js';
import { receiptReport } from './flows/receipt-report.js';
import { stockExport } from './flows/stock-export.js';
import { createSpecterSandbox, sandboxCredentials } from './sandbox/server.js';
import { specterSettings } from './settings.js';

export const specter = defineConnector<SpecterApi, typeof specterSettings>({
  id: 'specter',
  displayName: 'Specter',
  auth: 'signed',
  baseUrls: { production: 'https://api.specter.se/' },
  settings: specterSettings,
  // Ongoing's integration polls every 15 minutes [V S12].
  defaultIntervalMinutes: 15,
  // Orders first: the flow a first look at an integration wants, and the one the contract's fault tests run.
  flows: [orderImport, articleImport, purchaseOrderImport, stockExport, deliveryReport, receiptReport],
  createApi: createSpecterApi,
  credential: (settings) => `${settings.sbmId}/${settings.apiUserId ?? ''}`,
  sandbox: {
    credentials: sandboxCredentials,
    apiRoot: '/',
    create: ({ seed }) => createSpecterSandbox({ seed: seed ?? 1 }),
  },
  testConnection: (api, signal) => api.ping(signal),
});
