import { soapCall } from '../../src/connectors/sdk/index.js';
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

/** One call of a 24SevenOffice service: the SDK's soapCall, with the limit headers of the answer heeded. */
export function serviceCall<T>(http: HttpClient, bucket: TokenBucket | undefined, operation: SoapOperation, body: Record<string, unknown>, signal: AbortSignal): Promise<T> {
  return soapCall<T>(http, operation, body, {
    signal,
    onResponse: (headers) => {
      const pause = limitPause(headers);
      if (pause !== undefined) bucket?.pauseFor(pause);
    },
  });
}
