import { XMLParser } from 'fast-xml-parser';
import { listItem } from '../../../src/connectors/sdk/index.js';
import type { SoapField, SoapOperation } from '../../../src/connectors/sdk/index.js';

/*
 * The request's members against the WSDL's sequences. .NET's XmlSerializer drops a member that
 * arrives out of order, or that the type does not have, without a word [U B1: its strictness]; a
 * simulator that did the same would hide the very mistake it is there to show, so it names it.
 */

type Ordered = Record<string, unknown>[];
const parser = new XMLParser({ preserveOrder: true, removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false });
const tagOf = (node: Record<string, unknown>) => Object.keys(node).find((k) => k !== ':@' && k !== '#text' && !k.startsWith('?'));

function check(fields: readonly SoapField[], children: Ordered, where: string, operation: SoapOperation): string | undefined {
  let last = -1;
  for (const child of children) {
    const tag = tagOf(child);
    if (!tag) continue;
    const index = fields.findIndex((f) => f.name === tag);
    if (index < 0) return `${where}/${tag} is not a member of the WSDL's sequence (${fields.map((f) => f.name).join(', ')})`;
    if (index < last || (index === last && !fields[index]!.repeated)) return `${where}/${tag} comes after ${fields[last]!.name}, out of the WSDL's order`;
    last = index;
    const field = fields[index]!;
    const item = listItem(operation.schema, field.type);
    const members = item ? [item] : operation.schema.types[field.type];
    if (members) {
      const wrong = check(members, child[tag] as Ordered, `${where}/${tag}`, operation);
      if (wrong) return wrong;
    }
  }
  return undefined;
}

/** Why the request's wrapper does not follow the operation's WSDL sequences; undefined when it does. */
export function wsdlOrderProblem(xml: string, operation: SoapOperation): string | undefined {
  const envelope = (parser.parse(xml) as Ordered).find((n) => tagOf(n) === 'Envelope')?.Envelope as Ordered | undefined;
  const body = envelope?.find((n) => tagOf(n) === 'Body')?.Body as Ordered | undefined;
  const wrapper = body?.find((n) => tagOf(n) === operation.input)?.[operation.input] as Ordered | undefined;
  return check(operation.schema.elements[operation.input] ?? [], wrapper ?? [], operation.input, operation);
}
