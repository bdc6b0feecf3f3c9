import { flag, pageSize, rateLimitBurst, rateLimitPerSecond, requiredText, secret, setting } from '../../src/connectors/sdk/index.js';
import type { SettingsOf, SettingSpecs } from '../../src/connectors/sdk/index.js';
import { z } from 'zod';

export const deliveryCalls = ['status-history', 'complete', 'patch-order'] as const;
export type DeliveryCall = (typeof deliveryCalls)[number];

/** A comma list of free names (shop-defined status names): compared case-insensitively later. */
const nameList = z.preprocess(
  (value) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter((s) => s !== '') : value),
  z.array(z.string().trim().min(1)),
);

/**
 * Every setting of a mystore.no integration. 120 calls a minute per token is verified [V S20,
 * S21]: 2 a second, with a burst well below a minute's worth so that two workers cannot spend it
 * at once. Status names are shop-defined [I §2.6], so they are settings, looked up by name.
 */
export const mystoreSettings = {
  shop: setting(z.string().trim().regex(/^[a-z0-9-]+$/i, 'must be the shop name, as in https://api.mystore.no/shops/<shop>'), {
    label: 'Shop',
    doc: "the shop's name in its API address https://api.mystore.no/shops/<shop>",
    required: true,
  }),
  accessToken: secret(requiredText, {
    label: 'Personal access token',
    doc: 'a personal access token made at https://auth.mystore.no (for unattended set-ups); without it the integration is authorised by OAuth',
  }),
  clientId: setting(requiredText, { label: 'OAuth client id', doc: "the wmsync application's client id at mystore.no (for the OAuth authorisation)" }),
  clientSecret: secret(requiredText, { label: 'OAuth client secret', doc: "the wmsync application's client secret at mystore.no (for the OAuth authorisation)" }),
  language: setting(z.string().trim().toLowerCase().min(2), {
    label: 'Language',
    doc: 'the language key of product names to import (names are objects per language, e.g. {"no": …}); another language is taken when it is missing',
    default: 'no',
  }),
  weightUnit: setting(z.enum(['g', 'kg', 'lb', 'oz'], { error: 'must be g, kg, lb or oz' }), {
    label: 'Weight unit',
    doc: "the unit of the shop's product weights, converted to kg (unverified [G]: grams assumed)",
    default: 'g',
  }),
  cancelledStatus: setting(nameList, {
    label: 'Cancelled status names',
    doc: 'comma list of the order status names that cancel the WMS order (any language)',
    default: 'Kansellert',
  }),
  handledStatuses: setting(nameList, {
    label: 'Handled status names',
    doc: 'comma list of the order status names of orders already handled: they are not imported',
    default: 'Levert',
  }),
  deliveredStatus: setting(requiredText, { label: 'Delivered status name', doc: 'the order status name set when the WMS ships the order', default: 'Levert' }),
  // Why status-history is the default: docs/adr/0018-mystore-delivery-report-and-webhooks.md.
  deliveryCall: setting(z.string().trim().toLowerCase().pipe(z.enum(deliveryCalls, { error: `must be one of ${deliveryCalls.join(', ')}` })), {
    label: 'Delivery call',
    doc: 'how an order is marked delivered: status-history (POST order-status-history with the status and the tracking number), complete (PATCH orders/{id}/complete), patch-order (PATCH orders/{id} status and tracking_number)',
    default: 'status-history',
  }),
  notifyCustomer: setting(flag, { label: 'Notify the customer', doc: 'whether mystore.no mails the customer the delivered status (customer_notified)', default: true }),
  webhooks: setting(flag, { label: 'Webhooks', doc: 'whether the hub subscribes to order webhooks (orders are then imported at once; the poll stays as a backstop)', default: true }),
  webhookUrl: setting(z.url({ error: 'must be an address such as https://hub.example/webhooks/mystore/12' }), {
    label: 'Webhook address',
    doc: "this integration's webhook address on the hub, https://<hub>/webhooks/mystore/<integration id>: the order import subscribes it",
  }),
  webhookSecret: secret(requiredText, {
    label: 'Webhook secret',
    doc: 'the key mystore.no signs webhooks with (HMAC-SHA256); given to mystore.no when subscribing. Without it the client secret is tried [G]',
  }),
  oauthScopes: setting(z.string().trim().min(1), {
    label: 'OAuth permissions',
    doc: 'the space-separated scopes asked for on the consent page: every one is needed (names beyond read:products are a guess by pattern [G])',
    default: 'read:products write:products read:orders write:orders read:webhooks write:webhooks',
  }),
  sparseFieldsets: setting(flag, {
    label: 'Sparse fieldsets',
    doc: 'whether product lists ask only for the fields the mapping reads (fields[products]=…); mystore.no answers 400 for an unknown field, so switch it off if the shop lacks one',
    default: true,
  }),
  pageSize: pageSize(100, 50),
  rateLimitPerSecond: rateLimitPerSecond(2),
  rateLimitBurst: rateLimitBurst(10),
} satisfies SettingSpecs;

export type MystoreSettings = SettingsOf<typeof mystoreSettings>;
