import { z } from 'zod';

/**
 * A mapping expression: where a canonical field's value comes from, as data.
 * Each kind is one named transform; there is no string expression language, so an expression can
 * be stored as JSON (per-integration overrides), validated with `exprSchema`, evaluated, and
 * described in words for the UI from the very same object.
 */
export type Expr =
  | PathExpr
  | ConstExpr
  | SettingExpr
  | FirstOfExpr
  | JoinExpr
  | MultiplyExpr
  | SumExpr
  | RoundExpr
  | ToNumberExpr
  | ToTextExpr
  | ConvertWeightExpr
  | CountryToIsoExpr
  | LanguageToCodeExpr
  | IfExistsExpr
  | FilterExpr
  | PluckExpr
  | EachExpr
  | LookupExpr
  | EqualsExpr
  | NotExpr;

export type Scalar = string | number | boolean;

/**
 * A dotted source path such as `shipping_address.street_address`; a numeric segment indexes a list.
 * It reads from the current scope: the source record, or in a line table (and inside `each`) the
 * current item. `scope: 'record'` reads from the whole source record instead, e.g. an order's
 * currency on each of its lines.
 */
export interface PathExpr {
  kind: 'path';
  path: string;
  scope?: 'record';
  /** How the system's own documentation names the field; replaces the derived "Root ⇒ Field" text. */
  label?: string;
}
export interface ConstExpr {
  kind: 'const';
  value: Scalar;
}
/** A per-integration setting from the mapping context, e.g. a fixed currency code. */
export interface SettingExpr {
  kind: 'setting';
  name: string;
}
/** The first operand that is not empty. */
export interface FirstOfExpr {
  kind: 'firstOf';
  of: Expr[];
}
/** Text of the non-empty parts (lists are flattened) joined by `separator`. */
export interface JoinExpr {
  kind: 'join';
  separator: string;
  parts: Expr[];
}
/** Product of the operands; empty when any operand is empty. */
export interface MultiplyExpr {
  kind: 'multiply';
  of: Expr[];
}
/** Sum of the non-empty operands; empty when all are empty. */
export interface SumExpr {
  kind: 'sum';
  of: Expr[];
}
export interface RoundExpr {
  kind: 'round';
  value: Expr;
  decimals: number;
}
export interface ToNumberExpr {
  kind: 'toNumber';
  value: Expr;
}
export interface ToTextExpr {
  kind: 'toText';
  value: Expr;
}
export const weightUnits = ['g', 'kg', 'lb', 'oz'] as const;
export type WeightUnit = (typeof weightUnits)[number];
/** A weight in kg, the canonical unit. `unitFrom` reads the unit from the record when it carries one. */
export interface ConvertWeightExpr {
  kind: 'convertWeight';
  value: Expr;
  unit: WeightUnit;
  unitFrom?: Expr;
}
export interface CountryToIsoExpr {
  kind: 'countryToIso';
  value: Expr;
}
export interface LanguageToCodeExpr {
  kind: 'languageToCode';
  value: Expr;
}
/** `then` when `test` is not empty, else `else` (or nothing). */
export interface IfExistsExpr {
  kind: 'ifExists';
  test: Expr;
  then: Expr;
  else?: Expr;
}
/** The items of a list whose `field` equals one of `oneOf`. */
export interface FilterExpr {
  kind: 'filter';
  list: Expr;
  field: string;
  oneOf: Scalar[];
  ignoreCase?: boolean;
}
/** The non-empty values of `field` in each item of a list. */
export interface PluckExpr {
  kind: 'pluck';
  list: Expr;
  field: string;
}
/** `item` evaluated for each item of a list, with paths read from the item. */
export interface EachExpr {
  kind: 'each';
  list: Expr;
  item: Expr;
}
/**
 * Translates a value through a per-integration table from the mapping context (say, shipping
 * method → way of delivery code). Not found: `default` when given, an error when `required`,
 * otherwise the value itself.
 */
export interface LookupExpr {
  kind: 'lookup';
  table: string;
  value: Expr;
  default?: Expr;
  required?: boolean;
}
export interface EqualsExpr {
  kind: 'equals';
  value: Expr;
  oneOf: Scalar[];
  ignoreCase?: boolean;
}
export interface NotExpr {
  kind: 'not';
  value: Expr;
}

const scalarSchema = z.union([z.string(), z.number(), z.boolean()]);
const sourcePathSchema = z
  .string()
  .regex(/^[A-Za-z0-9_$@-]+(\.[A-Za-z0-9_$@-]+)*$/, 'must be a dotted path such as "shipping_address.city"');

/** Validates an expression from JSON, e.g. an override before it is saved. Unknown keys are refused. */
export const exprSchema: z.ZodType<Expr> = z.lazy(() =>
  z.discriminatedUnion('kind', [
    z.strictObject({
      kind: z.literal('path'),
      path: sourcePathSchema,
      scope: z.literal('record').optional(),
      label: z.string().min(1).optional(),
    }),
    z.strictObject({ kind: z.literal('const'), value: scalarSchema }),
    z.strictObject({ kind: z.literal('setting'), name: z.string().min(1) }),
    z.strictObject({ kind: z.literal('firstOf'), of: z.array(exprSchema).min(1) }),
    z.strictObject({ kind: z.literal('join'), separator: z.string(), parts: z.array(exprSchema).min(1) }),
    z.strictObject({ kind: z.literal('multiply'), of: z.array(exprSchema).min(2) }),
    z.strictObject({ kind: z.literal('sum'), of: z.array(exprSchema).min(1) }),
    z.strictObject({ kind: z.literal('round'), value: exprSchema, decimals: z.number().int().min(0).max(10) }),
    z.strictObject({ kind: z.literal('toNumber'), value: exprSchema }),
    z.strictObject({ kind: z.literal('toText'), value: exprSchema }),
    z.strictObject({
      kind: z.literal('convertWeight'),
      value: exprSchema,
      unit: z.enum(weightUnits),
      unitFrom: exprSchema.optional(),
    }),
    z.strictObject({ kind: z.literal('countryToIso'), value: exprSchema }),
    z.strictObject({ kind: z.literal('languageToCode'), value: exprSchema }),
    z.strictObject({ kind: z.literal('ifExists'), test: exprSchema, then: exprSchema, else: exprSchema.optional() }),
    z.strictObject({
      kind: z.literal('filter'),
      list: exprSchema,
      field: sourcePathSchema,
      oneOf: z.array(scalarSchema).min(1),
      ignoreCase: z.boolean().optional(),
    }),
    z.strictObject({ kind: z.literal('pluck'), list: exprSchema, field: sourcePathSchema }),
    z.strictObject({ kind: z.literal('each'), list: exprSchema, item: exprSchema }),
    z.strictObject({
      kind: z.literal('lookup'),
      table: z.string().min(1),
      value: exprSchema,
      default: exprSchema.optional(),
      required: z.boolean().optional(),
    }),
    z.strictObject({
      kind: z.literal('equals'),
      value: exprSchema,
      oneOf: z.array(scalarSchema).min(1),
      ignoreCase: z.boolean().optional(),
    }),
    z.strictObject({ kind: z.literal('not'), value: exprSchema }),
  ]),
);
