import type { ZodType } from 'zod';
import type { Clock } from '../../kernel/clock.js';
import { WmsyncError, configError } from '../../kernel/errors.js';
import type { FieldIssue } from '../../kernel/errors.js';
import { parseRetryAfter } from './backoff.js';
import { HttpError, describeNetworkError, remoteMessage, wasNeverSent } from './http-errors.js';
import type { AmbiguousOutcome } from './http-errors.js';

/*
 * What one attempt came to: the data, an error to throw, or a transient failure that the client
 * may retry.
 */

/** One attempt on the wire: the remote answered, or the request failed without an answer. */
export type Exchange = Answered | Unanswered;
export interface Answered {
  ok: true;
  status: number;
  headers: Headers;
  text: string;
}
export interface Unanswered {
  ok: false;
  error: unknown;
  timedOut: boolean;
}

/** A failed attempt that may be worth another: the error to throw if it is not. */
export interface TransientFailure {
  /** Status or error code only: this goes to the log, where remote bodies must not. */
  label: string;
  /** The label with the remote's message, for the error thrown. */
  reason: string;
  /**
   * Retrying cannot do harm: the request is idempotent, or it never reached the remote, or the
   * remote said it did not process it.
   */
  safeToRetry: boolean;
  retryAfterMs?: number;
  status?: number;
  error?: unknown;
}

export function networkFailure(exchange: Unanswered, idempotent: boolean, timeoutMs: number): TransientFailure {
  if (exchange.timedOut) {
    const label = `no response within ${timeoutMs} ms`;
    return { label, reason: label, safeToRetry: idempotent, error: exchange.error };
  }
  const label = `network error (${describeNetworkError(exchange.error)})`;
  return {
    label,
    reason: label,
    safeToRetry: idempotent || wasNeverSent(exchange.error),
    error: exchange.error,
  };
}

export function statusFailure(exchange: Answered, idempotent: boolean, retryAfterMs: number | undefined): TransientFailure {
  const remote = remoteMessage(parseErrorBody(exchange));
  const label = exchange.status === 429 ? 'rate limited (429)' : `server error (${exchange.status})`;
  return {
    label,
    reason: remote ? `${label}: ${remote}` : label,
    // A 429 says the request was not processed, so even a POST may go again.
    safeToRetry: exchange.status === 429 || idempotent,
    retryAfterMs,
    status: exchange.status,
  };
}

/** Measured against the server's own Date header when there is one, so clock skew cannot distort an HTTP-date. */
export function retryAfterFrom(exchange: Answered, clock: Clock): number | undefined {
  const serverNow = Date.parse(exchange.headers.get('date') ?? '');
  const now = Number.isNaN(serverNow) ? clock.now().getTime() : serverNow;
  return parseRetryAfter(exchange.headers.get('retry-after'), now);
}

export function ambiguousError(where: string, failure: TransientFailure): WmsyncError {
  const outcome: AmbiguousOutcome = { ambiguous: true, status: failure.status, error: failure.error };
  return new WmsyncError(
    'transient',
    `${where}: outcome unknown after ${failure.reason}; check the remote state before sending it again`,
    [],
    { cause: outcome, retryAfterMs: failure.retryAfterMs },
  );
}

export function authError(name: string, exchange: Answered): WmsyncError {
  const remote = remoteMessage(parseErrorBody(exchange)) ?? 'no message';
  const what = exchange.status === 401 ? 'refused the credentials' : 'denied access';
  return configError(`${name} ${what} (${exchange.status}): ${remote}`);
}

export function httpError(where: string, method: string, url: URL, exchange: Answered): HttpError {
  const body = parseErrorBody(exchange);
  const remote = remoteMessage(body) ?? 'no message';
  const message = `${where} returned ${exchange.status}: ${remote}`;
  return new HttpError(message, exchange.status, body, method, `${url.origin}${url.pathname}`);
}

function isJson(headers: Headers): boolean {
  return /[/+]json\b/i.test(headers.get('content-type') ?? '');
}

/** An error body is shown, never trusted: when it is not the JSON it claims to be, its text is shown. */
function parseErrorBody(exchange: Answered): unknown {
  if (exchange.text === '') return undefined;
  if (!isJson(exchange.headers)) return exchange.text;
  try {
    return JSON.parse(exchange.text) as unknown;
  } catch {
    return exchange.text;
  }
}

export function parseSuccess<T>(
  where: string,
  method: string,
  url: URL,
  exchange: Answered,
  schema: ZodType<T> | undefined,
): T {
  let data: unknown;
  if (exchange.text === '') {
    data = undefined;
  } else if (isJson(exchange.headers)) {
    try {
      data = JSON.parse(exchange.text) as unknown;
    } catch {
      throw new WmsyncError('record', `${where}: the response claims to be JSON but is not`);
    }
  } else {
    data = exchange.text;
  }
  if (!schema) return data as T;
  const parsed = schema.safeParse(data);
  if (parsed.success) return parsed.data;
  const record = `${method} ${url.pathname}`;
  const issues: FieldIssue[] = parsed.error.issues.map((issue) => ({
    record,
    field: issue.path.map(String).join('.') || '(response)',
    reason: issue.message,
  }));
  const summary = issues.slice(0, 3).map((i) => `${i.field}: ${i.reason}`).join('; ');
  throw new WmsyncError('record', `${where}: unexpected response: ${summary}`, issues);
}

/** The error once retrying is over: the last failure, with the server's wait when it named one. */
export function exhaustedError(where: string, failure: TransientFailure, failures: number): WmsyncError {
  const tries = failures === 1 ? '1 attempt' : `${failures} attempts`;
  return new WmsyncError('transient', `${where} failed after ${tries}: ${failure.reason}`, [], {
    cause: failure.error ?? { status: failure.status },
    retryAfterMs: failure.retryAfterMs,
  });
}
