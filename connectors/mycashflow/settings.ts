import { commaList, flag, pageSize, rateLimitBurst, rateLimitPerSecond, requiredText, secret, setting } from '../../src/connectors/sdk/index.js';
import type { SettingsOf, SettingSpecs } from '../../src/connectors/sdk/index.js';
import { z } from 'zod';

const orderStatuses = ['open', 'completed', 'cancelled'] as const;

/** Every setting of a MyCashflow integration. Page size 250 and 2 calls a second with bursts of 40 are guesses [G]: no published figure was found. */
export const mycashflowSettings = {
  storeName: setting(z.string().trim().regex(/^[a-z0-9-]+$/i, 'must be the store name, as in https://<store>.mycashflow.fi'), {
    label: 'Store name',
    doc: "the shop's name in its address https://<store>.mycashflow.fi",
    required: true,
  }),
  username: secret(z.email({ error: "must be the API user's e-mail address" }), { label: 'API user', doc: "the API user's e-mail address", required: true }),
  apiKey: secret(requiredText, { label: 'API key', doc: "the API user's key, shown once when the user is created", required: true }),
  // The delivery report's own settings: they become fields of the quick-process call.
  sendDeliveryEmails: setting(flag, {
    label: 'Send delivery e-mails',
    doc: 'whether MyCashflow mails the customer its shipping confirmation when the order is quick-processed',
    default: true,
  }),
  allowOpenCashOnDeliveryPayments: setting(flag, {
    label: 'Allow open cash-on-delivery payments',
    doc: 'whether quick processing may complete an order whose cash-on-delivery payment is still open',
    default: false,
  }),
  pageSize: pageSize(250),
  rateLimitPerSecond: rateLimitPerSecond(2),
  rateLimitBurst: rateLimitBurst(40),
  orderStatuses: setting(commaList(orderStatuses), {
    label: 'Order statuses',
    doc: 'comma list of the order statuses to import (open, completed, cancelled)',
    default: 'open,cancelled',
  }),
} satisfies SettingSpecs;

export type MycashflowSettings = SettingsOf<typeof mycashflowSettings>;
