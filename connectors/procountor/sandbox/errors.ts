import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { ErrorBody } from '../api.js';

/** An error the API answers with `{"errors":[{status, field, message}]}` [V P-OAS ErrorMessages]. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The offending input, e.g. "invoiceRows[0].unit" or a query parameter's name. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** `field` is left out when no single input is to blame [G: whether it is then null or absent]. */
export const errorBody = (status: number, message: string, field?: string): ErrorBody =>
  ({ errors: [{ status, ...(field === undefined ? {} : { field }), message }] });

export function errorResponse(c: Context, status: number, message: string, field?: string): Response {
  return c.json(errorBody(status, message, field), status as ContentfulStatusCode);
}
