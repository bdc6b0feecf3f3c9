/**
 * Error kinds decide what happens next (DESIGN.md, "Sync rules"):
 * - config: credentials, settings or mapping are wrong; stop the flow and show it.
 * - transient: network, 5xx, 429; retry with backoff.
 * - record: one record's input is bad; skip that record with its reason, go on with the rest.
 * - system: our own bug; alert.
 * The rest are for callers of the API and CLI: not-found, conflict, unauthorized, forbidden.
 */
export type ErrorKind = 'config' | 'transient' | 'record' | 'system' | 'not-found' | 'conflict' | 'unauthorized' | 'forbidden';

/** One problem with one field of one record: which record, which field, which value, why. */
export interface FieldIssue {
  record: string;
  field: string;
  value?: unknown;
  reason: string;
}

export class WmsyncError extends Error {
  constructor(
    readonly kind: ErrorKind,
    message: string,
    readonly details: FieldIssue[] = [],
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WmsyncError';
    this.retryAfterMs = options?.retryAfterMs;
  }
  readonly retryAfterMs: number | undefined;
}

export const recordError = (record: string, issues: FieldIssue[]): WmsyncError =>
  new WmsyncError('record', describeIssues(record, issues), issues);

export const notFound = (what: string): WmsyncError => new WmsyncError('not-found', `${what} not found`);

export const conflict = (message: string, details: FieldIssue[] = []): WmsyncError =>
  new WmsyncError('conflict', message, details);

export const configError = (message: string, details: FieldIssue[] = []): WmsyncError =>
  new WmsyncError('config', message, details);

export const isWmsyncError = (e: unknown): e is WmsyncError => e instanceof WmsyncError;

function describeIssues(record: string, issues: FieldIssue[]): string {
  const parts = issues.map((i) =>
    i.value === undefined ? `${i.field}: ${i.reason}` : `${i.field}=${JSON.stringify(i.value)}: ${i.reason}`,
  );
  return `${record} refused: ${parts.join('; ')}`;
}
