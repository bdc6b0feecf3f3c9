import { Hono } from 'hono';
import type { Context, MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { readControlBody } from './body.js';
import { controlRoutes, kitSettingsShape } from './control.js';
import { createDeliveries } from './deliveries.js';
import type { Deliveries, Send } from './deliveries.js';
import { ApiError } from './errors.js';
import type { ErrorResponder } from './errors.js';
import { createFaults, faultMiddleware } from './faults.js';
import type { Faults, RequestLabel } from './faults.js';
import { latencyMiddleware } from './latency.js';
import { createRateLimiter, rateLimitMiddleware } from './rate-limit.js';
import type { RateLimiter, RateLimitSettings } from './rate-limit.js';
import { createRecorder } from './recorder.js';
import type { Recorder } from './recorder.js';

/**
 * `defineSandbox` holds what every simulator repeats: the Hono app with the system's error body
 * for thrown `ApiError`s and unknown routes, the request recorder, latency, rate limit, faults,
 * settings changed at runtime, outgoing deliveries (webhooks) and the control API under
 * /_sandbox. A simulator then writes only its system: its routes, its data, its auth, and in what
 * order its API records, authenticates, limits and fails (that order is part of the system).
 */

/** Options every simulator takes. */
export interface BaseSandboxOptions {
  /** Same seed (and same day, or same `now`) → same data. Default 1. */
  seed?: number;
  /** The data clock: generated times lie before it, changes are stamped with it. */
  now?: () => Date;
  latencyMs?: number;
  /** perSecond 0 switches the limit off. */
  rateLimit?: RateLimitSettings;
  /** How deliveries (webhooks) leave the simulator; without it they are refused and recorded. */
  send?: Send;
}

export interface KitSettings {
  latencyMs: number;
  rateLimit: RateLimitSettings;
}

/** What a simulator's `build` gives the kit, besides anything of its own (store, methods). */
export interface SimulatorParts {
  /** Shown by GET /_sandbox/state with the settings, the faults and the request count. */
  state(): { counts: Record<string, number> } & Record<string, unknown>;
  /** The system's own control routes under /_sandbox, e.g. POST /orders. */
  control?(control: Hono): void;
}

/** The kit as a simulator's `build` sees it. */
export interface SandboxKit<Custom extends object> {
  /** The root app: mount the system's API on it. */
  app: Hono;
  seed: number;
  now: () => Date;
  faults: Faults;
  recorder: Recorder;
  rateLimiter: RateLimiter;
  deliveries: Deliveries;
  /** The live settings (latencyMs and the system's own): read them per request, they change at runtime. */
  values: Custom & { latencyMs: number };
  /** A sub-app that answers errors and unknown routes in the system's body. */
  router(): Hono;
  /** The pipeline stages, to be used in the system's order on its API paths. */
  record: MiddlewareHandler;
  latency: MiddlewareHandler;
  injectFaults: MiddlewareHandler;
  limit(keyOf: (c: Context) => string): MiddlewareHandler;
  error: ErrorResponder;
  /** Reads a control route's body (empty is `{}`), refusing it in the system's manner. */
  readBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>>;
}

export interface SandboxCore<Custom extends object> {
  app: Hono;
  fetch(request: Request): Promise<Response>;
  faults: Faults;
  recorder: Recorder;
  rateLimiter: RateLimiter;
  deliveries: Deliveries;
  readonly settings: KitSettings & Custom;
  configure(settings: Partial<KitSettings & Custom>): void;
  state(): Record<string, unknown>;
}

export type Sandbox<Custom extends object, Parts extends SimulatorParts> = SandboxCore<Custom> & Omit<Parts, keyof SimulatorParts>;

export interface SandboxSpec<Options extends BaseSandboxOptions, Custom extends object, Parts extends SimulatorParts> {
  /** The limit when the options give none. */
  rateLimit: RateLimitSettings;
  /** The system's own settings (beyond latency and rate limit) from the options, and a schema per setting for POST /_sandbox/settings. */
  settings?: { initial(options: Options): Custom; schema: { [K in keyof Custom]: z.ZodType<Custom[K]> } };
  /** The system's error body. */
  error: ErrorResponder;
  /** The status the system answers for a body that fails validation; control routes answer it too. Default 400. */
  invalidStatus?: number;
  /** What a fault's `match` is tested against; default "METHOD /path". A SOAP simulator adds the action. */
  requestLabel?: RequestLabel;
  build(kit: SandboxKit<Custom>, options: Options): Parts;
}

export function defineSandbox<Options extends BaseSandboxOptions, Custom extends object, Parts extends SimulatorParts>(
  spec: SandboxSpec<Options, Custom, Parts>,
): (options?: Options) => Sandbox<Custom, Parts> {
  const settingsSchema = z.strictObject({ ...kitSettingsShape, ...spec.settings?.schema }).partial() as unknown as z.ZodType<Partial<KitSettings & Custom>>;

  return (options = {} as Options) => {
    const seed = options.seed ?? 1;
    const now = options.now ?? (() => new Date());
    const faults = createFaults(seed);
    const recorder = createRecorder({ now });
    const rateLimiter = createRateLimiter(options.rateLimit ?? spec.rateLimit);
    const deliveries = createDeliveries({ now, ...(options.send ? { send: options.send } : {}) });
    const values = { latencyMs: options.latencyMs ?? 0, ...(spec.settings?.initial(options) as Custom) };
    const readBody = <S extends z.ZodType>(c: Context, schema: S) => readControlBody(c, schema, spec.invalidStatus);

    const router = () => {
      const sub = new Hono();
      sub.onError((error, c) => (error instanceof ApiError ? spec.error(c, error.status, error.message, error.field) : spec.error(c, 500, error.message)));
      sub.notFound((c) => spec.error(c, 404, `No route ${c.req.method} ${c.req.path}`));
      return sub;
    };
    const app = router();
    const kit: SandboxKit<Custom> = {
      app, seed, now, faults, recorder, rateLimiter, deliveries, values, router, readBody,
      record: recorder.middleware(),
      latency: latencyMiddleware(() => values.latencyMs),
      injectFaults: faultMiddleware(faults, spec.error, spec.requestLabel),
      limit: (keyOf) => rateLimitMiddleware(rateLimiter, keyOf, (c, message) => spec.error(c, 429, message)),
      error: spec.error,
    };
    const { state, control, ...own } = spec.build(kit, options);

    const core: SandboxCore<Custom> = {
      app,
      fetch: async (request) => app.fetch(request),
      faults,
      recorder,
      rateLimiter,
      deliveries,
      get settings() {
        return { ...values, rateLimit: rateLimiter.settings };
      },
      configure(patch) {
        const { rateLimit, ...rest } = patch;
        if (rateLimit !== undefined) rateLimiter.set(rateLimit);
        Object.assign(values, Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)));
      },
      state() {
        const system = state();
        return {
          ...system,
          counts: { ...system.counts, requests: recorder.requests.length },
          settings: core.settings,
          faults: { settings: faults.settings, counters: faults.counters },
        };
      },
    };
    const controlApp = controlRoutes(core, { settings: settingsSchema, readBody });
    control?.(controlApp);
    app.route('/_sandbox', controlApp);
    // Descriptors, not Object.assign: `settings` must stay a getter.
    return Object.defineProperties(own, Object.getOwnPropertyDescriptors(core)) as unknown as Sandbox<Custom, Parts>;
  };
}
