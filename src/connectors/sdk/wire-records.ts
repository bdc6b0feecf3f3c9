import type { z } from 'zod';
import { toFieldIssues } from '../../domain/index.js';
import type { FieldIssue } from '../../kernel/errors.js';

/** One list item off the wire: parsed, or the reasons it could not be. A bad item never costs the rest of its page. */
export type WireRecord<T> = { ok: true; value: T; raw: unknown } | { ok: false; raw: unknown; issues: FieldIssue[] };

export function parseWireRecord<S extends z.ZodType>(schema: S, raw: unknown, label: string): WireRecord<z.output<S>> {
  const parsed = schema.safeParse(raw);
  if (parsed.success) return { ok: true, value: parsed.data, raw };
  return { ok: false, raw, issues: toFieldIssues(label, raw, parsed.error.issues) };
}

/** A field of a record that may not have parsed, as text: for ids, labels and versions of malformed records. */
export function rawText(raw: unknown, key: string): string | undefined {
  if (typeof raw !== 'object' || raw === null) return undefined;
  const value = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}
