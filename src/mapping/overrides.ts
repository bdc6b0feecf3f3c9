import { z } from 'zod';
import { toFieldIssues } from '../domain/index.js';
import type { FieldIssue } from '../kernel/errors.js';
import type { Result } from '../kernel/result.js';
import { err, ok } from '../kernel/result.js';
import { canonicalPaths } from './canonical-paths.js';
import { exprSchema } from './expr.js';
import type { MappingRow, MappingTable } from './table.js';
import { checkMappingTable, tableRecordName } from './table.js';

/** One integration's change to a connector's table, stored as JSON with the integration. */
export const mappingOverrideSchema = z.discriminatedUnion('op', [
  z.strictObject({ op: z.literal('replace'), wms: z.string().min(1), from: exprSchema }),
  z.strictObject({ op: z.literal('add'), wms: z.string().min(1), from: exprSchema }),
  z.strictObject({ op: z.literal('drop'), wms: z.string().min(1) }),
]);
export type MappingOverride = z.infer<typeof mappingOverrideSchema>;

/**
 * The connector's table with an integration's overrides applied in order. Takes `unknown` because
 * overrides arrive from the API or the store: each is checked (shape, expression, that `wms` is a
 * field of the target, that `replace` and `drop` find their row and `add` does not) and every
 * problem is reported, so the UI can refuse to save and say why. Replaced and added rows are
 * marked `overridden`.
 */
export function applyOverrides(table: MappingTable, overrides: unknown): Result<MappingTable, FieldIssue[]> {
  const record = tableRecordName(table.target);
  const parsed = z.array(mappingOverrideSchema).safeParse(overrides);
  if (!parsed.success) {
    const issues = toFieldIssues(record, overrides, parsed.error.issues);
    return err(issues.map((issue) => ({ ...issue, field: overridesField(issue.field) })));
  }

  const known = new Set(canonicalPaths(table.target));
  let rows = [...table.rows];
  let lineRows = table.lines === undefined ? undefined : [...table.lines.rows];
  const issues: FieldIssue[] = [];

  parsed.data.forEach((override, index) => {
    const field = `overrides[${index}].wms`;
    const refuse = (reason: string): void => {
      issues.push({ record, field, value: override.wms, reason });
    };
    if (!known.has(override.wms)) return refuse(`is not a field of ${table.target}`);

    const inLines = override.wms.includes('[]');
    const current = inLines ? lineRows : rows;
    if (current === undefined) return refuse('needs a line table, and this mapping has none');
    const position = current.findIndex((row) => row.wms === override.wms);

    let next: MappingRow[];
    if (override.op === 'add') {
      if (position !== -1) return refuse('already has a row; replace it instead');
      next = [...current, { wms: override.wms, from: override.from, overridden: true }];
    } else if (position === -1) {
      return refuse(`has no row to ${override.op}`);
    } else if (override.op === 'replace') {
      next = current.with(position, { wms: override.wms, from: override.from, overridden: true });
    } else {
      next = current.filter((_, i) => i !== position);
    }
    if (inLines) lineRows = next;
    else rows = next;
  });
  if (issues.length > 0) return err(issues);

  const result: MappingTable =
    table.lines === undefined || lineRows === undefined
      ? { ...table, rows }
      : { ...table, rows, lines: { ...table.lines, rows: lineRows } };
  // The overrides passed their own checks; this catches a table that was broken before them.
  const tableIssues = checkMappingTable(result);
  return tableIssues.length === 0 ? ok(result) : err(tableIssues);
}

/** "[0].from.kind" → "overrides[0].from.kind"; the list itself is "overrides". */
function overridesField(field: string): string {
  if (field === '(record)') return 'overrides';
  return field.startsWith('[') ? `overrides${field}` : `overrides.${field}`;
}
