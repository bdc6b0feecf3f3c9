import { z } from 'zod';
import { toFieldIssues } from '../domain/index.js';
import type { FieldIssue } from '../kernel/errors.js';
import { configError } from '../kernel/errors.js';
import type { Result } from '../kernel/result.js';
import { err, ok } from '../kernel/result.js';
import type { MappingTarget } from './canonical-paths.js';
import { canonicalLists, canonicalPaths, mappingTargets } from './canonical-paths.js';
import type { Expr } from './expr.js';
import { exprSchema } from './expr.js';

/** One row of a seed table: the canonical field it writes and where the value comes from. */
export interface MappingRow {
  /** Canonical path, e.g. `orderInfo.referenceNumber`, or `orderLines[].numberOfItems` in a line table. */
  wms: string;
  from: Expr;
  /** Set by `applyOverrides` on rows an integration replaced or added. */
  overridden?: boolean;
}

/**
 * The rows that build each item of a canonical list (`orderLines`, `inOrderLines`,
 * `alternativeNames`), one item per element of the source list `from`. Paths in these rows read
 * from the element; `scope: 'record'` reaches back to the whole record.
 */
export interface LineTable {
  wms: string;
  from: Expr;
  /** How the seed names one element, e.g. "Order line"; without it, derived from `from`. */
  label?: string;
  rows: MappingRow[];
}

/**
 * How one source record becomes one canonical record. When one source record yields several
 * targets (a product with variations), the connector calls `applyMapping` once per target with a
 * source such as `{ product, variation }`, and the rows read `variation.price`.
 */
export interface MappingTable {
  target: MappingTarget;
  /** How the seed names the source record, e.g. "Order"; without it, a path's first segment is its root. */
  label?: string;
  rows: MappingRow[];
  lines?: LineTable;
}

const rowSchema = z.strictObject({ wms: z.string().min(1), from: exprSchema, overridden: z.boolean().optional() });

export const mappingTableSchema = z.strictObject({
  target: z.enum(mappingTargets),
  label: z.string().min(1).optional(),
  rows: z.array(rowSchema),
  lines: z
    .strictObject({
      wms: z.string().min(1),
      from: exprSchema,
      label: z.string().min(1).optional(),
      rows: z.array(rowSchema),
    })
    .optional(),
}) satisfies z.ZodType<MappingTable>;

/** Names a table in issues: "order mapping". */
export const tableRecordName = (target: MappingTarget): string => `${target} mapping`;

/** Every way the rows disagree with the canonical model of the target. */
export function checkMappingTable(table: MappingTable): FieldIssue[] {
  const record = tableRecordName(table.target);
  const issues = checkRows(table, table.rows, 'rows', undefined);
  if (table.lines === undefined) return issues;
  if (!canonicalLists(table.target).includes(table.lines.wms)) {
    const reason = `is not a list of ${table.target}`;
    return [...issues, { record, field: 'lines.wms', value: table.lines.wms, reason }];
  }
  return [...issues, ...checkRows(table, table.lines.rows, 'lines.rows', table.lines.wms)];
}

/** Header rows (`list` undefined) must name fields outside lists; line rows the fields of `list[]`. */
function checkRows(table: MappingTable, rows: readonly MappingRow[], field: string, list: string | undefined) {
  const known = new Set(canonicalPaths(table.target));
  const seen = new Set<string>();
  return rows.flatMap((row, index): FieldIssue[] => {
    const reason = rowProblem(row.wms);
    seen.add(row.wms);
    return reason === undefined
      ? []
      : [{ record: tableRecordName(table.target), field: `${field}[${index}].wms`, value: row.wms, reason }];
  });

  function rowProblem(wms: string): string | undefined {
    if (!known.has(wms)) return `is not a field of ${table.target}`;
    if (list === undefined && wms.includes('[]')) return 'belongs in the line table';
    if (list !== undefined && !wms.startsWith(`${list}[].`)) return `is not a field of ${list}[]`;
    return seen.has(wms) ? 'is mapped twice' : undefined;
  }
}

/** Reads a stored or received table: its shape, its expressions, and its canonical paths. */
export function parseMappingTable(input: unknown): Result<MappingTable, FieldIssue[]> {
  const parsed = mappingTableSchema.safeParse(input);
  if (!parsed.success) return err(toFieldIssues('mapping table', input, parsed.error.issues));
  const issues = checkMappingTable(parsed.data);
  return issues.length === 0 ? ok(parsed.data) : err(issues);
}

/**
 * Declares a connector's table. A row that names no canonical field is a bug in the connector, so
 * it fails when the connector module loads (and in its tests), not on the first record.
 */
export function defineMappingTable(table: MappingTable): MappingTable {
  const issues = checkMappingTable(table);
  if (issues.length > 0) throw configError(`the ${tableRecordName(table.target)} is not valid`, issues);
  return table;
}
