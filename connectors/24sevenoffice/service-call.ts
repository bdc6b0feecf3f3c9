import { buildEnvelope, parseResult, soapFaultRules } from '../../src/connectors/sdk/index.js';
import type { HttpClient, SoapOperation, TokenBucket } from '../../src/connectors/sdk/index.js';

/**
 * The hourly budget as the server counts it: every response says what is left
 * (`APILimitRemaining`) and when the count starts over (`APILimitReset`, UTC) [V S-FAQ, S-RB].
 * When nothing is left, the credential's shared bucket pauses until the reset, so that the next
 * call waits instead of being blocked and quarantined. Measured against the server's Date.
 */
export function limitPause(headers: Headers): number | undefined {
  const remaining = Number(headers.get('apilimitremaining') ?? Number.NaN);
  if (!Number.isFinite(remaining) || remaining > 0) return undefined;
  const reset = Date.parse(headers.get('apilimitreset') ?? '');
  if (Number.isNaN(reset)) return undefined;
  const serverNow = Date.parse(headers.get('date') ?? '');
  return Math.max(0, reset - (Number.isNaN(serverNow) ? Date.now() : serverNow));
}

/**
 * One call of a 24SevenOffice service: the SDK's soapCall, plus the limit headers read from the
 * answer (soapCall does not hand them back; a candidate for the SDK).
 */
export async function serviceCall<T>(http: HttpClient, bucket: TokenBucket | undefined, operation: SoapOperation, body: Record<string, unknown>, signal: AbortSignal): Promise<T> {
  const response = await http.request<string>('POST', operation.path, {
    body: { raw: buildEnvelope(operation, body), contentType: 'text/xml; charset=utf-8' },
    headers: { SOAPAction: `"${operation.soapAction}"` },
    accept: 'text/xml',
    responseType: 'text',
    idempotent: operation.idempotent,
    rules: soapFaultRules(http.name, operation.name),
    signal,
  });
  const pause = limitPause(response.headers);
  if (pause !== undefined) bucket?.pauseFor(pause);
  return parseResult(operation, response.data, `${http.name} ${operation.name}`) as T;
}
