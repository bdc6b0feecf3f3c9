import type { HttpClient } from '../http/http-client.js';
import { buildEnvelope, parseResult } from './envelope.js';
import { soapFaultRules } from './faults.js';
import type { FaultPatterns } from './faults.js';
import type { SoapOperation } from './operation.js';

export interface SoapCallOptions {
  signal?: AbortSignal;
  /** Fault texts of this system where they differ from the defaults. */
  faults?: Partial<FaultPatterns>;
  /** Extra headers for this call (HasSession sends the session it asks about). */
  headers?: Record<string, string>;
  /** Sees the answer's headers (a system that counts its limit in them). */
  onResponse?(headers: Headers): void;
}

/**
 * One SOAP 1.1 call through the HTTP kit: the envelope POSTed as text/xml with the quoted
 * SOAPAction, faults read by the SOAP fault rules (so a session gone re-authenticates through the
 * client's auth strategy), the result typed by the schema. The operation's `idempotent` decides
 * whether an attempt with an unknown outcome may be sent again.
 */
export async function soapCall<T = unknown>(http: HttpClient, operation: SoapOperation, body: Record<string, unknown>, options: SoapCallOptions = {}): Promise<T> {
  const envelope = buildEnvelope(operation, body);
  const { data, headers } = await http.request<string>('POST', operation.path, {
    body: { raw: envelope, contentType: 'text/xml; charset=utf-8' },
    headers: { SOAPAction: `"${operation.soapAction}"`, ...options.headers },
    accept: 'text/xml',
    responseType: 'text',
    idempotent: operation.idempotent,
    rules: soapFaultRules(http.name, operation.name, options.faults),
    ...(options.signal ? { signal: options.signal } : {}),
  });
  options.onResponse?.(headers);
  return parseResult(operation, data, `${http.name} ${operation.name}`) as T;
}
