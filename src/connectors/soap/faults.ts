import type { ResponseRule, RuleExchange } from '../http/response-rules.js';
import { parseFault } from './envelope.js';
import type { SoapFault } from './envelope.js';

/**
 * What a fault's text says, by pattern. The defaults are the texts the research notes name for
 * 24SevenOffice (part B2–B3); the exact server texts are not all verified, so each is an option.
 */
export interface FaultPatterns {
  /** The session is gone: log in again once and retry. [V single client: "Client is not authenticated on this identity"] */
  sessionGone: RegExp;
  /** The request budget is used: wait and retry, even a write, as it was not processed. [V "Limit exceeded by N. Request is blocked."] */
  throttled: RegExp;
  /** Credentials or identity refused: a person must fix the settings. [V "Provided IdentityId is blocked"] */
  refused: RegExp;
  /** A passing server trouble: retried when the operation is safe to resend. [U] */
  transient: RegExp;
}

export const defaultFaultPatterns: FaultPatterns = {
  sessionGone: /not authenticated|session (has )?(expired|timed out)|no (valid )?session|not logged in/i,
  throttled: /limit exceeded|request is blocked|quarantine/i,
  refused: /identityid is blocked|invalid (user ?name|username|password|credentials|application ?id)|wrong (user ?name|password)|access denied|not authori[sz]ed/i,
  transient: /timeout|timed out|deadlock|temporarily unavailable|try again later/i,
};

/** "Quarantine ends at <time>" [V text, U format]; else the `APILimitReset` header [V S-RB]; measured against the server's Date. */
function quarantineMs(exchange: RuleExchange): number | undefined {
  const named = /quarantine ends at\s+([^<]+?)\.?\s*(<|$)/i.exec(parseFault(exchange.text)?.message ?? '')?.[1];
  const at = Date.parse(named ?? exchange.headers.get('apilimitreset') ?? '');
  if (Number.isNaN(at)) return undefined;
  const serverNow = Date.parse(exchange.headers.get('date') ?? '');
  return Math.max(0, at - (Number.isNaN(serverNow) ? Date.now() : serverNow));
}

/**
 * Response rules that read a SOAP Fault (ASMX answers one with HTTP 500): the session gone →
 * `auth-expired`; throttled → `retry-after`; refused credentials → `config`; a passing trouble →
 * `transient`; a `soap:Client` fault (the request was malformed or invalid) and any other fault →
 * `record`, since the server looked at this request and turned it down.
 */
export function soapFaultRules(system: string, operation: string, patterns: Partial<FaultPatterns> = {}): ResponseRule[] {
  const p = { ...defaultFaultPatterns, ...patterns };
  const status = { from: 400, to: 599 };
  const faultMatching = (pattern: RegExp | undefined) => (text: string) => {
    const fault = parseFault(text);
    return fault !== undefined && (pattern === undefined || pattern.test(fault.message));
  };
  const message = (exchange: RuleExchange) => describeFault(system, operation, parseFault(exchange.text)!);
  // Retried kinds: the HTTP kit puts the status and the attempts before this text.
  const faultText = (exchange: RuleExchange) => parseFault(exchange.text)!.message;
  return [
    { status, body: faultMatching(p.sessionGone), kind: 'auth-expired', message: (e) => `${message(e)} (also after logging in again)` },
    { status, body: faultMatching(p.throttled), kind: 'retry-after', message: faultText, retryAfterMs: quarantineMs },
    { status, body: faultMatching(p.refused), kind: 'config', message },
    { status, body: faultMatching(p.transient), kind: 'transient', message: faultText },
    { status, body: faultMatching(undefined), kind: 'record', message },
  ];
}

export const describeFault = (system: string, operation: string, fault: SoapFault): string =>
  `${system} ${operation} failed (${fault.code || 'fault'}): ${fault.message || 'no message'}`;
