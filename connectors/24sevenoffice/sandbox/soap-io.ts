import type { Context } from 'hono';
import { buildEnvelope, envelopeBody } from '../../../src/connectors/sdk/index.js';
import type { SoapOperation } from '../../../src/connectors/sdk/index.js';
import { ApiError } from '../../../src/connectors/sandbox/index.js';
import { namespace } from '../services.js';
import { wsdlOrderProblem } from './wsdl-order.js';

/*
 * The wire of an ASMX service, SOAP 1.1 document/literal (notes B1, B9): a request is routed on
 * its path and SOAPAction, its body read as the parser gives it (text, lists of one or more), and
 * the answer written in WSDL order by the SDK's envelope writer, so the sandbox cannot send a
 * member the WSDL does not have.
 */

export type XmlNode = Record<string, unknown>;

/** A SOAP fault to answer: ASMX sends every fault with HTTP 500 unless told otherwise. */
export const soapFault = (code: 'soap:Client' | 'soap:Server', message: string, status = 500) => new ApiError(status, message, code);

const isNode = (value: unknown): value is XmlNode => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The text of an element (`<a>x</a>` or `<a attr="…">x</a>`); undefined when absent or xsi:nil. */
export function text(node: unknown): string | undefined {
  if (node === undefined || node === null) return undefined;
  if (isNode(node)) return node['@_nil'] === 'true' ? undefined : typeof node['#text'] === 'string' ? node['#text'] : '';
  return String(node);
}

export const child = (node: unknown, name: string): unknown => (isNode(node) ? node[name] : undefined);

/** The items of a wrapped array (`<OrderIds><int>1</int><int>2</int></OrderIds>`). */
export function items(node: unknown, item: string): unknown[] {
  const found = child(node, item);
  return found === undefined ? [] : Array.isArray(found) ? found : [found];
}

export function int(node: unknown, where: string): number | undefined {
  const value = text(node)?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+$/.test(value)) throw soapFault('soap:Client', `Server was unable to read request. ---> There is an error in XML document. ---> Input string was not in a correct format (${where}: "${value}").`);
  return Number(value);
}

export function decimal(node: unknown, where: string): number | undefined {
  const value = text(node)?.trim();
  if (value === undefined || value === '') return undefined;
  if (!/^-?\d+(\.\d+)?$/.test(value)) throw soapFault('soap:Client', `Server was unable to read request. ---> There is an error in XML document. ---> Input string was not in a correct format (${where}: "${value}").`);
  return Number(value);
}

/** A dateTime read as UTC, as 24SevenOffice reads them [V B3]; DateTime.MinValue is "no filter". */
export function dateTime(node: unknown, where: string): Date | undefined {
  const value = text(node)?.trim();
  if (value === undefined || value === '' || value.startsWith('0001-01-01')) return undefined;
  const at = Date.parse(/[zZ]|[+-]\d\d:\d\d$/.test(value) ? value : `${value}Z`);
  if (Number.isNaN(at)) throw soapFault('soap:Client', `Server was unable to read request. ---> There is an error in XML document. ---> The string '${value}' is not a valid AllXsd value (${where}).`);
  return new Date(at);
}

export interface SoapRequest {
  operation: SoapOperation;
  body: XmlNode;
}

/**
 * The operation a request calls, from its body's element, checked against the SOAPAction header
 * as ASMX does: a missing or other action is a soap:Client fault with ASMX's own words.
 */
export async function readRequest(c: Context, operations: Readonly<Record<string, SoapOperation>>): Promise<SoapRequest> {
  const xml = await c.req.text();
  const body = envelopeBody(xml);
  if (!body) throw soapFault('soap:Client', 'Server was unable to read request. ---> There is an error in XML document (1, 1).', 400);
  const name = Object.keys(body).find((key) => !key.startsWith('@_') && key !== '#text') ?? '';
  const action = (c.req.header('SOAPAction') ?? '').replace(/^"|"$/g, '');
  const operation = operations[name];
  if (!operation) throw soapFault('soap:Client', `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`);
  if (action !== operation.soapAction) throw soapFault('soap:Client', `Server did not recognize the value of HTTP Header SOAPAction: ${action}.`);
  const misplaced = wsdlOrderProblem(xml, operation);
  if (misplaced) throw soapFault('soap:Client', `Server was unable to read request. ---> ${misplaced} (a .NET server would drop it silently).`);
  const wrapper = body[name];
  return { operation, body: isNode(wrapper) ? wrapper : {} };
}

/** The operation name a request's SOAPAction names, for labels and limits before the body is read. */
export const actionName = (c: Context): string => (c.req.header('SOAPAction') ?? '').replace(/^"|"$/g, '').replace(`${namespace}/`, '');

/** The answer `<OpResponse><OpResult>…</OpResult></OpResponse>` in WSDL order. */
export function respond(c: Context, operation: SoapOperation, result: unknown): Response {
  const [member] = operation.schema.elements[operation.output] ?? [];
  const xml = buildEnvelope({ ...operation, input: operation.output }, member && result !== undefined ? { [member.name]: result } : {});
  return c.body(xml, 200, { 'Content-Type': 'text/xml; charset=utf-8' });
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function faultResponse(c: Context, status: number, code: string, message: string): Response {
  const xml =
    '<?xml version="1.0" encoding="utf-8"?><soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xmlns:xsd="http://www.w3.org/2001/XMLSchema">' +
    `<soap:Body><soap:Fault><faultcode>${code}</faultcode><faultstring>${escape(message)}</faultstring><detail /></soap:Fault></soap:Body></soap:Envelope>`;
  return c.body(xml, status as 500, { 'Content-Type': 'text/xml; charset=utf-8' });
}
