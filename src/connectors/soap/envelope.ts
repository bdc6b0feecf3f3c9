import { XMLBuilder, XMLParser, XMLValidator } from 'fast-xml-parser';
import { WmsyncError } from '../../kernel/errors.js';
import { listItem } from './operation.js';
import type { SoapField, SoapOperation, SoapSchema } from './operation.js';

/*
 * SOAP 1.1 envelopes for document/literal operations. The request is written in the WSDL's
 * sequence order whatever the order of the caller's object, because .NET's XmlSerializer drops
 * members that arrive out of order without a word; a member the WSDL does not have is refused for
 * the same reason. The response is read by the schema: repeated members are always arrays, numbers
 * and booleans are typed, and .NET's "unset" values (MinValue) are left out.
 */

const soapNs = 'http://schemas.xmlsoap.org/soap/envelope/';
const attr = '@_';
const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: attr, suppressBooleanAttributes: false });
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: attr,
  removeNSPrefix: true,
  parseTagValue: false,
  // Text inside an element is the value as sent; only the layout whitespace between elements goes.
  trimValues: false,
  htmlEntities: true,
});

const numberTypes = new Set(['int', 'long', 'short', 'byte', 'unsignedInt', 'unsignedLong', 'unsignedShort', 'unsignedByte', 'decimal', 'double', 'float']);
/** What .NET writes for a member nobody set: Int32/Int16/Int64/Decimal/Double.MinValue and DateTime.MinValue. */
const unsetValues = new Set([
  '-2147483648',
  '-32768',
  '-9223372036854775808',
  '-79228162514264337593543950335',
  '-1.7976931348623157E+308',
  '-1.79769313486232E+308',
  '0001-01-01T00:00:00',
]);

/** A plain decimal, never exponent form (`1e-7`), which an xs:decimal does not accept. */
const plainNumber = (n: number) => (Number.isFinite(n) ? n.toLocaleString('en-US', { useGrouping: false, maximumFractionDigits: 20 }) : String(n));
/** UTC without a zone: the services read times as UTC, and a `Z` would make .NET turn it into server-local time. */
const plainDateTime = (d: Date) => d.toISOString().slice(0, 19);

function scalarText(value: unknown, where: string): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return plainNumber(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  if (value instanceof Date) return plainDateTime(value);
  throw new WmsyncError('system', `${where}: a ${typeof value} cannot be written as a simple value`);
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof Date);

function writeValue(schema: SoapSchema, type: string, value: unknown, where: string): unknown {
  if (value === null) return { [`${attr}xsi:nil`]: 'true' };
  const item = listItem(schema, type);
  if (item && Array.isArray(value)) return { [item.name]: value.map((v, i) => writeValue(schema, item.type, v, `${where}[${i}]`)) };
  const fields = schema.types[type];
  if (!fields) return scalarText(value, where);
  if (!isObject(value)) throw new WmsyncError('system', `${where}: expected the members of ${type}`);
  return writeMembers(schema, fields, value, where);
}

function writeMembers(schema: SoapSchema, fields: readonly SoapField[], value: Record<string, unknown>, where: string): Record<string, unknown> {
  const known = new Set(fields.map((f) => f.name));
  const unknown = Object.keys(value).filter((key) => !known.has(key) && value[key] !== undefined);
  if (unknown.length > 0) throw new WmsyncError('system', `${where}: ${unknown.join(', ')} not in the WSDL (members: ${[...known].join(', ')})`);
  const node: Record<string, unknown> = {};
  for (const field of fields) {
    const member = value[field.name];
    if (member === undefined) continue;
    const path = `${where}.${field.name}`;
    node[field.name] = field.repeated
      ? (Array.isArray(member) ? member : [member]).map((v, i) => writeValue(schema, field.type, v, `${path}[${i}]`))
      : writeValue(schema, field.type, member, path);
  }
  return node;
}

/** The request envelope: the operation's wrapper element in the schema's namespace, its members in WSDL order. */
export function buildEnvelope(operation: SoapOperation, body: Record<string, unknown>): string {
  const fields = operation.schema.elements[operation.input];
  if (!fields) throw new WmsyncError('system', `SOAP operation ${operation.name}: its input element ${operation.input} is not in the schema`);
  const wrapper = { [`${attr}xmlns`]: operation.schema.namespace, ...writeMembers(operation.schema, fields, body, operation.name) };
  const envelope = {
    'soap:Envelope': {
      [`${attr}xmlns:soap`]: soapNs,
      [`${attr}xmlns:xsi`]: 'http://www.w3.org/2001/XMLSchema-instance',
      [`${attr}xmlns:xsd`]: 'http://www.w3.org/2001/XMLSchema',
      'soap:Body': { [operation.input]: wrapper },
    },
  };
  return `<?xml version="1.0" encoding="utf-8"?>${builder.build(envelope) as string}`;
}

type Node = Record<string, unknown>;

/** The parsed Body of an envelope; undefined when the text is not a SOAP envelope. */
export function envelopeBody(text: string): Node | undefined {
  if (XMLValidator.validate(text) !== true) return undefined;
  const parsed = parser.parse(text) as Node;
  const body = (parsed.Envelope as Node | undefined)?.Body;
  return isObject(body) ? body : undefined;
}

const textOf = (node: unknown): string => (isObject(node) ? String(node['#text'] ?? '') : String(node ?? ''));

function readScalar(type: string, node: unknown): unknown {
  const text = textOf(node);
  if (unsetValues.has(text)) return undefined;
  if (numberTypes.has(type)) return text.trim() === '' ? undefined : Number(text);
  if (type === 'boolean') return text.trim() === 'true' || text.trim() === '1';
  return text;
}

function readValue(schema: SoapSchema, type: string, node: unknown): unknown {
  if (isObject(node) && node[`${attr}nil`] === 'true') return null;
  const item = listItem(schema, type);
  if (item) {
    const items = isObject(node) ? node[item.name] : undefined;
    return items === undefined ? [] : (Array.isArray(items) ? items : [items]).map((v) => readValue(schema, item.type, v));
  }
  const fields = schema.types[type];
  if (!fields) return readScalar(type, node);
  return readMembers(schema, fields, isObject(node) ? node : {});
}

function readMembers(schema: SoapSchema, fields: readonly SoapField[], node: Node): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  const byName = new Map(fields.map((f) => [f.name, f]));
  for (const [name, member] of Object.entries(node)) {
    if (name.startsWith(attr) || name === '#text') continue;
    const field = byName.get(name);
    // A member a newer server added is kept as parsed, so a connector can still read it.
    if (!field) {
      value[name] = member;
      continue;
    }
    const read = field.repeated
      ? (Array.isArray(member) ? member : [member]).map((v) => readValue(schema, field.type, v))
      : readValue(schema, field.type, member);
    if (read !== undefined) value[name] = read;
  }
  return value;
}

/**
 * The operation's result (the first member of its response wrapper, typed by the schema), or
 * undefined for an operation that returns nothing. A response that is not the envelope expected
 * is the remote's malformed data, kind `record`.
 */
export function parseResult(operation: SoapOperation, text: string, where: string): unknown {
  const body = envelopeBody(text);
  const response = body?.[operation.output];
  if (response === undefined) throw new WmsyncError('record', `${where}: the response is not a ${operation.output} envelope`);
  const [result] = operation.schema.elements[operation.output] ?? [];
  if (!result) return undefined;
  const members = readMembers(operation.schema, [result], isObject(response) ? response : {});
  return members[result.name];
}

/** A SOAP 1.1 Fault (SOAP 1.2's Code and Reason are read too). */
export interface SoapFault {
  /** `soap:Client`, `soap:Server`, … as sent. */
  code: string;
  message: string;
}

/** The fault in a response body; undefined when there is none. */
export function parseFault(text: string): SoapFault | undefined {
  if (!/<([\w-]+:)?Fault[\s>]/.test(text)) return undefined;
  const fault = envelopeBody(text)?.Fault;
  if (!isObject(fault)) return undefined;
  const code = textOf(fault.faultcode ?? (fault.Code as Node | undefined)?.Value);
  const message = textOf(fault.faultstring ?? (fault.Reason as Node | undefined)?.Text).trim();
  return { code, message };
}
