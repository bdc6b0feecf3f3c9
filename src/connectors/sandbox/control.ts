import { Hono } from 'hono';
import type { Context } from 'hono';
import { z } from 'zod';
import type { Deliveries } from './deliveries.js';
import type { Faults } from './faults.js';
import type { Recorder } from './recorder.js';

/**
 * The control API every simulator has under /_sandbox, outside its system's API: no credentials,
 * no rate limit, no faults, not recorded. Tests and demos drive the sandbox with it; a simulator
 * adds its own routes beside these (new orders, expired tokens).
 */
const requestFault = z.object({ rate: z.number().min(0).max(1), next: z.number().int().min(0), match: z.string() }).partial();
export const faultPatchSchema = z.strictObject({
  serverError: requestFault.extend({ status: z.number().int().min(500).max(599) }).partial().optional(),
  tooManyRequests: requestFault.extend({ retryAfterSeconds: z.number().int().min(0) }).partial().optional(),
  timeout: requestFault.extend({ ms: z.number().int().min(0), mode: z.enum(['close', 'respond']) }).partial().optional(),
  malformed: z.record(z.string(), z.union([z.number().int().min(0), z.array(z.number().int())])).optional(),
});

/** The settings every simulator has; a system's own are added to these. */
export const kitSettingsShape = {
  latencyMs: z.number().min(0),
  rateLimit: z.strictObject({ perSecond: z.number().min(0), burst: z.number().min(1) }),
};

export interface ControlTarget<Settings> {
  faults: Faults;
  recorder: Recorder;
  deliveries: Deliveries;
  readonly settings: Settings;
  configure(patch: Partial<Settings>): void;
  state(): Record<string, unknown>;
}

export interface ControlOptions<Settings> {
  /** Every setting, the kit's and the system's, each optional. */
  settings: z.ZodType<Partial<Settings>>;
  readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>>;
}

export function controlRoutes<Settings>(sandbox: ControlTarget<Settings>, { settings, readBody }: ControlOptions<Settings>): Hono {
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
    sandbox.configure(await readBody(c, settings));
    return c.json(sandbox.settings);
  });
  control.get('/requests', (c) => c.json({ data: sandbox.recorder.requests }));
  control.delete('/requests', (c) => {
    sandbox.recorder.clear();
    return c.body(null, 204);
  });
  control.get('/deliveries', (c) => c.json({ data: sandbox.deliveries.log }));
  return control;
}
