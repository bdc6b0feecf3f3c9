import { WmsyncError } from '../../kernel/errors.js';

/**
 * The remote refused this one request (a 4xx other than 401, 403 and 429): kind `record`, so the
 * run skips the record with the remote's reason and goes on. `url` has no query string, because
 * some systems take keys there and errors end up in logs.
 */
export class HttpError extends WmsyncError {
  constructor(
    message: string,
    readonly status: number,
    readonly body: unknown,
    readonly method: string,
    readonly url: string,
  ) {
    super('record', message);
    this.name = 'HttpError';
  }
}

/** Why a request's outcome is unknown: it may or may not have been carried out by the remote. */
export interface AmbiguousOutcome {
  ambiguous: true;
  status?: number;
  error?: unknown;
}

/**
 * True when a non-idempotent request failed after it was sent (timeout, 5xx, reset connection):
 * the remote may have carried it out, so check the remote state before sending it again.
 */
export function isAmbiguous(e: unknown): boolean {
  if (!(e instanceof WmsyncError) || e.kind !== 'transient') return false;
  const cause: unknown = e.cause;
  return typeof cause === 'object' && cause !== null && (cause as Partial<AmbiguousOutcome>).ambiguous === true;
}

const maxMessageLength = 300;

/** The remote's own words about an error, from the fields APIs commonly use, else the body text. */
export function remoteMessage(body: unknown): string | undefined {
  if (typeof body === 'string') {
    const text = body.replace(/\s+/g, ' ').trim();
    return text ? truncate(text) : undefined;
  }
  if (typeof body !== 'object' || body === null) return undefined;
  const fields = body as Record<string, unknown>;
  const firstError: unknown = Array.isArray(fields.errors) ? fields.errors[0] : undefined;
  const candidates = [
    fields.message,
    // IIS and ASP.NET answer {"Message": …} (Ongoing WMS).
    fields.Message,
    messageOf(fields.error),
    messageOf(firstError),
    fields.error_description,
    fields.detail,
    fields.error,
    firstError,
    fields.title,
  ];
  const found = candidates.find((c): c is string => typeof c === 'string' && c.trim() !== '');
  return found === undefined ? undefined : truncate(found.trim());
}

function messageOf(value: unknown): unknown {
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>).message : undefined;
}

function truncate(text: string): string {
  return text.length > maxMessageLength ? `${text.slice(0, maxMessageLength)}…` : text;
}

/** Connection errors raised before any byte of the request left this machine. */
const notSentCodes = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'UND_ERR_CONNECT_TIMEOUT',
]);

/** True when a fetch failure proves the request never reached the remote, so resending is safe. */
export function wasNeverSent(error: unknown): boolean {
  return errorCodes(error, 0).some((code) => notSentCodes.has(code));
}

/** The `code`s along an error's cause chain, including every member of an AggregateError. */
function errorCodes(error: unknown, depth: number): string[] {
  if (typeof error !== 'object' || error === null || depth > 5) return [];
  const { code, cause, errors } = error as { code?: unknown; cause?: unknown; errors?: unknown };
  const own = typeof code === 'string' ? [code] : [];
  const nested = Array.isArray(errors) ? errors.flatMap((e) => errorCodes(e, depth + 1)) : [];
  return [...own, ...errorCodes(cause, depth + 1), ...nested];
}

/** The error code of a failed fetch, for the retry log and messages (`ECONNRESET`, `UND_ERR_SOCKET`). */
export function describeNetworkError(error: unknown): string {
  const [code] = errorCodes(error, 0);
  if (code) return code;
  return error instanceof Error ? error.message : String(error);
}
