import type { ZodType } from 'zod';
import { systemClock } from '../../kernel/clock.js';
import type { Clock } from '../../kernel/clock.js';
import { WmsyncError, configError, isWmsyncError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import {
  ambiguousError,
  authError,
  exhaustedError,
  httpError,
  networkFailure,
  parseSuccess,
  retryAfterFrom,
  statusFailure,
} from './attempt-outcomes.js';
import type { Exchange, TransientFailure } from './attempt-outcomes.js';
import { backoffDelay } from './backoff.js';
import type { TokenBucket } from './rate-limiter.js';
import { realSleep } from './timer.js';
import type { Sleep } from './timer.js';
import { buildUrl } from './url.js';
import type { Query } from './url.js';

export type HttpMethod = 'GET' | 'HEAD' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** A body sent as is (SOAP, XML, form data) instead of as JSON. */
export interface RawBody {
  raw: string;
  contentType: string;
}

export interface RetryPolicy {
  /** Attempts in all for a transient failure, the first one included. */
  maxAttempts: number;
  baseMs: number;
  maxMs: number;
}

export interface HttpClientOptions {
  /** The remote system's name, for messages: `MyCashflow refused the credentials (401): …`. */
  name: string;
  baseUrl: string;
  /** Auth headers, asked for on every attempt so that a refreshed token is used at once. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** The credential's shared bucket (RateLimiterRegistry); every attempt waits for a token. */
  limiter?: TokenBucket;
  retry?: Partial<RetryPolicy>;
  timeoutMs?: number;
  fetch?: typeof fetch;
  sleep?: Sleep;
  random?: () => number;
  /** Measures HTTP-date Retry-After values when the response carries no Date header. */
  clock?: Clock;
  logger?: Logger;
  /** Called once on 401/403, e.g. to refresh an OAuth token; true retries the request once. */
  onUnauthorized?: () => Promise<boolean>;
}

export interface RequestOptions<T> {
  query?: Query;
  /** Sent as JSON, unless it is a RawBody. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the method's default: GET, HEAD, PUT and DELETE are idempotent, POST and PATCH not. */
  idempotent?: boolean;
  /** Checks the JSON response; a mismatch is the remote's malformed data, kind `record`. */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /**
   * A 403 here means "this action is not allowed for this record" (Procountor: wrong status or
   * type), not refused credentials: an HttpError of kind `record`, without a token renewal.
   */
  forbiddenIsRefusal?: boolean;
}

export interface HttpResponse<T> {
  status: number;
  data: T;
  headers: Headers;
}

export interface HttpStats {
  /** Requests sent, retries included. */
  calls: number;
  retries: number;
  /** 429 responses. */
  throttled: number;
}

export interface HttpClient {
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions<T>): Promise<HttpResponse<T>>;
  readonly stats: HttpStats;
}

const idempotentMethods = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE']);

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { name, limiter, logger, onUnauthorized } = options;
  const base = parseBaseUrl(name, options.baseUrl);
  const retry: RetryPolicy = { maxAttempts: 5, baseMs: 500, maxMs: 30_000, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? systemClock;
  const counters: HttpStats = { calls: 0, retries: 0, throttled: 0 };

  async function send(method: HttpMethod, url: URL, call: RequestOptions<unknown>): Promise<Exchange> {
    const headers = new Headers({ accept: 'application/json' });
    let body: string | undefined;
    if (isRawBody(call.body)) {
      headers.set('content-type', call.body.contentType);
      body = call.body.raw;
    } else if (call.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(call.body);
    }
    for (const [key, value] of Object.entries((await options.headers?.()) ?? {})) headers.set(key, value);
    for (const [key, value] of Object.entries(call.headers ?? {})) headers.set(key, value);

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      const response = await fetchImpl(url, { method, headers, body, signal });
      // Read inside the timeout too: a body that stalls halfway is as dead as no answer.
      const text = await response.text();
      return { ok: true, status: response.status, headers: response.headers, text };
    } catch (error) {
      // The outbound policy refused the address: a setting to fix, not a network failure to retry.
      if (isWmsyncError(error)) throw error;
      return { ok: false, error, timedOut: timeout.aborted };
    }
  }

  async function request<T = unknown>(
    method: HttpMethod,
    path: string,
    call: RequestOptions<T> = {},
  ): Promise<HttpResponse<T>> {
    const url = buildUrl(base, path, call.query);
    // The path only: some systems take keys in the query string, and this text reaches logs.
    const where = `${name} ${method} ${url.pathname}`;
    if ((method === 'GET' || method === 'HEAD') && call.body !== undefined) {
      throw new WmsyncError('system', `${where}: a ${method} request cannot carry a body`);
    }
    const idempotent = call.idempotent ?? idempotentMethods.has(method);
    let failures = 0;
    let authRetried = false;

    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) counters.retries++;
      await limiter?.acquire(call.signal);
      counters.calls++;
      const exchange = await send(method, url, call);
      // The caller gave up: that is its decision, not a failure to retry or report.
      call.signal?.throwIfAborted();

      let failure: TransientFailure;
      if (!exchange.ok) {
        failure = networkFailure(exchange, idempotent, timeoutMs);
      } else if (exchange.status >= 200 && exchange.status < 300) {
        const data = parseSuccess(where, method, url, exchange, call.schema);
        return { status: exchange.status, data, headers: exchange.headers };
      } else if (exchange.status === 403 && call.forbiddenIsRefusal) {
        throw httpError(where, method, url, exchange);
      } else if (exchange.status === 401 || exchange.status === 403) {
        if (onUnauthorized && !authRetried) {
          authRetried = true;
          if (await onUnauthorized()) continue;
        }
        throw authError(name, exchange);
      } else if (exchange.status === 429 || exchange.status >= 500) {
        failure = statusFailure(exchange, idempotent, retryAfterFrom(exchange, clock));
        if (exchange.status === 429) counters.throttled++;
        // The server asked everyone on this credential to wait, not only this request.
        if (failure.retryAfterMs !== undefined) limiter?.pauseFor(failure.retryAfterMs);
      } else {
        throw httpError(where, method, url, exchange);
      }

      failures++;
      if (!failure.safeToRetry) throw ambiguousError(where, failure);
      const waitTooLong = failure.retryAfterMs !== undefined && failure.retryAfterMs > retry.maxMs;
      if (failures >= retry.maxAttempts || waitTooLong) {
        // A long Retry-After goes back to the job queue with the error instead of holding a worker here.
        throw exhaustedError(where, failure, failures);
      }
      const delayMs = failure.retryAfterMs ?? backoffDelay(failures, retry, random);
      logger?.debug({ system: name, method, path: url.pathname, attempt, delayMs, reason: failure.label }, 'retrying request');
      // A paused limiter already holds the next attempt back for the server's wait.
      if (failure.retryAfterMs === undefined || !limiter) await sleep(delayMs, call.signal);
    }
  }

  return {
    request,
    get stats(): HttpStats {
      return { ...counters };
    },
  };
}

function parseBaseUrl(name: string, baseUrl: string): URL {
  try {
    return new URL(baseUrl);
  } catch {
    throw configError(`${name} base URL is not a valid URL: ${baseUrl}`);
  }
}

function isRawBody(body: unknown): body is RawBody {
  if (typeof body !== 'object' || body === null) return false;
  const keys = Object.keys(body);
  const { raw, contentType } = body as Partial<RawBody>;
  return keys.length === 2 && typeof raw === 'string' && typeof contentType === 'string';
}

