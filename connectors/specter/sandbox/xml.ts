import type { ListNames, RecordNames } from '../operations.js';

/**
 * Specter's answers as the simulator writes them: the verified envelope and shapes (§1.4), and
 * the guessed records through the same names the connector reads (operations.ts). Numbers get
 * Specter's decimal comma [V S2].
 */

type Tree = { [key: string]: Tree | Tree[] | string };

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
export const wireValue = (value: unknown): string => (typeof value === 'number' ? String(value).replace('.', ',') : String(value));

function place(tree: Tree, path: string, value: Tree[] | string, attributes: ReadonlySet<string>) {
  const segments = path.split('.');
  let node: Tree | Tree[] = tree;
  segments.forEach((segment, i) => {
    const last = i === segments.length - 1;
    const key = last && attributes.has(path) ? `@${segment}` : segment;
    const container = node as Record<string, unknown>;
    if (last) {
      container[key] = value;
      return;
    }
    const nextIsIndex = /^\d+$/.test(segments[i + 1]!);
    container[key] ??= nextIsIndex ? [] : {};
    node = container[key] as Tree | Tree[];
  });
}

const isList = (names: RecordNames[string]): names is ListNames => typeof names === 'object' && 'items' in names && 'fields' in names;

/** A record (in the connector's field names) as the element tree its names describe. */
export function treeOf(record: object, names: RecordNames, attributes: ReadonlySet<string> = new Set()): Tree {
  const tree: Tree = {};
  const fill = (source: Record<string, unknown>, level: RecordNames) => {
    for (const [field, name] of Object.entries(level)) {
      const value = source[field];
      if (typeof name === 'string') {
        if (value !== undefined && value !== null) place(tree, name, wireValue(value), attributes);
      } else if (isList(name)) {
        place(tree, name.items, ((value as Record<string, unknown>[]) ?? []).map((item) => treeOf(item, name.fields, attributes)), attributes);
      } else {
        fill((value as Record<string, unknown>) ?? {}, name);
      }
    }
  };
  fill(record as Record<string, unknown>, names);
  return tree;
}

export function toXml(name: string, tree: Tree | string): string {
  if (typeof tree === 'string') return `<${name}>${escape(tree)}</${name}>`;
  const attributes = Object.entries(tree).filter(([key]) => key.startsWith('@')).map(([key, value]) => ` ${key.slice(1)}="${escape(String(value))}"`).join('');
  const children = Object.entries(tree)
    .filter(([key]) => !key.startsWith('@'))
    .map(([key, value]) => (Array.isArray(value) ? value.map((item) => toXml(key, item)).join('') : toXml(key, value)))
    .join('');
  return children === '' ? `<${name}${attributes}/>` : `<${name}${attributes}>${children}</${name}>`;
}

/** A `useXML=2` answer: the envelope beside the payload, under a root whose name clients never read [G]. */
export const xmlAnswer = (payload: string, envelope = { result: '1', code: '0', message: 'OK' }): string =>
  `<?xml version="1.0" encoding="UTF-8"?><SBM><APIresponse><result>${envelope.result}</result><code>${envelope.code}</code><message>${escape(envelope.message)}</message></APIresponse>${payload}</SBM>`;

/** A `useXML=1` answer: `result;id;message` [V]. */
export const textAnswer = (result: '0' | '1', id: string, message: string): string => `${result};${id};${message}`;
