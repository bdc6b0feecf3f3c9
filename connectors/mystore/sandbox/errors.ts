import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** mystore.no's error body: JSON:API `errors[]` with status, title and detail [V S25 for auth; I for the rest]. */
export function errorResponse(c: Context, status: number, message: string, field?: string): Response {
  const title = status === 401 ? 'Unauthenticated' : status === 403 ? 'Forbidden' : status === 404 ? 'Not Found' : status === 429 ? 'Too Many Attempts' : status >= 500 ? 'Server Error' : 'Invalid request';
  const error = { status: String(status), title, detail: message, ...(field ? { source: { parameter: field } } : {}) };
  return c.json({ errors: [error] }, status as ContentfulStatusCode, { 'content-type': 'application/vnd.api+json' });
}
