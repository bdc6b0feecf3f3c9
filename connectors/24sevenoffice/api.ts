import { z } from 'zod';

/*
 * 24SevenOffice's records as the SOAP kit reads them off the wire (numbers typed, .NET's unset
 * MinValues left out, lists as arrays). Members follow the WSDL (S-WSDL, notes B4–B6); only what
 * the flows read is checked here, the rest passes through for the mapping and its overrides.
 */

/** OrderSlipStateType, spelled as the WSDL does: "Sent" is `OrderState_Sent` [V S-WSDL]. */
export const orderStates = [
  'None', 'Offer', 'Pack', 'Invoiced', 'Web', 'Repeating', 'CollectingOrder', 'Return', 'Distribution', 'Rest', 'ForInvoicing', 'OvertimeRent',
  'Confirmed', 'OrderState_Sent', 'Production', 'PaymentReminder', 'OnAccount', 'Lending', 'InvoicedCashAccount', 'InvoicedPack', 'Inactive', 'Hours',
  'OrderState_SuperStore', 'Draft',
] as const;
export type OrderState = (typeof orderStates)[number];

/** CompanyType [V S-WSDL]. */
export const companyTypes = ['None', 'Lead', 'Consumer', 'Business', 'Supplier'] as const;
export type CompanyType = (typeof companyTypes)[number];

const id = z.number().int();
const optionalText = z.string().optional();

const address = z.looseObject({ Street: optionalText, State: optionalText, PostalCode: optionalText, PostalArea: optionalText, Name: optionalText, City: optionalText, Country: optionalText });
const addresses = z.looseObject({ Post: address.optional(), Delivery: address.optional(), Visit: address.optional(), Invoice: address.optional() });

/** Product [V S-WSDL; S-DEV-prod]: `Id` is 24SevenOffice's key, `No` the product number shown on order rows. */
export const productSchema = z.looseObject({
  Id: id,
  No: z.string().trim().min(1, 'the product has no number (No), which is the WMS article number'),
  Name: optionalText,
  Description: optionalText,
  EAN1: optionalText,
  Weight: z.number().optional(),
  Stock: z.number().optional(),
  DateChanged: optionalText,
});
export type Product = z.output<typeof productSchema>;

export const invoiceRowSchema = z.looseObject({ ProductId: id.optional(), RowId: id.optional(), Quantity: z.number().optional(), ProductNo: optionalText });
export type InvoiceRow = z.output<typeof invoiceRowSchema>;

/** InvoiceOrder [V S-WSDL]: orders and invoices are the same object. */
export const invoiceOrderSchema = z.looseObject({
  OrderId: id,
  CustomerId: id.optional(),
  CustomerDeliveryPhone: optionalText,
  InvoiceEmailAddress: optionalText,
  OrderStatus: z.enum(orderStates, { error: `must be an OrderSlipStateType (${orderStates.join(', ')})` }),
  DateChanged: optionalText,
  Addresses: addresses.optional(),
  InvoiceRows: z.array(invoiceRowSchema).default([]),
});
export type InvoiceOrder = z.output<typeof invoiceOrderSchema>;

const phone = z.looseObject({ Value: optionalText });
const email = z.looseObject({ Value: optionalText });

/** Company [V S-WSDL; S-DEV-comp]: customers and suppliers alike; `Type` tells them apart. */
export const companySchema = z.looseObject({
  Id: id,
  Name: optionalText,
  Type: z.enum(companyTypes).optional(),
  Addresses: addresses.optional(),
  PhoneNumbers: z.looseObject({ Home: phone.optional(), Fax: phone.optional(), Mobile: phone.optional(), Primary: phone.optional(), Work: phone.optional() }).optional(),
  EmailAddresses: z.looseObject({ Home: email.optional(), Invoice: email.optional(), Primary: email.optional(), Work: email.optional(), Alternative: email.optional() }).optional(),
  DateChanged: optionalText,
});
export type Company = z.output<typeof companySchema>;
