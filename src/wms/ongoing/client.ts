import type { ZodType } from 'zod';
import { basicAuth } from '../../connectors/auth/basic.js';
import { createHttpClient } from '../../connectors/http/http-client.js';
import type { HttpClient, HttpMethod, HttpResponse } from '../../connectors/http/http-client.js';
import type { OutboundPolicy } from '../../connectors/http/outbound.js';
import type { Sleep } from '../../connectors/http/timer.js';
import type { Query } from '../../connectors/http/url.js';
import type { Clock } from '../../kernel/clock.js';
import { WmsyncError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { OngoingSettings } from './settings.js';
import { nodeHttpsFetch } from './transport.js';

export interface OngoingClientDeps {
  clock: Clock;
  logger?: Logger;
  outbound?: OutboundPolicy;
  /** Tests: a fetch of their own (the simulator in process), a sleep that does not wait. */
  fetch?: typeof fetch;
  sleep?: Sleep;
  /** Consecutive failed calls after which the client stops calling for `coolDownMs` (§7.2); default 5 and 10 minutes. */
  failureLimit?: { consecutive: number; coolDownMs: number };
}

export interface OngoingCall<T> {
  query?: Query;
  body?: unknown;
  schema?: ZodType<T>;
  signal?: AbortSignal;
}

/**
 * Ongoing's REST API for one goods owner: HTTP Basic on every request, retries of 408/429/5xx
 * with Retry-After through the HTTP kit, and two rules of Ongoing's own (§7.2):
 * - writes run one at a time: Ongoing executes a goods owner's writes sequentially and times out
 *   the ones that queue up, so the adapter queues them here instead;
 * - after `consecutive` failed calls in a row (a 4xx is never retried, but a bad payload repeated
 *   record after record trips Ongoing's consecutive-failure limit for everyone on this client)
 *   calls stop for `coolDownMs`, with an error saying so, until then. One success resets it.
 */
export function createOngoingClient(settings: OngoingSettings, deps: OngoingClientDeps) {
  const limit = deps.failureLimit ?? { consecutive: 5, coolDownMs: 10 * 60_000 };
  const http: HttpClient = createHttpClient({
    name: 'Ongoing WMS',
    baseUrl: settings.baseUrl,
    auth: basicAuth(String(settings.username), String(settings.password)),
    fetch: deps.fetch ?? (settings.transport === 'fetch' ? (deps.outbound?.fetch ?? fetch) : nodeHttpsFetch(deps.outbound)),
    retry: { maxAttempts: 4, baseMs: 500, maxMs: 30_000 },
    timeoutMs: 30_000,
    clock: deps.clock,
    ...(deps.logger ? { logger: deps.logger } : {}),
    ...(deps.sleep ? { sleep: deps.sleep } : {}),
  });
  let failures = 0;
  let pausedUntil = 0;
  let writes: Promise<unknown> = Promise.resolve();

  async function call<T>(method: HttpMethod, path: string, options: OngoingCall<T>): Promise<HttpResponse<T>> {
    const now = deps.clock.now().getTime();
    if (now < pausedUntil) {
      throw new WmsyncError(
        'transient',
        `Ongoing WMS calls are paused until ${new Date(pausedUntil).toISOString()} after ${failures} failed calls in a row, so as not to trip Ongoing's consecutive-failure limit`,
        [],
        { retryAfterMs: pausedUntil - now },
      );
    }
    try {
      const response = await http.request<T>(method, path, {
        ...(options.query ? { query: options.query } : {}),
        ...(options.body !== undefined ? { body: options.body } : {}),
        ...(options.schema ? { schema: options.schema } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        // The "reported" PATCHes set absolute values: safe to send again.
        ...(method === 'PATCH' ? { idempotent: true } : {}),
      });
      failures = 0;
      return response;
    } catch (e) {
      failures++;
      if (failures >= limit.consecutive) pausedUntil = deps.clock.now().getTime() + limit.coolDownMs;
      throw e;
    }
  }

  return {
    read: <T>(path: string, options: OngoingCall<T> = {}) => call('GET', path, options),
    /** A write, after every earlier write of this goods owner has finished. */
    write<T>(method: Exclude<HttpMethod, 'GET' | 'HEAD'>, path: string, options: OngoingCall<T> = {}): Promise<HttpResponse<T>> {
      const result = writes.then(() => call(method, path, options));
      writes = result.catch(() => undefined);
      return result;
    },
    stats: () => http.stats,
  };
}

export type OngoingClient = ReturnType<typeof createOngoingClient>;
