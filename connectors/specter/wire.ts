import { XMLParser } from 'fast-xml-parser';
import { WmsyncError } from '../../src/connectors/sdk/index.js';
import type { ListNames, RecordNames } from './operations.js';

/*
 * Specter's answers [V research notes §1.4]: `useXML=1` gives the text `result;id;message`
 * (`1` = success), `useXML=2` an XML document whose `APIresponse` (result, code, message) sits
 * beside the payload (`<articles>`, `<orders>`, `<responseMaxLimit>`); the root's name is not
 * known, so only its children are read. Code 99 means a batch is still open, its number quoted
 * in single quotes in the message [V S2, S4, S5]. Decimals come with a comma [V S2]; values are
 * kept as text and the mapping reads them (`toNumber` takes the comma).
 */

/** The entry points [V S1–S8]: reads and batch acknowledgements, and writes. */
export const endpoints = { read: 'getInfo.asp', write: 'putInfo.asp' } as const;

/** The verified NeedUpdate feed of article master data and its acknowledgement [V S2, S10]. */
export const articleFeed = { read: 'getArticleInfoExternalNeedUpdate', acknowledge: 'updateArticleInfosFromBatch', items: 'articles.article' } as const;

/** The article fields S2 reads by name [V]; the others are in operations.ts. */
export const verifiedArticleNames = { articleNo: 'articleNo', name: 'name', buyPrice: 'buyPrice', priceExclVat: 'priceExclVat', barCode: 'barCode', weight: 'productWeight' } as const;

/** The order fields the orders feed shows [V S4]; the guessed order list answers in the same shape. */
export const verifiedOrderNames = { orderNo: 'orderNo', deliveryStatus: 'orderstatus.deliveryStatus', statusId: 'orderstatus.statusId' } as const;

export const openBatchCode = '99';

/**
 * Elements that repeat: always read as lists, also when an answer holds one, so that a path may
 * index them (`suppliers.supplier.0`). A purchase's own `<supplier>` is one element, not a list.
 */
const listElements = new Set(['article', 'order', 'purchase', 'row', 'delivery']);
const isListElement = (name: string, path: string) => listElements.has(name) || path.endsWith('suppliers.supplier');
const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  // Kept as text: article numbers such as "00123" must not become numbers.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  isArray: (name, path) => isListElement(name, String(path)),
});

export type XmlNode = Record<string, unknown>;

export interface Envelope {
  result?: string;
  code?: string;
  message?: string;
}

/** The document's children, whatever its root is called. */
export function parseXml(text: string, what: string): XmlNode {
  let document: XmlNode;
  try {
    document = parser.parse(text) as XmlNode;
  } catch (e) {
    throw new WmsyncError('system', `Specter ${what}: the answer is not XML (${(e as Error).message})`);
  }
  const roots = Object.entries(document).filter(([key]) => !key.startsWith('?'));
  // A document with one element as root: its children are the answer; else the top level is.
  if (roots.length === 1 && typeof roots[0]![1] === 'object' && roots[0]![1] !== null && !Array.isArray(roots[0]![1])) return roots[0]![1] as XmlNode;
  return Object.fromEntries(roots);
}

export const envelopeOf = (document: XmlNode): Envelope => {
  const response = document.APIresponse;
  if (typeof response !== 'object' || response === null) return {};
  const { result, code, message } = response as Record<string, unknown>;
  return { result: textOf(result), code: textOf(code), message: textOf(message) };
};

/** The batch still open, from the message of a code 99: the text between the first pair of single quotes [V S2]. */
export const openBatchOf = (message: string | undefined): string | undefined => message?.split("'")[1] || undefined;

/** `result;id;message` [V]; a message may hold semicolons of its own. */
export function parseTextAnswer(text: string): { result: string; id: string; message: string } {
  const [result = '', id = '', ...rest] = text.trim().split(';');
  return { result, id, message: rest.join(';') };
}

function textOf(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (typeof value === 'object' && value !== null && '#text' in value) return textOf((value as XmlNode)['#text']);
  return undefined;
}

/** The value at a dotted path of elements and attributes; a numeric segment indexes a list. */
export function at(node: unknown, path: string): unknown {
  let value: unknown = node;
  for (const segment of path.split('.')) {
    if (value === undefined || value === null || typeof value !== 'object') return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

/** The items at a path, as a list (an absent list is empty). */
export function itemsAt(node: unknown, path: string): unknown[] {
  const value = at(node, path);
  return Array.isArray(value) ? value : value === undefined || value === '' ? [] : [value];
}

const isList = (names: RecordNames[string]): names is ListNames => typeof names === 'object' && 'items' in names && 'fields' in names;

/**
 * A wire record in the connector's own field names, read through `names` (field → wire path):
 * what the mapping tables read, whatever Specter turns out to call its fields. Empty values are
 * left out, so the mapping sees them as missing.
 */
export function readRecord(node: unknown, names: RecordNames): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const [field, name] of Object.entries(names)) {
    if (typeof name === 'string') {
      const value = textOf(at(node, name));
      if (value !== undefined && value !== '') record[field] = value;
    } else if (isList(name)) {
      record[field] = itemsAt(node, name.items).map((item) => readRecord(item, name.fields));
    } else {
      record[field] = readRecord(node, name);
    }
  }
  return record;
}
