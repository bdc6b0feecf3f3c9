import { z } from 'zod';

/**
 * Wire format of the Procountor REST API (`https://api.procountor.com/api`, test server
 * `https://pts-api.procountor.com/api`; versioned roots `/latest/api`, `/supported/api`, `/v{YYMM}/api`).
 * Sources are the keys of ../shared/research/procountor-24sevenoffice-api.md, part A:
 *   P-OAS the OpenAPI snapshot in rantalainen/procountor-api-client src/api.ts
 *   P-RC, P-VG, P-OB, P-FP, P-LEG public clients; P-DEV-* dev.procountor.com; P-HELP help articles.
 * [V] verified by a cited source, [G] a guess to confirm against the public test server.
 * Objects are loose: unknown fields pass through, since the API adds fields with each release.
 * Enums that the notes list in full are checked; open ones (country, unit, payment method) are strings.
 */

/** "2017-01-30" [V P-DEV-req]. */
const date = z.string();
/** "2017-01-30T15:20:00", no zone [V P-DEV-req]; the sandbox adds milliseconds [G]. */
const datetime = z.string();

export const productTypes = ['SALES', 'PURCHASE', 'TRAVEL'] as const;
export type ProductType = (typeof productTypes)[number];

/** [V P-OAS InvoiceSearch `types`]. */
export const invoiceTypes = [
  'SALES_INVOICE', 'SALES_ORDER', 'PURCHASE_INVOICE', 'PURCHASE_ORDER', 'TRAVEL_INVOICE', 'BILL_OF_CHARGES', 'PERIODIC_TAX_RETURN',
] as const;
export type InvoiceType = (typeof invoiceTypes)[number];

/** [V P-OAS Invoice.status]. */
export const invoiceStatuses = [
  'EMPTY', 'UNFINISHED', 'NOT_SENT', 'SENT', 'RECEIVED', 'PAID', 'PAYMENT_DENIED', 'VERIFIED', 'APPROVED', 'INVALIDATED',
  'PAYMENT_QUEUED', 'PARTLY_PAID', 'PAYMENT_SENT_TO_BANK', 'MARKED_PAID', 'STARTED', 'INVOICED', 'OVERRIDDEN', 'DELETED',
  'UNSAVED', 'PAYMENT_TRANSACTION_REMOVED',
] as const;
export type InvoiceStatus = (typeof invoiceStatuses)[number];

/** [V P-OAS Invoice.language]. */
export const languages = ['DANISH', 'ENGLISH', 'ESTONIAN', 'FINNISH', 'NORWEGIAN', 'SWEDISH'] as const;
export type Language = (typeof languages)[number];

/** [V P-OAS Invoice.deliveryMethod]; sales types cannot use OTHER. */
export const deliveryMethods = ['MAILING', 'ONLINE', 'COURIER', 'VRCARGO', 'BUS', 'FREIGHT', 'RETRIEVABLE', 'OTHER'] as const;
export type DeliveryMethod = (typeof deliveryMethods)[number];

/** [V P-OAS Invoice.invoiceChannel]; POST/PUT cannot use EDIFACT or PAPER_INVOICE. */
export const invoiceChannels = ['EMAIL', 'MAIL', 'ELECTRONIC_INVOICE', 'EDIFACT', 'PAPER_INVOICE', 'NO_SENDING'] as const;
export type InvoiceChannel = (typeof invoiceChannels)[number];

/** Keyset and page meta of every search result [V P-OAS ProductSearchResult.meta, InvoiceSearchResult.meta]. */
export const searchMetaSchema = z.looseObject({
  pageNumber: z.number().int(),
  pageSize: z.number().int(),
  resultCount: z.number().int(),
  totalCount: z.number().int(),
});
export type SearchMeta = z.infer<typeof searchMetaSchema>;

/** `{results, meta}` [V P-OAS]. Results stay unknown so that one bad record can be skipped on its own. */
export const searchResultSchema = z.looseObject({ results: z.array(z.unknown()), meta: searchMetaSchema });

/** [V P-OAS Product.productLocalizations]. */
export const productLocalizationSchema = z.looseObject({ language: z.string(), productName: z.string().nullish() });

/** A product of the register [V P-OAS Product]. There is no stock quantity field. */
export const productSchema = z.looseObject({
  id: z.number().int(),
  type: z.enum(productTypes),
  name: z.string(),
  /** ≤40; the seed's article number. */
  code: z.string().nullish(),
  /** Unit enum name, e.g. PIECE, KILOGRAM (about 120 values) [V P-OAS]. */
  unit: z.string().nullish(),
  /** Percent 0–100. */
  discount: z.number().nullish(),
  price: z.number().nullish(),
  /** VAT percent. */
  vat: z.number().nullish(),
  active: z.boolean().nullish(),
  defaultAccount: z.string().nullish(),
  vatStatus: z.number().int().nullish(),
  /** ISO 4217, e.g. "EUR". */
  currency: z.string().nullish(),
  productLocalizations: z.array(productLocalizationSchema).nullish(),
  productGroupId: z.number().int().nullish(),
  /** TRAVEL products only. */
  startDate: date.nullish(),
  endDate: date.nullish(),
  bookkeepingAccount: z.string().nullish(),
  /** Last-modified time; changes on every update [V P-OAS]. */
  version: datetime,
});
export type Product = z.infer<typeof productSchema>;

/**
 * `GET /products` answers `{results, meta}`; older API versions answered `{products: [...]}`
 * [V P-HELP, P-VG tests]. Both become `{results, meta}`; meta is null for the old shape.
 */
export const productSearchResponseSchema = z.union([
  searchResultSchema.transform(({ results, meta }) => ({ results, meta: meta as SearchMeta | null })),
  z.looseObject({ products: z.array(z.unknown()) }).transform(({ products }) => ({ results: products, meta: null as SearchMeta | null })),
]);

/** `GET /products/{id,id,…}` and `/invoices/{id,id,…}`: one object for one id, a list for several [V P-DEV-ref]. */
export const batchResponseSchema = z.union([z.array(z.unknown()), z.looseObject({ id: z.number() })]).transform((v) => (Array.isArray(v) ? v : [v]));

/** billingAddress, deliveryAddress and counterParty.counterPartyAddress [V P-OAS Address]. */
export const addressSchema = z.looseObject({
  /** Required on counterPartyAddress, ≤80. */
  name: z.string().nullish(),
  specifier: z.string().nullish(),
  street: z.string().nullish(),
  zip: z.string().nullish(),
  city: z.string().nullish(),
  /** English-name enum such as FINLAND, SWEDEN, ALAND_ISLANDS: not ISO alpha-2 [V P-OAS]. */
  country: z.string().nullish(),
  subdivision: z.string().nullish(),
});
export type Address = z.infer<typeof addressSchema>;

/** [V P-OAS CounterParty]. There is no phone field. */
export const counterPartySchema = z.looseObject({
  contactPersonName: z.string().nullish(),
  /** Business id, e.g. "1234567-8". */
  identifier: z.string().nullish(),
  taxCode: z.string().nullish(),
  /** The seed's supplier number on purchase orders. */
  customerNumber: z.string().nullish(),
  /** Sales types and PURCHASE_ORDER. */
  email: z.string().nullish(),
  bccAddresses: z.array(z.string()).nullish(),
  counterPartyAddress: addressSchema,
  bankAccount: z.looseObject({ accountNumber: z.string().nullish(), bic: z.string().nullish() }).nullish(),
  einvoiceAddress: z.looseObject({ operator: z.string().nullish(), address: z.string().nullish(), ediId: z.string().nullish() }).nullish(),
});
export type CounterParty = z.infer<typeof counterPartySchema>;

/** [V P-OAS PaymentInfo]. paymentMethod values besides BANK_TRANSFER are [G]. */
export const paymentInfoSchema = z.looseObject({
  paymentMethod: z.string(),
  currency: z.string().nullish(),
  bankAccount: z.looseObject({ accountNumber: z.string().nullish(), bic: z.string().nullish() }).nullish(),
  dueDate: date.nullish(),
  newDueDate: date.nullish(),
  currencyRate: z.number().nullish(),
  paymentTermPercentage: z.number().nullish(),
  cashDiscount: z.looseObject({}).nullish(),
  bankReferenceCode: z.string().nullish(),
  bankReferenceCodeType: z.string().nullish(),
  clearingCode: z.string().nullish(),
});
export type PaymentInfo = z.infer<typeof paymentInfoSchema>;

/** One row [V P-OAS InvoiceRow]. A row keeps the product's name and code as they were when it was added. */
export const invoiceRowSchema = z.looseObject({
  id: z.number().int().nullish(),
  productId: z.number().int().nullish(),
  /** The product's name, required. */
  product: z.string(),
  productCode: z.string().nullish(),
  quantity: z.number(),
  unit: z.string().nullish(),
  unitPrice: z.number().nullish(),
  discountPercent: z.number().nullish(),
  vatPercent: z.number().nullish(),
  vatStatus: z.number().int().nullish(),
  /** ≤512. */
  comment: z.string().nullish(),
  startDate: date.nullish(),
  endDate: date.nullish(),
  headerText: z.string().nullish(),
  explanationText: z.string().nullish(),
});
export type InvoiceRow = z.infer<typeof invoiceRowSchema>;

/** [V P-OAS InvoiceSumInfo]. */
export const invoiceSumInfoSchema = z.looseObject({
  currency: z.string().nullish(),
  inAccountingCurrency: z.boolean().nullish(),
  excludingVatTotal: z.number().nullish(),
  vatSumTotal: z.number().nullish(),
  invoiceSumTotal: z.number().nullish(),
});

/** What `GET /invoices` lists: no rows [V P-OAS InvoiceBasicInfo]. */
export const invoiceBasicInfoSchema = z.looseObject({
  id: z.number().int(),
  partnerId: z.number().int().nullish(),
  type: z.enum(invoiceTypes),
  status: z.enum(invoiceStatuses),
  invoiceNumber: z.number().int().nullish(),
  originalInvoiceNumber: z.string().nullish(),
  invoiceChannel: z.enum(invoiceChannels).nullish(),
  date: date.nullish(),
  dueDate: date.nullish(),
  newDueDate: date.nullish(),
  created: datetime.nullish(),
  version: datetime,
  invoiceSumInfo: z.array(invoiceSumInfoSchema).nullish(),
  creatorId: z.number().int().nullish(),
  counterParty: counterPartySchema.nullish(),
  /** SALES_ORDER only: offers are sales orders with isOffer=true. */
  isOffer: z.boolean().nullish(),
});
export type InvoiceBasicInfo = z.infer<typeof invoiceBasicInfoSchema>;

/** A full invoice, order or purchase order: `GET /invoices/{id}`, the body of `PUT /invoices/{id}` [V P-OAS Invoice]. */
export const invoiceSchema = z.looseObject({
  ...invoiceBasicInfoSchema.shape,
  ledgerReceiptId: z.number().int().nullish(),
  counterParty: counterPartySchema,
  billingAddress: addressSchema.nullish(),
  deliveryAddress: addressSchema.nullish(),
  paymentInfo: paymentInfoSchema,
  deliveryTermsInfo: z.looseObject({ name: z.string().nullish(), municipality: z.string().nullish() }).nullish(),
  extraInfo: z.looseObject({ accountingByRow: z.boolean().nullish(), unitPricesIncludeVat: z.boolean().nullish() }).nullish(),
  discountPercent: z.number().nullish(),
  /** ≤70; the seed's reference number. */
  orderReference: z.string().nullish(),
  invoiceRows: z.array(invoiceRowSchema),
  vatStatus: z.number().int().nullish(),
  deliveryStartDate: date.nullish(),
  deliveryEndDate: date.nullish(),
  deliveryMethod: z.enum(deliveryMethods).nullish(),
  /** ≤255. */
  deliveryInstructions: z.string().nullish(),
  /** Required for sales invoices and orders. */
  language: z.enum(languages).nullish(),
  invoiceTemplateId: z.number().int().nullish(),
  penaltyPercent: z.number().nullish(),
  vatCountry: z.string().nullish(),
  /** ≤10000, printed on the invoice. */
  additionalInformation: z.string().nullish(),
  /** ≤10000, internal, not printed: the seed's order remark. */
  notes: z.string().nullish(),
  paymentDate: date.nullish(),
});
export type Invoice = z.infer<typeof invoiceSchema>;

/** Body of `PUT /invoices/{id}/approve|reject|verify` [V P-OAS]. */
export const actionCommentSchema = z.looseObject({ comment: z.string().max(100).nullish() });
/** Body of `PUT /invoices/{id}/notes` [V P-OAS]. */
export const notesRequestSchema = z.looseObject({ notes: z.string().max(10_000) });
/** The answer of an action: `{"message": "..."}` [V P-OAS InfoMessage]. */
export const infoMessageSchema = z.looseObject({ message: z.string() });

/** `POST {apiRoot}/oauth/token`, form-encoded [V P-VG, P-FP, P-LEG, P-RC]. */
export const tokenRequestSchema = z.discriminatedUnion('grant_type', [
  /** The machine-to-machine API-key flow; redirect_uri is sent by most clients, not by P-RC. */
  z.object({
    grant_type: z.literal('client_credentials'), client_id: z.string(), client_secret: z.string(), api_key: z.string(),
    redirect_uri: z.string().optional(),
  }),
  z.object({
    grant_type: z.literal('authorization_code'), code: z.string(), redirect_uri: z.string(), client_id: z.string(), client_secret: z.string(),
  }),
  z.object({ grant_type: z.literal('refresh_token'), refresh_token: z.string(), client_id: z.string(), client_secret: z.string() }),
]);
export type TokenRequest = z.infer<typeof tokenRequestSchema>;

/** [V P-VG, P-FP, P-LEG]. refresh_token only from the authorization-code and refresh grants. */
export const tokenResponseSchema = z.looseObject({
  access_token: z.string(),
  token_type: z.string().nullish(),
  /** Seconds; about 3600. */
  expires_in: z.number(),
  refresh_token: z.string().nullish(),
});
export type TokenResponse = z.infer<typeof tokenResponseSchema>;

/** One error [V P-OAS ErrorMessage]: `field` names the offending input, e.g. "invoiceRows[0].unit". */
export const errorMessageSchema = z.looseObject({
  status: z.number().int(),
  field: z.string().nullish(),
  message: z.string(),
  /** Deprecated in the spec. */
  model: z.string().nullish(),
});

/** `{"errors": [...]}` [V P-OAS ErrorMessages, P-OB]; old API versions sent `constraintViolations[].errorCode` [V P-FP]. */
export const errorBodySchema = z.looseObject({
  errors: z.array(errorMessageSchema).optional(),
  constraintViolations: z.array(z.looseObject({ errorCode: z.string().nullish() })).optional(),
});
export type ErrorBody = z.infer<typeof errorBodySchema>;
export type ErrorMessage = z.infer<typeof errorMessageSchema>;

/** `GET {apiRoot}/status`, the health endpoint [V P-OAS]. */
export const statusResponseSchema = z.looseObject({
  name: z.string().nullish(),
  version: z.string().nullish(),
  status: z.enum(['OK', 'DEGRADED', 'FAILING']),
  procountorVersion: z.string().nullish(),
});
