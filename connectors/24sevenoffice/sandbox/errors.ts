import type { Context } from 'hono';
import type { ErrorResponder } from '../../../src/connectors/sandbox/index.js';
import { faultResponse } from './soap-io.js';

/** The limit's fault text [V S-FAQ]; the time's format is a guess (ISO 8601, UTC) [U]. */
export const limitText = (over: number, endsAt: Date) => `Limit exceeded by ${over}. Request is blocked. Quarantine ends at ${endsAt.toISOString()}`;

/**
 * Every error as a soap:Fault, as an ASMX service answers. The simulator's own faults carry their
 * code (soap:Client / soap:Server) as the ApiError's field. What the kit raises is said the way
 * 24SevenOffice would: a 429 (its injected faults, the per-second bucket) as the limit's
 * "Limit exceeded … Quarantine ends at" with the Retry-After's time; an injected 5xx as a passing
 * server trouble ("temporarily unavailable, try again later"); an unknown path as a soap:Client fault.
 */
export const errorResponse: ErrorResponder = (c: Context, status, message, field) => {
  if (field === 'soap:Client' || field === 'soap:Server') return faultResponse(c, status, field, message);
  if (status === 429) {
    const seconds = Number(c.res.headers.get('Retry-After') ?? 1);
    return faultResponse(c, 429, 'soap:Server', limitText(1, new Date(Date.now() + seconds * 1000)));
  }
  if (status >= 500) return faultResponse(c, status, 'soap:Server', `Server was unable to process request. ---> ${message}: the service is temporarily unavailable, try again later.`);
  return faultResponse(c, status, 'soap:Client', message);
};
