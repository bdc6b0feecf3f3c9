import type { Invoice, InvoiceBasicInfo, Product } from '../api.js';

/**
 * Records as the API sends them. A malformed record (a fault switched on in the kit) carries one
 * broken field, as a bad import might leave it: the connector must skip that record alone.
 */

/** productLocalizations only with includeLocalizations=true [V P-OAS]; a malformed product has price "n/a". */
export function serializeProduct(product: Product, includeLocalizations: boolean, malformed: boolean): unknown {
  const { productLocalizations, ...rest } = product;
  const out: Record<string, unknown> = includeLocalizations ? { ...rest, productLocalizations: productLocalizations ?? [] } : rest;
  if (malformed) out.price = 'n/a';
  return out;
}

/** Even ids lose the counter party's address object, odd ids get a row quantity that is not a number. */
function corrupt(out: Record<string, unknown>, invoice: Invoice, withRows: boolean): void {
  if (invoice.id % 2 === 0) out.counterParty = { ...invoice.counterParty, counterPartyAddress: 'n/a' };
  else if (withRows && invoice.invoiceRows[0]) out.invoiceRows = [{ ...invoice.invoiceRows[0], quantity: 'abc' }, ...invoice.invoiceRows.slice(1)];
}

export function serializeInvoice(invoice: Invoice, malformed: boolean): unknown {
  const out: Record<string, unknown> = { ...invoice };
  if (malformed) corrupt(out, invoice, true);
  return out;
}

/** The search's InvoiceBasicInfo: no rows [V P-OAS]. */
export function serializeBasicInfo(invoice: Invoice, malformed: boolean): unknown {
  const basic: InvoiceBasicInfo = {
    id: invoice.id, partnerId: invoice.partnerId, type: invoice.type, status: invoice.status, invoiceNumber: invoice.invoiceNumber,
    originalInvoiceNumber: invoice.originalInvoiceNumber, invoiceChannel: invoice.invoiceChannel, date: invoice.date,
    dueDate: invoice.dueDate, newDueDate: invoice.newDueDate, created: invoice.created, version: invoice.version,
    invoiceSumInfo: invoice.invoiceSumInfo, creatorId: invoice.creatorId, counterParty: invoice.counterParty, isOffer: invoice.isOffer,
  };
  const out: Record<string, unknown> = basic;
  if (malformed) corrupt(out, invoice, false);
  return out;
}
