import type { Context, Hono } from 'hono';
import { z } from 'zod';
import { deliveryMethods, invoiceStatuses, invoiceTypes, languages } from '../api.js';
import { ApiError } from './errors.js';
import { serializeInvoice } from './serialize.js';
import type { Auth } from './auth.js';
import type { ProcountorStore } from './store.js';

/** Procountor's own control routes beside the kit's (state, faults, settings, requests): invoices, products, writes, tokens. */
const address = z.strictObject({
  name: z.string(), specifier: z.string().nullable(), street: z.string(), zip: z.string(), city: z.string(),
  country: z.string(), subdivision: z.string().nullable(),
}).partial();

export const invoiceChangesSchema = z.strictObject({
  type: z.enum(invoiceTypes),
  status: z.enum(invoiceStatuses),
  isOffer: z.boolean(),
  rows: z.array(z.strictObject({
    productId: z.number().int().nullable().optional(), quantity: z.number().positive().optional(),
    product: z.string().optional(), productCode: z.string().nullable().optional(),
  })).min(1).max(50),
  counterParty: z.strictObject({
    contactPersonName: z.string().nullable(), customerNumber: z.string().nullable(), email: z.string().nullable(),
    identifier: z.string().nullable(), counterPartyAddress: address,
  }).partial(),
  notes: z.string().nullable(),
  orderReference: z.string().nullable(),
  deliveryInstructions: z.string().nullable(),
  deliveryMethod: z.enum(deliveryMethods).nullable(),
  language: z.enum(languages).nullable(),
  paymentMethod: z.string(),
}).partial();

export const productChangesSchema = z.strictObject({
  name: z.string().min(1).max(100), code: z.string().max(40).nullable(), unit: z.string(), price: z.number(),
  currency: z.string().length(3), active: z.boolean(), vat: z.number(), discount: z.number().min(0).max(100),
}).partial();

const numericId = (c: Context) => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id)) throw new ApiError(404, `No record ${c.req.param('id') ?? ''}`);
  return id;
};

export interface ControlContext {
  store: ProcountorStore;
  auth: Auth;
  readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>>;
}

export function procountorControl(control: Hono, { store, auth, readBody }: ControlContext): void {
  control.post('/invoices', async (c) => c.json(serializeInvoice(store.createInvoice(await readBody(c, invoiceChangesSchema)), false), 201));
  control.patch('/invoices/:id', async (c) => {
    const id = numericId(c);
    return c.json(serializeInvoice(store.updateInvoice(id, await readBody(c, invoiceChangesSchema)), false));
  });
  control.patch('/products/:id', async (c) => {
    const id = numericId(c);
    return c.json(store.updateProduct(id, await readBody(c, productChangesSchema)));
  });
  control.get('/writes', (c) => c.json({ data: store.writes }));
  control.post('/tokens/expire', async (c) => {
    const { token } = await readBody(c, z.strictObject({ token: z.string().optional() }));
    return c.json({ expired: auth.expireTokens(token) });
  });
  control.post('/tokens/revoke', async (c) => {
    const { token } = await readBody(c, z.strictObject({ token: z.string() }));
    return c.json({ revoked: auth.revokeToken(token) });
  });
}
