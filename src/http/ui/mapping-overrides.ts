import { z } from 'zod';
import { targetSchemas } from '../../mapping/canonical-paths.js';
import type { MappingTarget } from '../../mapping/canonical-paths.js';
import type { Expr, MappingOverride, MappingTable, Scalar } from '../../mapping/index.js';

/**
 * The mapping editor's model: per row of the connector's table one choice (keep the connector's
 * source, keep the current override, a constant, a source path, or drop the row), plus added rows.
 * The form posts choices, never expressions, so only the server builds what is stored.
 */
export const modes = ['keep', 'current', 'const', 'path', 'drop'] as const;
export type Mode = (typeof modes)[number];

export interface RowChoice {
  wms: string;
  mode: Mode;
  value: string;
  /** The override's expression when it is not a plain constant or path ("current"). */
  current?: Expr;
}

export interface EditorState {
  base: RowChoice[];
  added: RowChoice[];
}

/** The connector's own rows, header first, then the line table's. */
export const baseRows = (table: MappingTable) => [...table.rows, ...(table.lines?.rows ?? [])];

function choiceFor(wms: string, expr: Expr | undefined, dropped: boolean): RowChoice {
  if (dropped) return { wms, mode: 'drop', value: '' };
  if (!expr) return { wms, mode: 'keep', value: '' };
  if (expr.kind === 'const') return { wms, mode: 'const', value: String(expr.value) };
  if (expr.kind === 'path' && expr.scope === undefined && expr.label === undefined) return { wms, mode: 'path', value: expr.path };
  return { wms, mode: 'current', value: '', current: expr };
}

/** The stored overrides as choices: the last override of a field decides. */
export function editorState(table: MappingTable, overrides: MappingOverride[]): EditorState {
  const effective = new Map<string, { expr?: Expr; dropped: boolean; added: boolean }>();
  for (const o of overrides) {
    const before = effective.get(o.wms);
    const added = o.op === 'add' || (before?.added ?? false);
    effective.set(o.wms, o.op === 'drop' ? { dropped: true, added } : { expr: o.from, dropped: false, added });
  }
  const base = baseRows(table).map((row) => {
    const e = effective.get(row.wms);
    return choiceFor(row.wms, e?.expr, e?.dropped ?? false);
  });
  const added = [...effective.entries()].filter(([, e]) => e.added && !e.dropped).map(([wms, e]) => choiceFor(wms, e.expr, false));
  return { base, added };
}

/** The schema of one canonical field, e.g. `orderLines[].numberOfItems` → the number schema. */
function fieldSchema(target: MappingTarget, wms: string): z.ZodType | undefined {
  let schema: z.ZodType | undefined = targetSchemas[target];
  const unwrap = (s: z.ZodType): z.ZodType => (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodDefault ? unwrap(s.unwrap() as z.ZodType) : s);
  for (const segment of wms.split('.')) {
    const list = segment.endsWith('[]');
    const shape: z.ZodType | undefined = schema && unwrap(schema) instanceof z.ZodObject ? ((unwrap(schema) as z.ZodObject).shape as Record<string, z.ZodType>)[list ? segment.slice(0, -2) : segment] : undefined;
    schema = shape && list ? ((unwrap(shape) as z.ZodArray<z.ZodType>).element as z.ZodType) : shape;
  }
  return schema;
}

/** A typed constant: "12" is the number 12 for a number field, and stays the text "12" for a text field. */
export function constantFor(target: MappingTarget, wms: string, raw: string): Scalar {
  const schema = fieldSchema(target, wms);
  if (!schema || schema.safeParse(raw).success) return raw;
  const number = Number(raw);
  if (raw.trim() !== '' && Number.isFinite(number) && schema.safeParse(number).success) return number;
  if ((raw === 'true' || raw === 'false') && schema.safeParse(raw === 'true').success) return raw === 'true';
  return raw;
}

export interface BuiltOverrides {
  overrides: MappingOverride[];
  /** For each override, the form row it came from (`base-3`, `added-0`), to show its error there. */
  rowOf: string[];
}

/** The overrides the choices describe, in table order; rows left as the connector has them give none. */
export function buildOverrides(target: MappingTarget, state: EditorState): BuiltOverrides {
  const overrides: MappingOverride[] = [];
  const rowOf: string[] = [];
  const push = (row: string, o: MappingOverride) => (overrides.push(o), rowOf.push(row));
  const from = (c: RowChoice): Expr | undefined =>
    c.mode === 'const' ? { kind: 'const', value: constantFor(target, c.wms, c.value) } : c.mode === 'path' ? { kind: 'path', path: c.value.trim() } : c.mode === 'current' ? c.current : undefined;
  state.base.forEach((c, i) => {
    if (c.mode === 'drop') return push(`base-${i}`, { op: 'drop', wms: c.wms });
    const expr = from(c);
    if (expr) push(`base-${i}`, { op: 'replace', wms: c.wms, from: expr });
  });
  state.added.forEach((c, i) => {
    const expr = from(c);
    if (expr) push(`added-${i}`, { op: 'add', wms: c.wms, from: expr });
  });
  return { overrides, rowOf };
}

/**
 * The choices a posted editor form holds. Base rows are the connector's, by position; added rows
 * name their field; `current` takes its expression from the stored overrides, never from the form.
 */
export function readChoices(form: Record<string, unknown>, stored: EditorState): EditorState {
  const text = (name: string) => (typeof form[name] === 'string' ? (form[name] as string) : '');
  const choice = (prefix: string, wms: string, current: Expr | undefined): RowChoice => {
    const mode = modes.find((m) => m === text(`${prefix}.mode`)) ?? 'keep';
    if (mode === 'current') return current ? { wms, mode, value: '', current } : { wms, mode: 'keep', value: '' };
    return { wms, mode, value: text(`${prefix}.value`) };
  };
  const base = stored.base.map((row, i) => choice(`base.${i}`, row.wms, row.current));
  const storedAdded = new Map(stored.added.map((row) => [row.wms, row.current]));
  const added: RowChoice[] = [];
  const count = Math.min(Number(text('added.count')) || 0, 500);
  for (let i = 0; i < count; i++) {
    const wms = text(`added.${i}.wms`);
    const c = choice(`added.${i}`, wms, storedAdded.get(wms));
    if (wms !== '' && c.mode !== 'drop' && c.mode !== 'keep') added.push(c);
  }
  const fresh = choice('new', text('new.wms'), undefined);
  if (fresh.wms !== '' && (fresh.mode === 'const' || fresh.mode === 'path')) added.push(fresh);
  return { base, added };
}
