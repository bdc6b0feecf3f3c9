import type { Expr, PathExpr, Scalar } from './expr.js';
import type { MappingRow, MappingTable } from './table.js';

/** One row as the UI and `wmsync connectors describe` show it, in the words of the seed tables. */
export interface DescribedRow {
  wms: string;
  from: string;
  overridden?: true;
}

/** The names that paths start from: the source record's, and the current item's (a line, an `each` element). */
interface Labels {
  record: string | undefined;
  item: string | undefined;
}

/**
 * The table in words, derived from the expressions themselves so that what the user reads is what
 * runs: `{ kind: 'path', path: 'shipping_address.street_address' }` under the label "Order" reads
 * "Order ⇒ Shipping address ⇒ Street address".
 */
export function describeMapping(table: MappingTable): DescribedRow[] {
  const header: Labels = { record: table.label, item: table.label };
  const rows = table.rows.map((row) => describeRow(row, header));
  if (table.lines === undefined) return rows;
  const lineLabel = table.lines.label ?? describeList(table.lines.from, header).subject;
  const lines: Labels = { record: table.label, item: lineLabel };
  return [...rows, ...table.lines.rows.map((row) => describeRow(row, lines))];
}

/** One expression in words; `label` names the source record (and the root of its paths). */
export function describeExpr(expr: Expr, label?: string): string {
  return describe(expr, { record: label, item: label });
}

function describeRow(row: MappingRow, labels: Labels): DescribedRow {
  return { wms: row.wms, from: describe(row.from, labels), ...(row.overridden === true ? { overridden: true } : {}) };
}

function describe(expr: Expr, labels: Labels): string {
  switch (expr.kind) {
    case 'path':
      return pathSegments(expr, labels).join(' ⇒ ');
    case 'const':
      return `Fixed value ${JSON.stringify(expr.value)}`;
    case 'setting':
      return `Integration setting ⇒ ${humanise(expr.name)}`;
    case 'firstOf':
      return describeOperands(expr.of, labels).join(' or ');
    case 'join':
      return describeJoin(expr.parts, expr.separator, labels);
    case 'multiply':
      return describeOperands(expr.of, labels).join(' x ');
    case 'sum':
      return describeOperands(expr.of, labels).join(' + ');
    case 'round':
      return `${describe(expr.value, labels)} rounded to ${expr.decimals} decimal${expr.decimals === 1 ? '' : 's'}`;
    case 'toNumber':
    case 'toText':
      // The conversion is implied by the WMS field's type; the seeds never mention it.
      return describe(expr.value, labels);
    case 'convertWeight':
      return describeWeight(expr.value, expr.unit, expr.unitFrom, labels);
    case 'countryToIso':
      return `${describe(expr.value, labels)} (as an ISO country code)`;
    case 'languageToCode':
      return `${describe(expr.value, labels)} (as a language code)`;
    case 'ifExists':
      return describeIfExists(expr.test, expr.then, expr.else, labels);
    case 'filter':
    case 'pluck':
    case 'each': {
      const list = describeList(expr, labels);
      return list.condition === undefined ? list.subject : `${list.subject}, ${list.condition}`;
    }
    case 'lookup': {
      const translated = `${describe(expr.value, labels)} translated by the "${expr.table}" table`;
      return expr.default === undefined ? translated : `${translated}, otherwise ${describe(expr.default, labels)}`;
    }
    case 'equals':
      return `${describe(expr.value, labels)} is ${describeChoices(expr.oneOf, expr.ignoreCase)}`;
    case 'not':
      return `not ${describe(expr.value, labels)}`;
  }
}

function pathSegments(expr: PathExpr, labels: Labels): string[] {
  if (expr.label !== undefined) return [expr.label];
  const root = expr.scope === 'record' ? labels.record : labels.item;
  const segments = expr.path.split('.').map(humanise);
  return root === undefined ? segments : [root, ...segments];
}

/**
 * Operands in words. Paths under one parent name it once, as the seeds do:
 * "Order line ⇒ Unit price x Quantity" rather than repeating "Order line ⇒" for the quantity.
 */
function describeOperands(operands: readonly Expr[], labels: Labels): string[] {
  const parent = sharedParent(operands, labels);
  if (parent === undefined) return operands.map((operand) => describe(operand, labels));
  return operands.map((operand, index) => {
    const segments = pathSegments(operand as PathExpr, labels);
    return index === 0 ? segments.join(' ⇒ ') : (segments.at(-1) ?? '');
  });
}

/** The segments that every operand's path shares before its last one, when all operands are plain paths. */
function sharedParent(operands: readonly Expr[], labels: Labels): string[] | undefined {
  if (operands.length < 2) return undefined;
  const parents = operands.map((operand) =>
    operand.kind === 'path' && operand.label === undefined ? pathSegments(operand, labels).slice(0, -1) : undefined,
  );
  const first = parents[0];
  if (first === undefined || first.length === 0) return undefined;
  const same = parents.every((p) => p !== undefined && p.join(' ⇒ ') === first.join(' ⇒ '));
  return same ? first : undefined;
}

/**
 * A join of names with a space is "First name + Last name"; any other separator is a combination,
 * shown with its template as the seeds do: "Combination of X and Y ([X] - [Y])".
 */
function describeJoin(parts: readonly Expr[], separator: string, labels: Labels): string {
  const described = describeOperands(parts, labels);
  if (separator.trim() === '' && !separator.includes('\n') && parts.length > 1) return described.join(' + ');
  const last = described.at(-1) ?? '';
  const listed = described.length === 1 ? last : `${described.slice(0, -1).join(', ')} and ${last}`;
  if (parts.length === 1) return `Combination of ${listed}`;
  if (separator.includes('\n')) return `Combination of ${listed} (one per line)`;
  const shared = sharedParent(parts, labels) !== undefined;
  const template = parts.map((part) => `[${shortName(part, labels, shared)}]`).join(separator);
  return `Combination of ${listed} (${template})`;
}

/** "Product name" for the template: the last segment, after its parent when parents differ. */
function shortName(part: Expr, labels: Labels, sharedParent: boolean): string {
  if (part.kind !== 'path') return describe(part, labels);
  const segments = pathSegments(part, labels);
  const last = segments.at(-1) ?? '';
  const parent = segments.at(-2);
  return sharedParent || parent === undefined ? last : `${parent} ${last.toLowerCase()}`;
}

function describeWeight(value: Expr, unit: string, unitFrom: Expr | undefined, labels: Labels): string {
  const weight = describe(value, labels);
  if (unitFrom !== undefined) {
    return `${weight} (converted to kg from the unit in ${describe(unitFrom, labels)}, or ${unit})`;
  }
  return unit === 'kg' ? weight : `${weight} (converted from ${unit} to kg)`;
}

function describeIfExists(test: Expr, then: Expr, otherwise: Expr | undefined, labels: Labels): string {
  // A flag set when a field is present ("Notify by SMS: if exists … phone") reads as the seeds write it.
  const isFlag =
    then.kind === 'const' &&
    then.value === true &&
    (otherwise === undefined || (otherwise.kind === 'const' && otherwise.value === false));
  if (isFlag) return `if exists ${describe(test, labels)}`;
  const chosen = `${describe(then, labels)} if ${describe(test, labels)} exists`;
  return otherwise === undefined ? chosen : `${chosen}, otherwise ${describe(otherwise, labels)}`;
}

interface ListDescription {
  subject: string;
  condition?: string;
}

/**
 * A list in words, with its condition kept apart so that a field taken from filtered items reads
 * "Order ⇒ Comments ⇒ Text, where the visibility is "Public"".
 */
function describeList(expr: Expr, labels: Labels): ListDescription {
  switch (expr.kind) {
    case 'filter': {
      const list = describeList(expr.list, labels);
      const field = expr.field.split('.').map(humanise).join(' ⇒ ').toLowerCase();
      const condition = `the ${field} is ${describeChoices(expr.oneOf, expr.ignoreCase)}`;
      return {
        subject: list.subject,
        condition: list.condition === undefined ? `where ${condition}` : `${list.condition} and ${condition}`,
      };
    }
    case 'pluck': {
      const list = describeList(expr.list, labels);
      const subject = [list.subject, ...expr.field.split('.').map(humanise)].join(' ⇒ ');
      return list.condition === undefined ? { subject } : { subject, condition: list.condition };
    }
    case 'each': {
      const list = describeList(expr.list, labels);
      const subject = describe(expr.item, { record: labels.record, item: list.subject });
      return list.condition === undefined ? { subject } : { subject, condition: list.condition };
    }
    default:
      return { subject: describe(expr, labels) };
  }
}

function describeChoices(oneOf: readonly Scalar[], ignoreCase: boolean | undefined): string {
  const choices = oneOf.map((value) => JSON.stringify(value)).join(' or ');
  return ignoreCase === true ? `${choices} (in any case)` : choices;
}

/**
 * A source field name in words: `street_address`, `streetAddress` and `street-address` are all
 * "Street address"; acronyms such as `EAN1` stay; a list index `0` is "#1".
 */
function humanise(segment: string): string {
  if (/^\d+$/.test(segment)) return `#${Number(segment) + 1}`;
  const words = segment
    .replace(/([a-z0-9])([A-Z])/g, '$1 $2')
    .split(/[\s_-]+/)
    .filter((word) => word !== '')
    .map((word) => (/^[A-Z0-9]{2,}$/.test(word) ? word : word.toLowerCase()));
  const sentence = words.join(' ');
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}
