import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import { deliveryMethods, invoiceStatuses, invoiceTypes, languages } from '../api.js';
import { ApiError } from './errors.js';
import { serializeInvoice } from './serialize.js';
import type { ProcountorSandbox } from './server.js';

/**
 * The control API under /_sandbox, outside /api: no token, no rate limit, no faults, not
 * recorded. Tests and demos drive the sandbox with it; the same is on the sandbox object as methods.
 */
const requestFault = z.object({ rate: z.number().min(0).max(1), next: z.number().int().min(0), match: z.string() }).partial();
const faultPatchSchema = z.strictObject({
  serverError: requestFault.extend({ status: z.number().int().min(500).max(599) }).partial().optional(),
  tooManyRequests: requestFault.extend({ retryAfterSeconds: z.number().int().min(0) }).partial().optional(),
  timeout: requestFault.extend({ ms: z.number().int().min(0), mode: z.enum(['close', 'respond']) }).partial().optional(),
  malformed: z.record(z.string(), z.union([z.number().int().min(0), z.array(z.number().int())])).optional(),
});

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

export const settingsSchema = z.strictObject({
  latencyMs: z.number().min(0),
  rateLimit: z.strictObject({ perSecond: z.number().min(0), burst: z.number().min(1) }),
  tokenTtlSeconds: z.number().min(0),
  codeTtlSeconds: z.number().min(0),
  productResultShape: z.enum(['results', 'products']),
  salesOrdersCanBeSent: z.boolean(),
  unauthorizedBody: z.enum(['errors', 'empty']),
}).partial();

async function readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const body: unknown = await c.req.json().catch(() => ({}));
  const parsed = schema.safeParse(body ?? {});
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError(400, issue?.message ?? 'Invalid body', issue?.path.join('.'));
}

const numericId = (c: Context) => {
  const id = Number(c.req.param('id'));
  if (!Number.isInteger(id)) throw new ApiError(404, `No record ${c.req.param('id') ?? ''}`);
  return id;
};

export function controlRoutes(sandbox: ProcountorSandbox): Hono {
  const control = new Hono();
  const faultState = () => ({ settings: sandbox.faults.settings, counters: sandbox.faults.counters });

  control.get('/state', (c) => c.json(sandbox.state()));
  control.get('/faults', (c) => c.json(faultState()));
  control.post('/faults', async (c) => {
    sandbox.faults.set(await readBody(c, faultPatchSchema));
    return c.json(faultState());
  });
  control.delete('/faults', (c) => {
    sandbox.faults.reset();
    return c.body(null, 204);
  });
  control.get('/settings', (c) => c.json(sandbox.settings));
  control.post('/settings', async (c) => {
    sandbox.configure(await readBody(c, settingsSchema));
    return c.json(sandbox.settings);
  });
  control.post('/invoices', async (c) => c.json(serializeInvoice(sandbox.createInvoice(await readBody(c, invoiceChangesSchema)), false), 201));
  control.patch('/invoices/:id', async (c) => {
    const id = numericId(c);
    return c.json(serializeInvoice(sandbox.updateInvoice(id, await readBody(c, invoiceChangesSchema)), false));
  });
  control.patch('/products/:id', async (c) => {
    const id = numericId(c);
    return c.json(sandbox.updateProduct(id, await readBody(c, productChangesSchema)));
  });
  control.get('/requests', (c) => c.json({ data: sandbox.recorder.requests }));
  control.delete('/requests', (c) => {
    sandbox.recorder.clear();
    return c.body(null, 204);
  });
  control.get('/writes', (c) => c.json({ data: sandbox.store.writes }));
  control.post('/tokens/expire', async (c) => {
    const { token } = await readBody(c, z.strictObject({ token: z.string().optional() }));
    return c.json({ expired: sandbox.expireTokens(token) });
  });
  control.post('/tokens/revoke', async (c) => {
    const { token } = await readBody(c, z.strictObject({ token: z.string() }));
    return c.json({ revoked: sandbox.revokeToken(token) });
  });
  return control;
}
