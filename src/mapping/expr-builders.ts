import type {
  EqualsExpr,
  Expr,
  FilterExpr,
  LookupExpr,
  PathExpr,
  Scalar,
  WeightUnit,
} from './expr.js';

/**
 * Short constructors for expressions, so that a connector's mapping table reads like the seed's
 * table. They build plain data; `expr.path('id')` is `{ kind: 'path', path: 'id' }`.
 */
export const expr = {
  path: (path: string, options: Omit<PathExpr, 'kind' | 'path'> = {}): Expr => ({ kind: 'path', path, ...options }),
  /** Reads from the whole source record while inside a line table or `each`. */
  recordPath: (path: string, label?: string): Expr => ({
    kind: 'path',
    path,
    scope: 'record',
    ...(label === undefined ? {} : { label }),
  }),
  constant: (value: Scalar): Expr => ({ kind: 'const', value }),
  setting: (name: string): Expr => ({ kind: 'setting', name }),
  firstOf: (...of: Expr[]): Expr => ({ kind: 'firstOf', of }),
  join: (separator: string, ...parts: Expr[]): Expr => ({ kind: 'join', separator, parts }),
  multiply: (...of: Expr[]): Expr => ({ kind: 'multiply', of }),
  sum: (...of: Expr[]): Expr => ({ kind: 'sum', of }),
  round: (value: Expr, decimals: number): Expr => ({ kind: 'round', value, decimals }),
  toNumber: (value: Expr): Expr => ({ kind: 'toNumber', value }),
  toText: (value: Expr): Expr => ({ kind: 'toText', value }),
  convertWeight: (value: Expr, unit: WeightUnit, unitFrom?: Expr): Expr => ({
    kind: 'convertWeight',
    value,
    unit,
    ...(unitFrom === undefined ? {} : { unitFrom }),
  }),
  countryToIso: (value: Expr): Expr => ({ kind: 'countryToIso', value }),
  languageToCode: (value: Expr): Expr => ({ kind: 'languageToCode', value }),
  ifExists: (test: Expr, then: Expr, otherwise?: Expr): Expr => ({
    kind: 'ifExists',
    test,
    then,
    ...(otherwise === undefined ? {} : { else: otherwise }),
  }),
  filter: (list: Expr, field: string, oneOf: Scalar[], options: Pick<FilterExpr, 'ignoreCase'> = {}): Expr => ({
    kind: 'filter',
    list,
    field,
    oneOf,
    ...options,
  }),
  pluck: (list: Expr, field: string): Expr => ({ kind: 'pluck', list, field }),
  each: (list: Expr, item: Expr): Expr => ({ kind: 'each', list, item }),
  lookup: (table: string, value: Expr, options: Pick<LookupExpr, 'default' | 'required'> = {}): Expr => ({
    kind: 'lookup',
    table,
    value,
    ...options,
  }),
  equals: (value: Expr, oneOf: Scalar[], options: Pick<EqualsExpr, 'ignoreCase'> = {}): Expr => ({
    kind: 'equals',
    value,
    oneOf,
    ...options,
  }),
  not: (value: Expr): Expr => ({ kind: 'not', value }),
} satisfies Record<string, (...args: never[]) => Expr>;
