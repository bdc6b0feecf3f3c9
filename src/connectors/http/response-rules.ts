import { WmsyncError } from '../../kernel/errors.js';

/**
 * Response rules, in the style of Airbyte's error handlers: a connector says what a response means
 * when the status alone does not tell (a 403 that refuses one record, a SOAP fault on HTTP 500, a
 * 200 whose body is an error). Request rules are checked first, then the client's, then the
 * built-in ladder (2xx data, 401/403 credentials, 429/5xx transient, other 4xx record); the first
 * rule that matches decides.
 */
export type ResponseKind =
  /** The remote refused this record: an HttpError of kind `record`; the run skips it and goes on. */
  | 'record'
  /** A setting or credential to fix by a person: kind `config`, never retried. */
  | 'config'
  /** Worth another attempt, when resending is safe (idempotent request); else the outcome is unknown. */
  | 'transient'
  /**
   * The remote did not process the request and asks to wait: retried even for a POST, after the
   * rule's `retryAfterMs`, else the Retry-After header, else backoff; the shared bucket pauses too.
   */
  | 'retry-after'
  /** The session or token is gone: the auth strategy's `onExpired()` runs once, then the request once more. */
  | 'auth-expired';

/** A status, a list of them, or an inclusive range (`{ from: 500, to: 599 }`). */
export type StatusMatch = number | readonly number[] | { from: number; to: number };

/** What a rule sees of an answered attempt. */
export interface RuleExchange {
  status: number;
  headers: Headers;
  /** The body as text, whatever its type. */
  text: string;
}

export interface ResponseRule {
  status?: StatusMatch;
  /** A pattern the body must match, or a test on its text. */
  body?: RegExp | ((text: string) => boolean);
  kind: ResponseKind;
  /** The error's message; the default names the request, the status and the remote's message. */
  message?(exchange: RuleExchange): string;
  /** Kind `retry-after` only: the wait the body names (e.g. "Quarantine ends at …"); the header is read when undefined. */
  retryAfterMs?(exchange: RuleExchange): number | undefined;
}

function statusMatches(match: StatusMatch | undefined, status: number): boolean {
  if (match === undefined) return true;
  if (typeof match === 'number') return match === status;
  if ('from' in match) return status >= match.from && status <= match.to;
  return match.includes(status);
}

function bodyMatches(match: ResponseRule['body'], text: string): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') return match(text);
  match.lastIndex = 0;
  return match.test(text);
}

/** A rule with neither status nor body would claim every response, successes included: surely a mistake. */
export function checkRules(rules: readonly ResponseRule[] | undefined): void {
  for (const rule of rules ?? []) {
    if (rule.status === undefined && rule.body === undefined) {
      throw new WmsyncError('system', `a response rule of kind ${rule.kind} needs a status or a body to match`);
    }
  }
}

/** The first rule that claims the response, request rules before client rules. */
export function findRule(exchange: RuleExchange, ...lists: (readonly ResponseRule[] | undefined)[]): ResponseRule | undefined {
  for (const rules of lists) {
    const found = rules?.find((rule) => statusMatches(rule.status, exchange.status) && bodyMatches(rule.body, exchange.text));
    if (found) return found;
  }
  return undefined;
}
