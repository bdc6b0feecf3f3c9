import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../api.js';

/** Routes throw the kit's ApiError; it is answered with the error body {code, error, message} [I S33]. */
export { ApiError } from '../../../src/connectors/sandbox/index.js';

const reasons: Record<number, string> = {
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 422: 'Unprocessable Entity',
  429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable', 504: 'Gateway Timeout',
};

export function errorResponse(c: Context, status: number, message: string): Response {
  const body: ErrorBody = { code: status, error: reasons[status] ?? 'Error', message };
  return c.json(body, status as ContentfulStatusCode);
}
