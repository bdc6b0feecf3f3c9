import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../api.js';

/** Routes throw the kit's ApiError (with `field` when one input is to blame); it is answered with
 * `{"errors":[{status, field, message}]}` [V P-OAS ErrorMessages]. */
export { ApiError } from '../../../src/connectors/sandbox/index.js';

/** `field` is left out when no single input is to blame [G: whether it is then null or absent]. */
export const errorBody = (status: number, message: string, field?: string): ErrorBody =>
  ({ errors: [{ status, ...(field === undefined ? {} : { field }), message }] });

export function errorResponse(c: Context, status: number, message: string, field?: string): Response {
  return c.json(errorBody(status, message, field), status as ContentfulStatusCode);
}
