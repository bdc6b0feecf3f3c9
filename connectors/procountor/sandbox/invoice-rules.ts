import { invoiceStatuses } from '../api.js';
import type { Invoice, InvoiceStatus, InvoiceType } from '../api.js';
import { ApiError } from './errors.js';

/**
 * What the API lets a client do to an invoice, as data: which statuses a full PUT may overwrite,
 * and the status actions of the notes' A6 table [V P-OAS action descriptions, P-HELP]. Where the
 * spec only names the types, the allowed starting statuses are [G].
 */
export type ActionName = 'approve' | 'send' | 'unfinished' | 'invalidate' | 'reject' | 'verify' | 'sendToCirculation' | 'markpaid' | 'notes';

interface ActionRule {
  types: readonly InvoiceType[];
  /** Statuses the action starts from; undefined: any. */
  from?: (type: InvoiceType) => readonly InvoiceStatus[] | undefined;
  /** The new status; undefined keeps it (notes). */
  to?: (invoice: Invoice) => InvoiceStatus;
}

const purchase = ['PURCHASE_INVOICE', 'PURCHASE_ORDER'] as const;
const editable = ['BILL_OF_CHARGES', ...purchase, 'SALES_INVOICE', 'SALES_ORDER', 'TRAVEL_INVOICE'] as const;
const closed: readonly InvoiceStatus[] = ['INVALIDATED', 'DELETED'];
const except = (excluded: readonly InvoiceStatus[]) => () => invoiceStatuses.filter((s) => !excluded.includes(s));

/**
 * Sending a SALES_ORDER is not in the spec text [U notes A6 caveat], yet the seed says the Ongoing
 * integration sets the order to "sent"; `salesOrdersCanBeSent` (default true) decides [G].
 */
export function actionRules(salesOrdersCanBeSent: boolean): Record<ActionName, ActionRule> {
  return {
    approve: {
      types: ['SALES_INVOICE', ...purchase, 'TRAVEL_INVOICE'],
      from: (type) => (type === 'SALES_INVOICE' ? ['UNFINISHED'] : ['UNFINISHED', 'RECEIVED', 'VERIFIED']),
      to: (i) => (i.type !== 'SALES_INVOICE' ? 'APPROVED' : i.invoiceChannel === 'NO_SENDING' ? 'APPROVED' : 'NOT_SENT'),
    },
    send: {
      types: salesOrdersCanBeSent ? ['SALES_INVOICE', 'SALES_ORDER'] : ['SALES_INVOICE'],
      from: (type) => (type === 'SALES_ORDER' ? ['UNFINISHED', 'NOT_SENT', 'STARTED', 'SENT'] : ['NOT_SENT', 'SENT']),
      to: () => 'SENT',
    },
    unfinished: { types: editable, from: except(['PAID', ...closed]), to: () => 'UNFINISHED' },
    invalidate: { types: editable, from: except(closed), to: () => 'INVALIDATED' },
    reject: { types: [...purchase, 'SALES_INVOICE', 'TRAVEL_INVOICE'], from: () => ['RECEIVED', 'VERIFIED', 'APPROVED', 'NOT_SENT'], to: () => 'PAYMENT_DENIED' },
    verify: { types: [...purchase, 'TRAVEL_INVOICE'], from: () => ['RECEIVED'], to: () => 'VERIFIED' },
    sendToCirculation: { types: [...purchase, 'TRAVEL_INVOICE'], from: () => ['UNFINISHED'], to: () => 'RECEIVED' },
    markpaid: {
      types: ['SALES_INVOICE', 'PURCHASE_INVOICE', 'TRAVEL_INVOICE', 'BILL_OF_CHARGES'],
      from: () => ['NOT_SENT', 'SENT', 'RECEIVED', 'VERIFIED', 'APPROVED', 'PARTLY_PAID'],
      to: () => 'MARKED_PAID',
    },
    notes: { types: editable },
  };
}

/** 403 for a wrong type or status, as the spec says for every action [V P-OAS]. */
export function checkAction(rule: ActionRule, name: ActionName, invoice: Invoice): InvoiceStatus {
  if (!rule.types.includes(invoice.type)) throw new ApiError(403, `Action ${name} is not supported for invoice type ${invoice.type}`);
  const from = rule.from?.(invoice.type);
  if (from && !from.includes(invoice.status)) throw new ApiError(403, `Action ${name} is not allowed in status ${invoice.status}`);
  return rule.to?.(invoice) ?? invoice.status;
}

/**
 * PUT overwrites only UNFINISHED sales documents, and UNFINISHED or RECEIVED purchase and travel
 * ones [V P-OAS]; the refusal is a 403 like the actions' [G: 400 or 403].
 */
export function checkEditable(invoice: Invoice): void {
  const statuses: InvoiceStatus[] = ['PURCHASE_INVOICE', 'PURCHASE_ORDER', 'TRAVEL_INVOICE'].includes(invoice.type) ? ['UNFINISHED', 'RECEIVED'] : ['UNFINISHED'];
  if (!statuses.includes(invoice.status)) throw new ApiError(403, `Invoice ${invoice.id} in status ${invoice.status} cannot be updated`);
}

/** Text limits and required fields of a PUT body, each a 400 naming the field [V P-OAS lengths, notes A8.10]. */
export function checkInvoiceBody(body: Invoice, current: Invoice): void {
  const fail = (field: string, message: string): never => {
    throw new ApiError(400, message, field);
  };
  const limit = (field: string, value: string | null | undefined, max: number) => {
    if (value && value.length > max) fail(field, `Maximum length is ${max}`);
  };
  if (body.type !== current.type) fail('type', 'The type of an invoice cannot be changed');
  if (!body.date) fail('date', 'Required');
  const address = body.counterParty.counterPartyAddress;
  if (!address.name) fail('counterParty.counterPartyAddress.name', 'Required');
  limit('counterParty.counterPartyAddress.name', address.name, 80);
  limit('counterParty.counterPartyAddress.street', address.street, 80);
  limit('counterParty.counterPartyAddress.zip', address.zip, 20);
  limit('counterParty.counterPartyAddress.city', address.city, 40);
  limit('counterParty.counterPartyAddress.subdivision', address.subdivision, 35);
  limit('counterParty.contactPersonName', body.counterParty.contactPersonName, 70);
  limit('orderReference', body.orderReference, 70);
  limit('deliveryInstructions', body.deliveryInstructions, 255);
  limit('originalInvoiceNumber', body.originalInvoiceNumber, 40);
  limit('notes', body.notes, 10_000);
  limit('additionalInformation', body.additionalInformation, 10_000);
  const sales = body.type === 'SALES_INVOICE' || body.type === 'SALES_ORDER';
  if (sales && !body.language) fail('language', 'Required for sales invoices and orders');
  if (sales && body.deliveryMethod === 'OTHER') fail('deliveryMethod', 'OTHER is not allowed for sales types');
  if (body.invoiceChannel === 'EDIFACT' || body.invoiceChannel === 'PAPER_INVOICE') fail('invoiceChannel', `${body.invoiceChannel} cannot be set through the API`);
  if (body.type !== 'PERIODIC_TAX_RETURN' && body.invoiceRows.length === 0) fail('invoiceRows', 'At least one row is required');
  body.invoiceRows.forEach((row, i) => {
    if (!row.product) fail(`invoiceRows[${i}].product`, 'Required');
    limit(`invoiceRows[${i}].comment`, row.comment, 512);
  });
}
