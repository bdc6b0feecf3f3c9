import type { Context } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { toFieldIssues } from '../domain/index.js';
import { boundedIssue, echoValue, isWmsyncError } from '../kernel/errors.js';
import type { ErrorKind, FieldIssue } from '../kernel/errors.js';
import type { Logger } from '../kernel/logger.js';

/** The one error envelope of the API. */
export interface ErrorBody {
  error: { code: string; message: string; details: FieldIssue[] };
}

const byKind: Record<ErrorKind, { status: ContentfulStatusCode; code: string }> = {
  record: { status: 422, code: 'invalid_record' },
  config: { status: 400, code: 'invalid_configuration' },
  'not-found': { status: 404, code: 'not_found' },
  conflict: { status: 409, code: 'conflict' },
  unauthorized: { status: 401, code: 'unauthorized' },
  forbidden: { status: 403, code: 'forbidden' },
  transient: { status: 503, code: 'unavailable' },
  system: { status: 500, code: 'internal_error' },
};

/** The HTTP status of an error kind: one table for the API and the pages. */
export const statusOf = (kind: ErrorKind): ContentfulStatusCode => byKind[kind].status;

export const errorBody = (code: string, message: string, details: FieldIssue[] = []): ErrorBody => ({ error: { code, message, details: details.map(boundedIssue) } });

/** What Hono's body validator says, as a field and a reason. */
const honoRefusals: Record<string, { field: string; reason: string }> = {
  'Malformed JSON in request body': { field: '(body)', reason: 'is not valid JSON (or is empty)' },
  'Unsupported Media Type': { field: 'content-type', reason: 'must be application/json for this request' },
};

/** Maps any thrown error to the envelope; our own bugs are logged and not described to the caller. */
export function respondWithError(c: Context, e: unknown, logger: Logger): Response {
  if (isWmsyncError(e)) {
    const { status, code } = byKind[e.kind];
    if (e.kind === 'system') logger.error({ err: e }, 'request failed');
    return c.json(errorBody(code, e.message, e.details), status);
  }
  // Hono's own refusals (malformed JSON, a wrong content type) keep their status, in our words with the field named.
  if (e instanceof HTTPException && e.status < 500) {
    const said = honoRefusals[e.message];
    return c.json(errorBody('invalid_request', said ? `${said.field} ${said.reason}` : e.message, said ? [{ record: 'request', ...said }] : []), e.status as ContentfulStatusCode);
  }
  logger.error({ err: e }, 'request failed');
  return c.json(errorBody('internal_error', 'internal error; see the server log'), 500);
}

/** Validation hook for request parameters, query and bodies: the same envelope, the field named. */
export function validationHook(record: (c: Context) => string) {
  return async (result: { success: boolean; error?: { issues: readonly unknown[] }; data?: unknown; target?: string }, c: Context) => {
    if (result.success) return undefined;
    // A record named by a 10 000-character key is named by its prefix, as values are.
    const name = echoValue(record(c)) as string;
    // The body was parsed once already; Hono caches it, so the values can be named in the issues.
    const input = result.target === 'json' ? await c.req.json().catch(() => undefined) : result.target === 'query' ? c.req.query() : c.req.param();
    const issues = toFieldIssues(name, input, (result.error?.issues ?? []) as never);
    return c.json(errorBody(result.target === 'json' ? 'invalid_record' : 'invalid_request', `${name} refused: ${issues.map((i) => `${i.field}: ${i.reason}`).join('; ')}`, issues), result.target === 'json' ? 422 : 400);
  };
}
