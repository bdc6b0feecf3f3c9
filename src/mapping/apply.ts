import type { FieldIssue } from '../kernel/errors.js';
import type { Result } from '../kernel/result.js';
import { err, ok } from '../kernel/result.js';
import type { MappingContext } from './context.js';
import type { EvaluationFailure, Scope } from './evaluate.js';
import { evaluate } from './evaluate.js';
import { isEmpty, pathSegments } from './source-value.js';
import type { MappingRow, MappingTable } from './table.js';

type CanonicalObject = Record<string, unknown>;

/**
 * Builds the canonical record that `table` describes from one source record. Empty values are
 * left out, so a blank source field never writes "" into the WMS. Every field that fails is
 * collected, with the record label from the context, rather than stopping at the first: the run
 * shows the user all of a record's problems at once. The result is not yet checked against the
 * domain schema; the sync engine does that next.
 */
export function applyMapping(
  table: MappingTable,
  source: unknown,
  context: MappingContext = {},
): Result<CanonicalObject, FieldIssue[]> {
  const record = context.record ?? table.target;
  const issues: FieldIssue[] = [];
  const target: CanonicalObject = {};
  const scope: Scope = { record: source, item: source, context };

  writeRows(table.rows, scope, target, '', record, issues);

  if (table.lines !== undefined) {
    const lines = table.lines;
    const list = evaluate(lines.from, scope);
    if (!list.ok) issues.push(fieldIssue(record, lines.wms, list.error));
    else if (!isEmpty(list.value) && !Array.isArray(list.value)) {
      issues.push(fieldIssue(record, lines.wms, { value: list.value, reason: 'is not a list' }));
    } else if (Array.isArray(list.value) && list.value.length > 0) {
      target[lines.wms] = list.value.map((element, index) => {
        const item: CanonicalObject = {};
        writeRows(lines.rows, { ...scope, item: element }, item, `${lines.wms}[${index}]`, record, issues);
        return item;
      });
    }
  }
  return issues.length === 0 ? ok(target) : err(issues);
}

function writeRows(
  rows: readonly MappingRow[],
  scope: Scope,
  target: CanonicalObject,
  itemField: string,
  record: string,
  issues: FieldIssue[],
): void {
  for (const row of rows) {
    // In a line table `orderLines[].numberOfItems` lands in the item as `numberOfItems`; issues name
    // the line, `orderLines[2].numberOfItems`, so the user can find it.
    const path = itemField === '' ? row.wms : row.wms.slice(row.wms.indexOf('[].') + 3);
    const result = evaluate(row.from, scope);
    if (!result.ok) {
      const field = itemField === '' ? path : `${itemField}.${path}`;
      issues.push(fieldIssue(record, field, result.error));
    } else if (!isEmpty(result.value)) {
      setPath(target, path, result.value);
    }
  }
}

function fieldIssue(record: string, field: string, failure: EvaluationFailure): FieldIssue {
  return {
    record,
    field,
    ...(failure.value === undefined ? {} : { value: failure.value }),
    reason: failure.reason,
  };
}

/** Sets a dotted path, creating the objects on the way (`orderInfo.orderNotification.mobilePhone`). */
function setPath(target: CanonicalObject, path: string, value: unknown): void {
  const segments = pathSegments(path);
  let current = target;
  for (let i = 0; i < segments.length - 1; i++) {
    const segment = segments[i]!;
    const next = current[segment];
    if (typeof next === 'object' && next !== null) current = next as CanonicalObject;
    else {
      const created: CanonicalObject = {};
      current[segment] = created;
      current = created;
    }
  }
  current[segments[segments.length - 1]!] = value;
}
