import type { Context, MiddlewareHandler } from 'hono';
import type { ErrorResponder } from './errors.js';
import { createRandom } from './random.js';

/**
 * Fault injection for sandboxes. Real APIs fail in a few typical ways (a 5xx on some pages,
 * a 429, a request that hangs, a record that does not parse); a connector must survive each
 * without losing or doubling records, so tests switch these on at runtime and count them.
 */

/** One kind of request fault: injected on the next `next` matching requests, then at `rate`. */
export interface RequestFault {
  /** Probability 0..1 per matching request. */
  rate: number;
  /** Force the fault on this many upcoming matching requests (counts down). */
  next: number;
  /** A regular expression tested against "METHOD /path"; empty matches every request. */
  match: string;
}

export interface FaultSettings {
  serverError: RequestFault & { status: number };
  tooManyRequests: RequestFault & { retryAfterSeconds: number };
  /** Waits `ms`, then closes the connection ('close') or answers normally but late ('respond'). */
  timeout: RequestFault & { ms: number; mode: 'close' | 'respond' };
  /** Per record kind: how many records to corrupt (spread over the ids), or the exact ids. */
  malformed: Record<string, number | number[]>;
}

export type FaultPatch = {
  [K in keyof FaultSettings]?: K extends 'malformed' ? FaultSettings[K] : Partial<FaultSettings[K]>;
};

export interface FaultCounters {
  serverError: number;
  tooManyRequests: number;
  timeout: number;
  malformed: number;
}

type RequestFaultKind = 'serverError' | 'tooManyRequests' | 'timeout';
const requestFaultKinds: RequestFaultKind[] = ['timeout', 'tooManyRequests', 'serverError'];

const off = { rate: 0, next: 0, match: '' };
export const noFaults = (): FaultSettings => ({
  serverError: { ...off, status: 500 },
  tooManyRequests: { ...off, retryAfterSeconds: 1 },
  timeout: { ...off, ms: 30_000, mode: 'close' },
  malformed: {},
});

export type Faults = ReturnType<typeof createFaults>;

/** `seed` makes rate-based faults repeatable: the same requests fail in every run. */
export function createFaults(seed = 1) {
  let settings = noFaults();
  let random = createRandom(seed);
  const counters: FaultCounters = { serverError: 0, tooManyRequests: 0, timeout: 0, malformed: 0 };

  function fires(kind: RequestFaultKind, request: string): boolean {
    const fault = settings[kind];
    if (fault.rate <= 0 && fault.next <= 0) return false;
    if (fault.match && !new RegExp(fault.match).test(request)) return false;
    if (fault.next > 0) {
      fault.next--;
      return true;
    }
    return random.next() < fault.rate;
  }

  /** The ids (1..size) of `kind` records to serve corrupted: explicit ids, or N spread evenly. */
  function malformedIds(kind: string, size: number): ReadonlySet<number> {
    const wanted = settings.malformed[kind];
    if (Array.isArray(wanted)) return new Set(wanted);
    const count = Math.min(wanted ?? 0, size);
    const ids = new Set<number>();
    for (let i = 0; i < count; i++) ids.add(Math.floor((i * size) / count) + 1);
    return ids;
  }

  return {
    get settings(): FaultSettings {
      return structuredClone(settings);
    },
    counters,
    /** Merges a patch into the settings; the unmentioned kinds keep theirs. */
    set(patch: FaultPatch): void {
      settings = {
        serverError: { ...settings.serverError, ...patch.serverError },
        tooManyRequests: { ...settings.tooManyRequests, ...patch.tooManyRequests },
        timeout: { ...settings.timeout, ...patch.timeout },
        malformed: patch.malformed ?? settings.malformed,
      };
    },
    /** Switches every fault off and zeroes the counters. */
    reset(): void {
      settings = noFaults();
      random = createRandom(seed);
      Object.assign(counters, { serverError: 0, tooManyRequests: 0, timeout: 0, malformed: 0 });
    },
    /** Which request fault, if any, hits this request, told as words joined by a space
     * ("GET", "/orders"; or the system's label). Counts it. */
    decide(...request: string[]): RequestFaultKind | undefined {
      const kind = requestFaultKinds.find((k) => fires(k, request.join(' ')));
      if (kind) counters[kind]++;
      return kind;
    },
    malformedIds,
    /** Whether record `id` of `kind` (of `size` records) is to be served corrupted; counts it when so. */
    corrupts(kind: string, size: number, id: number): boolean {
      const hit = malformedIds(kind, size).has(id);
      if (hit) counters.malformed++;
      return hit;
    },
  };
}

/** What a fault's `match` is tested against: "METHOD /path" unless the system says more (a SOAP action). */
export type RequestLabel = (c: Context) => string;
export const methodAndPath: RequestLabel = (c) => `${c.req.method} ${c.req.path}`;

export function faultMiddleware(faults: Faults, error: ErrorResponder, label: RequestLabel = methodAndPath): MiddlewareHandler {
  return async (c, next) => {
    const kind = faults.decide(label(c));
    const { serverError, tooManyRequests, timeout } = faults.settings;
    if (kind === 'serverError') return error(c, serverError.status, 'Injected server error');
    if (kind === 'tooManyRequests') {
      c.header('Retry-After', String(tooManyRequests.retryAfterSeconds));
      return error(c, 429, 'Too many requests');
    }
    if (kind === 'timeout') {
      await new Promise((resolve) => setTimeout(resolve, timeout.ms));
      if (timeout.mode === 'close') return closeConnection(c, error);
    }
    await next();
  };
}

/** Under @hono/node-server the socket is reachable and is destroyed, as a dropped connection would
 * be; in-process (`app.request`) there is no socket, so a 504 stands in for it. */
function closeConnection(c: Context, error: ErrorResponder): Response {
  const socket = (c.env as { incoming?: { socket?: { destroy(): void } } } | undefined)?.incoming?.socket;
  socket?.destroy();
  return error(c, 504, 'Injected timeout: connection closed');
}
