/**
 * The mapping engine: seed tables as data (rows of canonical path ← expression), evaluated into
 * canonical records, described in words for the UI and CLI, and overridden per integration.
 */
export { applyMapping } from './apply.js';
export { canonicalLists, canonicalPaths, mappingTargets } from './canonical-paths.js';
export type { MappingTarget } from './canonical-paths.js';
export type { MappingContext } from './context.js';
export { describeExpr, describeMapping } from './describe.js';
export type { DescribedRow } from './describe.js';
export { exprSchema, weightUnits } from './expr.js';
export type { Expr, Scalar, WeightUnit } from './expr.js';
export { expr } from './expr-builders.js';
export { applyOverrides, mappingOverrideSchema } from './overrides.js';
export type { MappingOverride } from './overrides.js';
export { checkMappingTable, defineMappingTable, mappingTableSchema, parseMappingTable } from './table.js';
export type { LineTable, MappingRow, MappingTable } from './table.js';
