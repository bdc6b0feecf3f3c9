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

const failureLabel = (status: number): string =>
  status === 429 ? 'rate limited (429)' : status >= 500 ? `server error (${status})` : `unusable response (${status})`;

/**
 * A 429, a 5xx, or a response a rule called transient. `message` is the rule's reading of the
 * body; without one, the remote's own message is shown.
 */
export function statusFailure(
  exchange: Answered,
  safeToRetry: boolean,
  retryAfterMs: number | undefined,
  message?: string,
): TransientFailure {
  const remote = message ?? remoteMessage(parseErrorBody(exchange));
  const label = failureLabel(exchange.status);
  return { label, reason: remote ? `${label}: ${remote}` : label, safeToRetry, retryAfterMs, status: exchange.status };
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

/** Credentials refused, and renewing them did not help (or there is no way to renew them). */
export function authError(name: string, exchange: Answered, message?: string): WmsyncError {
  if (message !== undefined) return configError(message);
  const remote = remoteMessage(parseErrorBody(exchange)) ?? 'no message';
  const what = exchange.status === 401 ? 'refused the credentials' : exchange.status === 403 ? 'denied access' : 'ended the session';
  return configError(`${name} ${what} (${exchange.status}): ${remote}`);
}

/** A response that is the remote's refusal of this request: kind `record`. */
export function httpError(where: string, method: string, url: URL, exchange: Answered, message?: string): HttpError {
  const body = parseErrorBody(exchange);
  return new HttpError(message ?? defaultMessage(where, exchange, body), exchange.status, body, method, `${url.origin}${url.pathname}`);
}

/** A response that needs a person to change a setting: kind `config`. */
export function ruleConfigError(where: string, exchange: Answered, message?: string): WmsyncError {
  return configError(message ?? defaultMessage(where, exchange, parseErrorBody(exchange)));
}

const defaultMessage = (where: string, exchange: Answered, body: unknown) =>
  `${where} returned ${exchange.status}: ${remoteMessage(body) ?? 'no message'}`;

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

/** `auto`: JSON when the response says it is JSON, else its text. `text`: always the text, for XML and SOAP. */
export type ResponseType = 'auto' | 'text';

export function parseSuccess<T>(
  where: string,
  method: string,
  url: URL,
  exchange: Answered,
  schema: ZodType<T> | undefined,
  responseType: ResponseType = 'auto',
): T {
  let data: unknown;
  if (responseType === 'text') {
    data = exchange.text;
  } else if (exchange.text === '') {
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
