import { commaList, pageSize, rateLimitPerSecond, requiredText, secret, setting } from '../../src/connectors/sdk/index.js';
import type { SettingsOf, SettingSpecs } from '../../src/connectors/sdk/index.js';
import { z } from 'zod';
import { invoiceStatuses } from './api.js';

const deliveryReportActions = ['send', 'none'] as const;
export type DeliveryReportAction = (typeof deliveryReportActions)[number];

/**
 * Every setting of a Procountor integration. 60 calls a second per client is Procountor's
 * published production limit [V P-DEV-req]; 200 is the search's largest page [V P-OAS]. Sales
 * orders in the default statuses are work for the warehouse.
 */
export const procountorSettings = {
  clientId: setting(requiredText, { label: 'Client id', doc: "the wmsync application's client id at Procountor (not secret, kept with the credentials)", required: true }),
  clientSecret: secret(requiredText, { label: 'Client secret', doc: "the wmsync application's client secret at Procountor", required: true }),
  apiKey: secret(requiredText, {
    label: 'API key',
    doc: 'an API key from Procountor\'s "API client keys": when set, the unattended API-key flow is used instead of the authorisation by login',
  }),
  orderStatuses: setting(commaList(invoiceStatuses, { upperCase: true, error: 'must be Procountor invoice statuses such as UNFINISHED' }), {
    label: 'Sales order statuses',
    doc: 'comma list of the sales order statuses imported as orders (invalidated ones are always read, to cancel)',
    default: 'UNFINISHED,NOT_SENT,APPROVED,STARTED',
  }),
  // Why `send` is the default is in docs/adr/0006-procountor-delivery-report.md.
  deliveryReportAction: setting(z.string().trim().toLowerCase().pipe(z.enum(deliveryReportActions, { error: `must be one of ${deliveryReportActions.join(', ')}` })), {
    label: 'On Sent or Collected',
    doc: 'what to do with the Procountor sales order when the WMS order is Sent or Collected: send (PUT /invoices/{id}/send, status "sent") or none',
    default: 'send',
  }),
  pageSize: pageSize(200),
  rateLimitPerSecond: rateLimitPerSecond(60),
} satisfies SettingSpecs;

export type ProcountorSettings = SettingsOf<typeof procountorSettings>;
