import { Hono } from 'hono';
import { z } from 'zod';
import { addressSchema } from '../api.js';
import { readBody } from './routes.js';
import { serializeOrder } from './serialize.js';
import type { MycashflowSandbox } from './server.js';

/**
 * The control API under /_sandbox, outside /api so that it needs no credentials, is never rate
 * limited or faulted, and is not recorded: tests and demos drive the sandbox with it.
 */
const requestFault = z.object({ rate: z.number().min(0).max(1), next: z.number().int().min(0), match: z.string() }).partial();
export const faultPatchSchema = z.strictObject({
  serverError: requestFault.extend({ status: z.number().int().min(500).max(599) }).partial().optional(),
  tooManyRequests: requestFault.extend({ retryAfterSeconds: z.number().int().min(0) }).partial().optional(),
  timeout: requestFault.extend({ ms: z.number().int().min(0), mode: z.enum(['close', 'respond']) }).partial().optional(),
  malformed: z.record(z.string(), z.union([z.number().int().min(0), z.array(z.number().int())])).optional(),
});

const status = z.enum(['open', 'completed', 'cancelled']);
export const orderChangesSchema = z.strictObject({
  status: z.string().toLowerCase().pipe(status).optional(),
  lines: z.array(z.strictObject({ product_id: z.number().int(), variation_id: z.number().int().nullish(), quantity: z.number().positive().optional() })).min(1).max(9).optional(),
  shipping_address: addressSchema.partial().optional(),
  comments: z.array(z.strictObject({ visibility: z.enum(['public', 'private']), text: z.string() })).optional(),
  payment_count: z.number().int().min(0).max(5).optional(),
  payment_method_id: z.number().int().optional(),
});

export const settingsSchema = z.strictObject({
  latencyMs: z.number().min(0).optional(),
  rateLimit: z.strictObject({ perSecond: z.number().min(0), burst: z.number().min(1) }).optional(),
  statusCase: z.enum(['title', 'lower', 'upper']).optional(),
});

export function controlRoutes(sandbox: MycashflowSandbox): Hono {
  const control = new Hono();
  const full = new Set(['products', 'shipments', 'payments', 'comments', 'events', 'tax_summary']);
  const show = (order: Parameters<typeof serializeOrder>[0]) => ({ data: serializeOrder(order, full, sandbox.settings.statusCase, false) });

  control.get('/state', (c) => c.json(sandbox.state()));
  control.get('/faults', (c) => c.json({ settings: sandbox.faults.settings, counters: sandbox.faults.counters }));
  control.post('/faults', async (c) => {
    sandbox.faults.set(await readBody(c, faultPatchSchema));
    return c.json({ settings: sandbox.faults.settings, counters: sandbox.faults.counters });
  });
  control.delete('/faults', (c) => {
    sandbox.faults.reset();
    return c.body(null, 204);
  });
  control.post('/settings', async (c) => {
    sandbox.configure(await readBody(c, settingsSchema));
    return c.json(sandbox.settings);
  });
  control.post('/orders', async (c) => c.json(show(sandbox.createOrder(await readBody(c, orderChangesSchema))), 201));
  control.patch('/orders/:id', async (c) =>
    c.json(show(sandbox.updateOrder(Number(c.req.param('id')), await readBody(c, orderChangesSchema)))),
  );
  control.get('/requests', (c) => c.json({ data: sandbox.recorder.requests }));
  control.delete('/requests', (c) => {
    sandbox.recorder.clear();
    return c.body(null, 204);
  });
  return control;
}
