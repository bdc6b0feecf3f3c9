import { flag, rateLimitBurst, rateLimitPerSecond, requiredText, secret, setting } from '../../src/connectors/sdk/index.js';
import type { SettingsOf, SettingSpecs } from '../../src/connectors/sdk/index.js';
import { z } from 'zod';
import { companyTypes, orderStates } from './api.js';
import type { OrderState } from './api.js';
import { guesses } from './guesses.js';
import { membersOf, services } from './services.js';

const guid = z.string().trim().regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i, 'must be a GUID such as 1b0c3c9e-8f4e-4d8a-9d55-0a4c2b7e6f10');

/** An OrderSlipStateType by its WSDL name in any case; "Sent", as the seed and the UI say it, is `OrderState_Sent`. */
const orderState = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const word = value.trim().toLowerCase();
  return orderStates.find((s) => s.toLowerCase() === word || s.toLowerCase() === `orderstate_${word}`) ?? value;
}, z.enum(orderStates, { error: `must be a 24SevenOffice order status (${orderStates.join(', ')})` })) as z.ZodType<OrderState>;

/** A comma list, possibly empty, of names from `allowed` (WSDL members), kept as the WSDL spells them. */
const memberList = (allowed: readonly string[], what: string) =>
  z.preprocess(
    (value) => (typeof value === 'string' ? value.split(',').map((s) => s.trim()).filter(Boolean) : value),
    z.array(z.string().transform((name, ctx) => {
      const found = allowed.find((a) => a.toLowerCase() === name.toLowerCase());
      if (!found) ctx.addIssue({ code: 'custom', message: `${name} is not a member of ${what} (members: ${allowed.join(', ')})` });
      return found ?? name;
    })),
  );

const reportMoments = ['sent'] as const;

/**
 * Every setting of a 24SevenOffice integration: the credential of the SOAP login (notes B2) and
 * the seed's "Default settings and considerations", each with the seed's default. The interval
 * (every 15 minutes) is the connector's defaultIntervalMinutes. 7,200 requests an hour is the
 * published limit [V B3]: 2 a second, with a small burst.
 */
export const twentyFourSevenSettings = {
  username: secret(z.email({ error: "must be the API user's e-mail address" }), { label: 'User name', doc: "the API user's e-mail address (24SevenOffice's community user)", required: true }),
  password: secret(requiredText, { label: 'Password', doc: "the API user's password", required: true }),
  applicationId: secret(guid, { label: 'Application id', doc: "the integration's application id (a GUID) from 24SevenOffice", required: true }),
  identityId: setting(guid, { label: 'Identity id', doc: 'the identity (client) to sign in to, a GUID; empty: the user\'s default identity' }),
  variations: setting(flag, {
    label: 'Variations of articles',
    doc: 'whether the ERP holds variations of one article (colours, sizes, packagings); 24SevenOffice\'s SOAP products have none, so only "no" can be served',
    default: false,
  }),
  orderStatus: setting(orderState, { label: 'Order status to import', doc: 'the 24SevenOffice status a sales order must have to be pulled to the WMS', default: 'Confirmed' }),
  notifyFulfilledOrders: setting(flag, { label: 'Report fulfilled orders', doc: 'whether fulfilled orders are reported back to 24SevenOffice', default: true }),
  reportOn: setting(z.enum(reportMoments, { error: 'must be "sent": the WMS reports an order once, when it is shipped' }), {
    label: 'Report when',
    doc: 'when an order is reported: sent = when the Sent button is pressed in the WMS (or the order goes straight to Collected)',
    default: 'sent',
  }),
  sentStatus: setting(orderState, { label: 'Status of fulfilled orders', doc: 'the 24SevenOffice status a fulfilled order is set to; Sent is OrderState_Sent', default: 'OrderState_Sent' }),
  updateStatusOnImport: setting(flag, { label: 'Update status on import', doc: 'whether the order\'s status in 24SevenOffice is changed once it is imported to the WMS', default: false }),
  importedStatus: setting(orderState, { label: 'Status on import', doc: 'the status an imported order is set to when "update status on import" is on (a guess: the seed names none)', default: guesses.importedOrderStatus }),
  extraOrderFields: setting(memberList(membersOf(services.invoices.schema, 'InvoiceOrder'), 'InvoiceOrder'), {
    label: 'Extra order fields',
    doc: 'InvoiceOrder members to fetch besides the mapped ones, for mapping overrides (e.g. Currency for customs)',
    default: '',
  }),
  extraRowFields: setting(memberList(membersOf(services.invoices.schema, 'InvoiceRow'), 'InvoiceRow'), {
    label: 'Extra order row fields',
    doc: 'InvoiceRow members to fetch besides the mapped ones, for mapping overrides (e.g. Price, DiscountRate for customs values)',
    default: '',
  }),
  extraProductFields: setting(memberList(membersOf(services.products.schema, 'Product'), 'Product'), {
    label: 'Extra product fields',
    doc: 'Product members to fetch besides the mapped ones, for mapping overrides (e.g. Price, InPrice)',
    default: '',
  }),
  supplierCompanyTypes: setting(memberList(companyTypes, 'CompanyType'), {
    label: 'Supplier company types',
    doc: 'which companies the supplier import takes, by company type (None, Lead, Consumer, Business, Supplier)',
    default: guesses.supplierCompanyTypes,
  }),
  rateLimitPerSecond: rateLimitPerSecond(2),
  rateLimitBurst: rateLimitBurst(5),
} satisfies SettingSpecs;

export type TwentyFourSevenSettings = SettingsOf<typeof twentyFourSevenSettings>;
