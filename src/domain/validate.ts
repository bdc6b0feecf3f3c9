import type { z } from 'zod';
import { recordError } from '../kernel/errors.js';
import { stableJson } from '../kernel/stable-json.js';
import type { FieldIssue } from '../kernel/errors.js';
import { issueReason } from './issue-wording.js';

/** Turns zod issues into field issues: the field as a dotted path, the value found there, the reason. */
export function toFieldIssues(record: string, input: unknown, issues: readonly z.core.$ZodIssue[]): FieldIssue[] {
  return issues.flatMap((issue) => {
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({
        record,
        field: formatPath([...issue.path, k]),
        reason: 'is not a known field',
      }));
    }
    const value = valueAt(input, issue.path);
    return [
      {
        record,
        field: formatPath(issue.path) || '(record)',
        ...(value === undefined ? {} : { value }),
        reason: value === undefined && issue.code === 'invalid_type' ? 'is required' : issueReason(issue),
      },
    ];
  });
}

/**
 * Records `safeParseRecord` parsed, with their schema. The WMS port checks what it is given, and
 * the engine hands it a record it parsed with the same schema a moment before (the output is a
 * fresh object of the engine's own): that one passes without a second run of zod.
 */
const parsedBy = new WeakMap<object, { schema: z.ZodType; json?: string }>();

/** `schema.safeParse`, remembering a success for `parseRecord`. */
export function safeParseRecord<S extends z.ZodType>(schema: S, input: unknown): z.ZodSafeParseResult<z.output<S>> {
  const parsed = schema.safeParse(input);
  if (parsed.success && typeof parsed.data === 'object' && parsed.data !== null) parsedBy.set(parsed.data, { schema });
  return parsed;
}

/** `stableJson` of a record, made once for a record `safeParseRecord` gave: the engine hashes it, the WMS stores the same text. */
export function recordJson(record: unknown): string {
  const entry = typeof record === 'object' && record !== null ? parsedBy.get(record) : undefined;
  if (!entry) return stableJson(record);
  return (entry.json ??= stableJson(record));
}

/** Parses a record or throws a `record` error naming every bad field. */
export function parseRecord<S extends z.ZodType>(schema: S, record: string, input: unknown): z.output<S> {
  if (typeof input === 'object' && input !== null && parsedBy.get(input)?.schema === schema) return input as z.output<S>;
  const parsed = schema.safeParse(input);
  if (parsed.success) return parsed.data;
  throw recordError(record, toFieldIssues(record, input, parsed.error.issues));
}

function formatPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, seg) => {
    if (typeof seg === 'number') return `${acc}[${seg}]`;
    return acc ? `${acc}.${String(seg)}` : String(seg);
  }, '');
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = input;
  for (const seg of path) {
    if (cur === null || typeof cur !== 'object') return undefined;
    cur = (cur as Record<PropertyKey, unknown>)[seg];
  }
  return cur;
}
