import { commaList, flag, rateLimitPerSecond, requiredText, secret, setting } from '../../src/connectors/sdk/index.js';
import type { SettingsOf, SettingSpecs } from '../../src/connectors/sdk/index.js';
import { z } from 'zod';
import { nameKeys } from './operations.js';

/** `key=value,key=value` over the names of operations.ts; a stored object is accepted too. */
const wireNameOverrides = z.preprocess(
  (value) =>
    typeof value === 'string'
      ? Object.fromEntries(value.split(',').filter((pair) => pair.trim() !== '').map((pair) => pair.split('=').map((part) => part.trim())))
      : value,
  z.record(z.string(), z.string().min(1, 'needs a wire name')).superRefine((names, ctx) => {
    const known = new Set(nameKeys());
    for (const key of Object.keys(names)) if (!known.has(key)) ctx.addIssue({ code: 'custom', path: [key], message: 'is not a name this connector uses (see its README)' });
  }),
);

/**
 * Every setting of a Specter integration. The credentials are the seed's (ApiUserId, ApiUserKey,
 * SbmId, StockSiteId, md5key1, md5key2); which of them signs as the inner and the outer secret
 * is a guess [G research §1.1], so it is a setting. Specter publishes no rate limit [G]; Ongoing
 * polls every 15 minutes [V S12].
 */
export const specterSettings = {
  sbmId: secret(requiredText, { label: 'SbmId', doc: "the Specter Business Manager id of the company's account", required: true }),
  apiUserId: secret(z.string().trim(), { label: 'ApiUserId', doc: 'the API user (v2 accounts); sent as apiUserId' }),
  apiUserKey: secret(z.string().trim(), { label: 'ApiUserKey', doc: "the API user's key: the inner signing secret of v2 accounts" }),
  md5key1: secret(z.string().trim(), { label: 'md5key1', doc: 'the inner signing secret of v1 accounts (used when there is no ApiUserKey, or when signingInnerKey says so)' }),
  md5key2: secret(requiredText, { label: 'md5key2', doc: 'the outer signing secret (the IntegrationKey of v2 accounts)', required: true }),
  stockSiteId: setting(requiredText, { label: 'StockSiteId', doc: 'the Specter stock site whose stock the WMS owns: stock is written there', required: true }),
  signingInnerKey: setting(z.enum(['auto', 'apiUserKey', 'md5key1']), {
    label: 'Inner signing secret',
    doc: 'which credential is the inner secret of the key: auto (ApiUserKey when set, else md5key1), apiUserKey or md5key1 [to confirm with Specter]',
    default: 'auto',
  }),
  signingCharset: setting(z.enum(['latin1', 'utf8']), {
    label: 'Signing character set',
    doc: 'how texts are encoded for the key and the form body: latin1, as the public PHP clients send, or utf8 [to confirm with Specter]',
    default: 'latin1',
  }),
  // The report options of the seed ("Options ⇒ …"): off unless the warehouse's customer wants them.
  sendDeliveryEmail: setting(flag, { label: 'Send delivery email', doc: 'whether Specter mails the customer when a delivery is submitted (Sent or Collected)', default: false }),
  createInvoice: setting(flag, { label: 'Create invoice', doc: 'whether Specter invoices the delivered items when a delivery is submitted', default: false }),
  sendPurchaseDeliveryEmail: setting(flag, { label: 'Send purchase delivery email', doc: 'whether Specter sends its delivery email when a purchase delivery is submitted', default: false }),
  // The seed's filters.
  orderDeliveryStatuses: setting(commaList(['N', 'P', 'D'], { upperCase: true, error: 'must be Specter delivery statuses: N (not delivered), P (partly), D (delivered)' }), {
    label: 'Order delivery statuses',
    doc: 'comma list of the delivery statuses of the orders to import (seed default N: not delivered)',
    default: 'N',
  }),
  purchaseWindowMinutes: setting(z.coerce.number().int().min(1), {
    label: 'Purchase window (minutes)',
    doc: 'purchases changed this long before a run are read again, at least (seed default 15); the cursor widens it to cover every run missed',
    default: 15,
  }),
  wireNames: setting(wireNameOverrides, {
    label: 'Wire names',
    doc: 'overrides of the guessed operation and field names, as name=wireName,… (the names are listed in the connector README as "to confirm with Specter")',
    default: '',
  }),
  rateLimitPerSecond: rateLimitPerSecond(5),
} satisfies SettingSpecs;

export type SpecterSettings = SettingsOf<typeof specterSettings>;
