import type { Result } from '../kernel/result.js';
import { err, ok } from '../kernel/result.js';
import type { MappingContext } from './context.js';
import type { Expr, Scalar, WeightUnit } from './expr.js';
import { isEmpty, readSourcePath } from './source-value.js';
import { countryToIsoCode } from './transforms/country.js';
import { languageToIsoCode } from './transforms/language.js';
import { parseNumber, roundTo, withoutFloatNoise } from './transforms/number.js';
import { sameScalar, toTextValue } from './transforms/text.js';
import { parseWeightUnit, toKilograms } from './transforms/weight.js';

/** Why an expression could not produce a value, and the source value it stumbled on. */
export interface EvaluationFailure {
  value: unknown;
  reason: string;
}
type Evaluation = Result<unknown, EvaluationFailure>;

/** Where paths read from: the whole source record, and the current item (the record itself at the top). */
export interface Scope {
  record: unknown;
  item: unknown;
  context: MappingContext;
}

const fail = (value: unknown, reason: string): Evaluation => err({ value, reason });
const none: Evaluation = ok(undefined);

/** Evaluates an expression. Empty inputs give an empty result, not a failure: the field is just left out. */
export function evaluate(expr: Expr, scope: Scope): Evaluation {
  switch (expr.kind) {
    case 'path':
      return ok(readSourcePath(expr.scope === 'record' ? scope.record : scope.item, expr.path));
    case 'const':
      return ok(expr.value);
    case 'setting':
      return ok(scope.context.settings?.[expr.name]);
    case 'firstOf':
      for (const operand of expr.of) {
        const result = evaluate(operand, scope);
        if (!result.ok || !isEmpty(result.value)) return result;
      }
      return none;
    case 'join':
      return evaluateJoin(expr.parts, expr.separator, scope);
    case 'multiply':
      return evaluateArithmetic(expr.of, scope, 'multiply');
    case 'sum':
      return evaluateArithmetic(expr.of, scope, 'sum');
    case 'round':
      return mapNumber(evaluate(expr.value, scope), (n) => ok(roundTo(n, expr.decimals)));
    case 'toNumber':
      return mapNumber(evaluate(expr.value, scope), (n) => ok(n));
    case 'toText':
      return mapPresent(evaluate(expr.value, scope), (v) => withValue(v, toTextValue(v)));
    case 'convertWeight':
      return evaluateWeight(expr.value, expr.unit, expr.unitFrom, scope);
    case 'countryToIso':
      return mapText(evaluate(expr.value, scope), countryToIsoCode);
    case 'languageToCode':
      return mapText(evaluate(expr.value, scope), languageToIsoCode);
    case 'ifExists': {
      const test = evaluate(expr.test, scope);
      if (!test.ok) return test;
      if (!isEmpty(test.value)) return evaluate(expr.then, scope);
      return expr.else === undefined ? none : evaluate(expr.else, scope);
    }
    case 'filter':
      return mapList(evaluate(expr.list, scope), (items) =>
        ok(items.filter((item) => matches(readSourcePath(item, expr.field), expr.oneOf, expr.ignoreCase))),
      );
    case 'pluck':
      return mapList(evaluate(expr.list, scope), (items) =>
        ok(items.map((item) => readSourcePath(item, expr.field)).filter((v) => !isEmpty(v))),
      );
    case 'each':
      return mapList(evaluate(expr.list, scope), (items) => evaluateEach(items, expr.item, scope));
    case 'lookup':
      return evaluateLookup(expr.table, expr.value, expr.default, expr.required === true, scope);
    case 'equals': {
      const value = evaluate(expr.value, scope);
      return value.ok ? ok(matches(value.value, expr.oneOf, expr.ignoreCase)) : value;
    }
    case 'not':
      return mapPresent(evaluate(expr.value, scope), (v) =>
        typeof v === 'boolean' ? ok(!v) : fail(v, 'is not true or false'),
      );
  }
}

function matches(value: unknown, oneOf: readonly Scalar[], ignoreCase = false): boolean {
  return oneOf.some((wanted) => sameScalar(value, wanted, ignoreCase));
}

function withValue<T>(value: unknown, result: Result<T, string>): Evaluation {
  return result.ok ? result : fail(value, result.error);
}

/** Applies `next` to a non-empty value; failures and empties pass through unchanged. */
function mapPresent(result: Evaluation, next: (value: unknown) => Evaluation): Evaluation {
  return !result.ok || isEmpty(result.value) ? result : next(result.value);
}

function mapNumber(result: Evaluation, next: (n: number) => Evaluation): Evaluation {
  return mapPresent(result, (v) => {
    const n = parseNumber(v);
    return n.ok ? next(n.value) : fail(v, n.error);
  });
}

function mapText(result: Evaluation, next: (text: string) => Result<string, string>): Evaluation {
  return mapPresent(result, (v) => {
    const text = toTextValue(v);
    return withValue(v, text.ok ? next(text.value) : text);
  });
}

function mapList(result: Evaluation, next: (items: readonly unknown[]) => Evaluation): Evaluation {
  if (!result.ok) return result;
  if (isEmpty(result.value)) return ok([]);
  return Array.isArray(result.value) ? next(result.value) : fail(result.value, 'is not a list');
}

function evaluateJoin(parts: readonly Expr[], separator: string, scope: Scope): Evaluation {
  const texts: string[] = [];
  for (const part of parts) {
    const result = evaluate(part, scope);
    if (!result.ok) return result;
    for (const value of Array.isArray(result.value) ? result.value : [result.value]) {
      if (isEmpty(value)) continue;
      const text = toTextValue(value);
      if (!text.ok) return fail(value, text.error);
      texts.push(text.value);
    }
  }
  return ok(texts.join(separator));
}

function evaluateArithmetic(operands: readonly Expr[], scope: Scope, operation: 'multiply' | 'sum'): Evaluation {
  const numbers: number[] = [];
  let missing = false;
  for (const operand of operands) {
    const result = evaluate(operand, scope);
    if (!result.ok) return result;
    if (isEmpty(result.value)) {
      missing = true;
      continue;
    }
    const n = parseNumber(result.value);
    if (!n.ok) return fail(result.value, n.error);
    numbers.push(n.value);
  }
  // A product with a missing factor is unknown; a sum just leaves the missing term out. Every
  // operand is still read first, so a bad one is reported even next to a missing one.
  if (numbers.length === 0 || (missing && operation === 'multiply')) return none;
  const total = operation === 'multiply' ? numbers.reduce((a, b) => a * b, 1) : numbers.reduce((a, b) => a + b, 0);
  return ok(withoutFloatNoise(total));
}

function evaluateWeight(value: Expr, unit: WeightUnit, unitFrom: Expr | undefined, scope: Scope): Evaluation {
  let effectiveUnit = unit;
  if (unitFrom !== undefined) {
    const recordUnit = evaluate(unitFrom, scope);
    if (!recordUnit.ok) return recordUnit;
    if (!isEmpty(recordUnit.value)) {
      const parsed = parseWeightUnit(recordUnit.value);
      if (!parsed.ok) return fail(recordUnit.value, parsed.error);
      effectiveUnit = parsed.value;
    }
  }
  return mapNumber(evaluate(value, scope), (n) => ok(toKilograms(n, effectiveUnit)));
}

function evaluateEach(items: readonly unknown[], item: Expr, scope: Scope): Evaluation {
  const values: unknown[] = [];
  for (const element of items) {
    const result = evaluate(item, { ...scope, item: element });
    if (!result.ok) return result;
    if (!isEmpty(result.value)) values.push(result.value);
  }
  return ok(values);
}

function evaluateLookup(
  table: string,
  value: Expr,
  fallback: Expr | undefined,
  required: boolean,
  scope: Scope,
): Evaluation {
  const key = evaluate(value, scope);
  if (!key.ok) return key;
  if (isEmpty(key.value)) return fallback === undefined ? none : evaluate(fallback, scope);
  const text = toTextValue(key.value);
  if (!text.ok) return fail(key.value, text.error);
  const entries = scope.context.lookups?.[table] ?? {};
  const found = Object.hasOwn(entries, text.value) ? entries[text.value] : findIgnoringCase(entries, text.value);
  if (found !== undefined) return ok(found);
  if (fallback !== undefined) return evaluate(fallback, scope);
  return required ? fail(key.value, `has no entry in the "${table}" table`) : ok(key.value);
}

function findIgnoringCase(entries: Readonly<Record<string, string>>, key: string): string | undefined {
  const wanted = key.toLowerCase();
  return Object.entries(entries).find(([k]) => k.toLowerCase() === wanted)?.[1];
}
