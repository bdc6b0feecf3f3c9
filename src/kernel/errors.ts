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

/** How much of a value an error repeats: enough to recognise it, never a whole 50 MB upload. */
const MAX_ECHO = 120;
const MAX_MESSAGE = 2000;

/** A value as errors show it: short values as they are, long ones as a prefix with the length. */
export function echoValue(value: unknown): unknown {
  if (typeof value === 'string') return value.length > MAX_ECHO ? `${value.slice(0, MAX_ECHO)}… (${value.length} characters)` : value;
  if (value === null || typeof value !== 'object') return value;
  let text: string;
  try {
    text = JSON.stringify(value) ?? '';
  } catch {
    // Nested deeper than the stack (valid JSON may be): too deep to repeat at all.
    return '(a value nested too deep to repeat)';
  }
  return text.length > MAX_ECHO ? `${text.slice(0, MAX_ECHO)}… (${text.length} characters of JSON)` : value;
}

/** An issue with its value and record name cut to what an error message may repeat. */
export const boundedIssue = (issue: FieldIssue): FieldIssue => ({
  ...issue,
  record: echoValue(issue.record) as string,
  ...(issue.value === undefined ? {} : { value: echoValue(issue.value) }),
});

export class WmsyncError extends Error {
  readonly details: FieldIssue[];
  constructor(
    readonly kind: ErrorKind,
    message: string,
    details: FieldIssue[] = [],
    options?: { cause?: unknown; retryAfterMs?: number },
  ) {
    // A message quotes what it is about; a huge value must not come back whole (audit: a 50 MB echo).
    super(message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}… (${message.length} characters)` : message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'WmsyncError';
    this.details = details.map(boundedIssue);
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
  const parts = issues.map(boundedIssue).map((i) =>
    i.value === undefined ? `${i.field}: ${i.reason}` : `${i.field}=${JSON.stringify(i.value)}: ${i.reason}`,
  );
  return `${String(echoValue(record))} refused: ${parts.join('; ')}`;
}
