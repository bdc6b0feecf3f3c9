import type { MiddlewareHandler } from 'hono';

/**
 * Records every request a sandbox receives. Tests use it to count API calls (did the connector
 * page efficiently, did it skip unchanged stock?) and to check what it wrote.
 */
export interface RecordedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  /** Parsed JSON when the body is JSON, the raw text otherwise, undefined when empty. */
  body: unknown;
  status: number;
  /** ISO 8601 time the request arrived. */
  at: string;
  durationMs: number;
}

export type Recorder = ReturnType<typeof createRecorder>;

/** Keeps the latest `limit` requests so that a long demo does not grow memory without bound. */
export function createRecorder(options: { limit?: number; now?: () => Date } = {}) {
  const limit = options.limit ?? 10_000;
  const now = options.now ?? (() => new Date());
  const requests: RecordedRequest[] = [];

  return {
    get requests(): readonly RecordedRequest[] {
      return requests;
    },
    clear(): void {
      requests.length = 0;
    },
    /** Requests matching a method and a path pattern, e.g. count('GET', /\/orders$/). */
    filter(method?: string, path?: RegExp): RecordedRequest[] {
      return requests.filter((r) => (!method || r.method === method) && (!path || path.test(r.path)));
    },
    middleware(): MiddlewareHandler {
      return async (c, next) => {
        const started = performance.now();
        const at = now().toISOString();
        const text = c.req.method === 'GET' || c.req.method === 'HEAD' ? '' : await c.req.raw.clone().text();
        await next();
        requests.push({
          method: c.req.method,
          path: c.req.path,
          query: c.req.query(),
          body: parseBody(text),
          status: c.res.status,
          at,
          durationMs: Math.round(performance.now() - started),
        });
        if (requests.length > limit) requests.splice(0, requests.length - limit);
      };
    },
  };
}

function parseBody(text: string): unknown {
  if (!text) return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
