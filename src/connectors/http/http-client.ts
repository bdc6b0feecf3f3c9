import type { ZodType } from 'zod';
import { systemClock } from '../../kernel/clock.js';
import type { Clock } from '../../kernel/clock.js';
import { WmsyncError, configError, isWmsyncError } from '../../kernel/errors.js';
import type { Logger } from '../../kernel/logger.js';
import type { AuthRequest, AuthStrategy } from '../auth/strategy.js';
import {
  ambiguousError,
  authError,
  exhaustedError,
  httpError,
  networkFailure,
  parseSuccess,
  retryAfterFrom,
  ruleConfigError,
  statusFailure,
} from './attempt-outcomes.js';
import type { Answered, Exchange, ResponseType, TransientFailure } from './attempt-outcomes.js';
import { backoffDelay } from './backoff.js';
import type { TokenBucket } from './rate-limiter.js';
import { checkRules, findRule } from './response-rules.js';
import type { ResponseRule } from './response-rules.js';
import { realSleep } from './timer.js';
import type { Sleep } from './timer.js';
import { appendQuery, buildUrl } from './url.js';
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
  /** How requests are authorised; asked on every attempt, so that a renewed token or session is used at once. */
  auth?: AuthStrategy;
  /** Headers for every request, asked for on every attempt; the auth strategy's headers win over them. */
  headers?: () => Record<string, string> | Promise<Record<string, string>>;
  /** The Accept header of every request unless a request names its own; default `application/json`. */
  accept?: string;
  /** What responses mean beyond the status ladder, for every request; a request's own rules come first. */
  rules?: readonly ResponseRule[];
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
  /** For callers without an auth strategy: what `auth.onExpired` does (ignored when `auth` has one). */
  onUnauthorized?: () => Promise<boolean>;
}

export interface RequestOptions<T> {
  query?: Query;
  /** Sent as JSON, unless it is a RawBody. */
  body?: unknown;
  headers?: Record<string, string>;
  /** Overrides the client's Accept header (e.g. `text/xml` for SOAP). */
  accept?: string;
  /** `text` returns the body as text whatever its content type (XML, SOAP, CSV); default `auto`. */
  responseType?: ResponseType;
  /**
   * Safe to send again when the outcome of an attempt is unknown (timeout, reset connection, 5xx,
   * a rule of kind `transient`). Defaults by method: GET, HEAD, PUT and DELETE yes, POST and PATCH
   * no. Mark a POST that reads (a search, a SOAP Get…) or that the remote deduplicates, and a PATCH
   * that sets absolute values, `idempotent: true`; it is then retried like a GET.
   */
  idempotent?: boolean;
  /** Checks the response data; a mismatch is the remote's malformed data, kind `record`. */
  schema?: ZodType<T>;
  signal?: AbortSignal;
  /**
   * What responses to this request mean, checked before the client's rules; e.g.
   * `{ status: 403, kind: 'record' }` where a 403 refuses the action for this record, not the credentials.
   */
  rules?: readonly ResponseRule[];
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
  /** The remote system's name, for messages of the kits built on this client (SOAP). */
  readonly name: string;
  request<T = unknown>(method: HttpMethod, path: string, options?: RequestOptions<T>): Promise<HttpResponse<T>>;
  readonly stats: HttpStats;
}

const idempotentMethods = new Set<HttpMethod>(['GET', 'HEAD', 'PUT', 'DELETE']);

export function createHttpClient(options: HttpClientOptions): HttpClient {
  const { name, limiter, logger, auth } = options;
  const base = parseBaseUrl(name, options.baseUrl);
  const retry: RetryPolicy = { maxAttempts: 5, baseMs: 500, maxMs: 30_000, ...options.retry };
  const timeoutMs = options.timeoutMs ?? 30_000;
  const fetchImpl = options.fetch ?? fetch;
  const sleep = options.sleep ?? realSleep;
  const random = options.random ?? Math.random;
  const clock = options.clock ?? systemClock;
  const onExpired = auth?.onExpired?.bind(auth) ?? options.onUnauthorized;
  const counters: HttpStats = { calls: 0, retries: 0, throttled: 0 };
  checkRules(options.rules);

  async function send(method: HttpMethod, requestUrl: URL, call: RequestOptions<unknown>): Promise<Exchange> {
    const headers = new Headers({ accept: call.accept ?? options.accept ?? 'application/json' });
    let body: string | undefined;
    if (isRawBody(call.body)) {
      headers.set('content-type', call.body.contentType);
      body = call.body.raw;
    } else if (call.body !== undefined) {
      headers.set('content-type', 'application/json');
      body = JSON.stringify(call.body);
    }
    const seen: AuthRequest = { method, url: requestUrl, body };
    const url = appendQuery(requestUrl, await auth?.query?.(seen));
    for (const [key, value] of Object.entries((await options.headers?.()) ?? {})) headers.set(key, value);
    for (const [key, value] of Object.entries((await auth?.headers({ ...seen, url })) ?? {})) headers.set(key, value);
    for (const [key, value] of Object.entries(call.headers ?? {})) headers.set(key, value);

    const timeout = AbortSignal.timeout(timeoutMs);
    const signal = call.signal ? AbortSignal.any([call.signal, timeout]) : timeout;
    try {
      const response = await fetchImpl(url, { method, headers, body, signal });
      // Read inside the timeout too: a body that stalls halfway is as dead as no answer.
      const text = decodeBody(new Uint8Array(await response.arrayBuffer()), response.headers.get('content-type'));
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
    checkRules(call.rules);
    const idempotent = call.idempotent ?? idempotentMethods.has(method);
    let failures = 0;
    let authRenewed = false;

    /** The session or token is gone: renew once and go again, else the credentials need a person. */
    async function renewAuth(exchange: Answered, message: string | undefined): Promise<void> {
      if (onExpired && !authRenewed) {
        authRenewed = true;
        if (await onExpired()) return;
      }
      throw authError(name, exchange, message);
    }

    for (let attempt = 1; ; attempt++) {
      if (attempt > 1) counters.retries++;
      await limiter?.acquire(call.signal);
      counters.calls++;
      const exchange = await send(method, url, call);
      // The caller gave up: that is its decision, not a failure to retry or report.
      call.signal?.throwIfAborted();

      let failure: TransientFailure;
      const rule = exchange.ok ? findRule(exchange, call.rules, options.rules) : undefined;
      if (!exchange.ok) {
        failure = networkFailure(exchange, idempotent, timeoutMs);
      } else if (rule) {
        const message = rule.message?.(exchange);
        if (rule.kind === 'record') throw httpError(where, method, url, exchange, message);
        if (rule.kind === 'config') throw ruleConfigError(where, exchange, message);
        if (rule.kind === 'auth-expired') {
          await renewAuth(exchange, message);
          continue;
        }
        const retryAfter = rule.kind === 'retry-after';
        const retryAfterMs = retryAfter ? (rule.retryAfterMs?.(exchange) ?? retryAfterFrom(exchange, clock)) : undefined;
        failure = statusFailure(exchange, retryAfter || idempotent, retryAfterMs, message);
        if (retryAfter) counters.throttled++;
      } else if (exchange.status >= 200 && exchange.status < 300) {
        const data = parseSuccess(where, method, url, exchange, call.schema, call.responseType);
        return { status: exchange.status, data, headers: exchange.headers };
      } else if (exchange.status === 401 || exchange.status === 403) {
        await renewAuth(exchange, undefined);
        continue;
      } else if (exchange.status === 429 || exchange.status >= 500) {
        // A 429 says the request was not processed, so even a POST may go again.
        failure = statusFailure(exchange, exchange.status === 429 || idempotent, retryAfterFrom(exchange, clock));
        if (exchange.status === 429) counters.throttled++;
      } else {
        throw httpError(where, method, url, exchange);
      }

      // The server asked everyone on this credential to wait, not only this request.
      if (failure.retryAfterMs !== undefined) limiter?.pauseFor(failure.retryAfterMs);
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
    name,
    request,
    get stats(): HttpStats {
      return { ...counters };
    },
  };
}

/**
 * The body in the charset the answer names: its Content-Type, else an XML prolog's encoding, else
 * UTF-8. Systems that answer in ISO-8859-1 (Specter's XML) would otherwise turn "å" into "�".
 */
export function decodeBody(bytes: Uint8Array, contentType: string | null): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 100));
  const charset = /charset="?([\w-]+)/i.exec(contentType ?? '')?.[1] ?? /^<\?xml[^>]*encoding=["']([\w-]+)["']/i.exec(head)?.[1] ?? 'utf-8';
  try {
    return new TextDecoder(charset).decode(bytes);
  } catch {
    // A charset the runtime does not know: UTF-8 is the best guess left.
    return new TextDecoder('utf-8').decode(bytes);
  }
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

