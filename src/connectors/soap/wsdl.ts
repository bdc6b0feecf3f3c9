import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WmsyncError } from '../../kernel/errors.js';
import type { SoapField, SoapOperation, SoapSchema } from './operation.js';

/** The operations of one service, read from its WSDL. */
export interface SoapService {
  name: string;
  /** The SOAP 1.1 port's address. */
  address: string;
  schema: SoapSchema;
  operations: Readonly<Record<string, SoapOperation>>;
}

type Node = Record<string, unknown>;

const lists = new Set(['element', 'complexType', 'simpleType', 'operation', 'message', 'part', 'port', 'schema', 'binding']);
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@_',
  removeNSPrefix: true,
  isArray: (name) => lists.has(name),
});

const localName = (qualified: unknown): string => String(qualified ?? '').replace(/^[^:]*:/, '');
const all = (node: unknown, key: string): Node[] => ((node as Node | undefined)?.[key] as Node[] | undefined) ?? [];

function sequenceOf(complexType: Node | undefined): SoapField[] {
  const sequence = (complexType?.sequence as Node | undefined) ?? {};
  return all(sequence, 'element').map((element) => ({
    name: String(element['@_name']),
    type: localName(element['@_type']),
    repeated: element['@_maxOccurs'] === 'unbounded' || Number(element['@_maxOccurs'] ?? 1) > 1,
  }));
}

/**
 * Reads a document/literal WSDL as ASMX writes it: sequences of elements (no choice, no
 * extension), enums as simple types (read as text), the SOAP 1.1 binding's actions and address.
 * Every operation is marked not idempotent; mark the reads with `{ ...op, idempotent: true }`.
 */
export function readWsdl(text: string): SoapService {
  if (XMLValidator.validate(text) !== true) throw new WmsyncError('system', 'the WSDL is not well-formed XML');
  const definitions = (parser.parse(text) as Node).definitions as Node | undefined;
  if (!definitions) throw new WmsyncError('system', 'the WSDL has no definitions element');
  // The operations' schema; ASMX adds a second one for Microsoft's guid and char types.
  const schemas = all(definitions.types, 'schema');
  const schemaNode = schemas.find((s) => s['@_targetNamespace'] === definitions['@_targetNamespace']) ?? schemas[0];
  const namespace = String(schemaNode?.['@_targetNamespace'] ?? definitions['@_targetNamespace'] ?? '');

  const elements: Record<string, SoapField[]> = {};
  for (const element of all(schemaNode, 'element')) elements[String(element['@_name'])] = sequenceOf(all(element, 'complexType')[0]);
  const types: Record<string, SoapField[]> = {};
  for (const type of all(schemaNode, 'complexType')) types[String(type['@_name'])] = sequenceOf(type);
  const schema: SoapSchema = { namespace, elements, types };

  const messages = new Map(all(definitions, 'message').map((m) => [String(m['@_name']), localName(all(m, 'part')[0]?.['@_element'])]));
  // The first port: ASMX gives its SOAP 1.1 and 1.2 ports the same address and actions (the
  // prefixes that would tell them apart are gone once namespace prefixes are removed).
  const service = definitions.service as Node | undefined;
  const port = all(service, 'port')[0];
  const address = String((port?.address as Node | undefined)?.['@_location'] ?? '');
  const binding = all(definitions, 'binding').find((b) => b['@_name'] === localName(port?.['@_binding']));
  const actions = new Map(all(binding, 'operation').map((o) => [String(o['@_name']), String(all(o, 'operation')[0]?.['@_soapAction'] ?? '')]));
  const portType = (definitions.portType as Node | undefined) ?? {};
  const path = address ? new URL(address).pathname : '/';

  const operations: Record<string, SoapOperation> = {};
  for (const op of all(portType, 'operation')) {
    const name = String(op['@_name']);
    const input = messages.get(localName((op.input as Node | undefined)?.['@_message'])) ?? name;
    const output = messages.get(localName((op.output as Node | undefined)?.['@_message'])) ?? `${name}Response`;
    operations[name] = { name, soapAction: actions.get(name) ?? `${namespace}/${name}`, path, input, output, schema, idempotent: false };
  }
  return { name: String(service?.['@_name'] ?? ''), address, schema, operations };
}
