import type { Context } from 'hono';

/**
 * An error a simulator answers in its system's own error body: routes throw it, and the kit's
 * error handler hands it to the system's `ErrorResponder` (JSON for a REST API, a SOAP fault for SOAP).
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** The offending input, e.g. "invoiceRows[0].unit" or a query parameter's name, for systems that name it. */
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The system's own error format, so that the kit's errors (faults, 404, 429) look like the real system's. */
export type ErrorResponder = (c: Context, status: number, message: string, field?: string) => Response;
