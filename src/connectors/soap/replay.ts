import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { WmsyncError } from '../../kernel/errors.js';
import { parseFault } from './envelope.js';

/*
 * A replay harness for SOAP tests: recorded request/response envelope pairs, served in order by a
 * fake fetch that checks each request against its recording before it answers. A recorded
 * request names what matters: its operation, and its leaf elements, which the real request must
 * contain with the same text and in the same order (`*` matches any text). Leaves it leaves out
 * are not checked.
 */

export interface RecordedExchange {
  /** A name for messages, e.g. the fixture's file name. */
  name: string;
  request: string;
  response: string;
  /** Default 500 for a Fault, else 200. */
  status?: number;
  /** The session cookie value the request must carry, e.g. `ASP.NET_SessionId=s-1`. */
  cookie?: string;
  headers?: Record<string, string>;
}

export interface SoapReplay {
  fetch: typeof fetch;
  /** The names of the exchanges served so far. */
  readonly served: string[];
  /** Throws when recorded exchanges were not asked for. */
  assertDone(): void;
}

type Ordered = Record<string, unknown>[];
const parser = new XMLParser({ preserveOrder: true, removeNSPrefix: true, ignoreAttributes: true, parseTagValue: false, htmlEntities: true });

/** The leaf elements of the Body, as `Operation/member/…` paths with their text, in document order. */
export function envelopeLeaves(xml: string): [string, string][] {
  if (XMLValidator.validate(xml) !== true) throw new WmsyncError('system', 'replay: the request is not well-formed XML');
  const leaves: [string, string][] = [];
  const walk = (nodes: Ordered, path: string[]) => {
    for (const node of nodes) {
      const tag = Object.keys(node).find((k) => k !== ':@');
      if (!tag || tag === '#text' || tag.startsWith('?')) continue;
      const children = node[tag] as Ordered;
      const elements = children.filter((c) => !('#text' in c));
      if (elements.length === 0) leaves.push([[...path, tag].join('/'), children.map((c) => String(c['#text'] ?? '')).join('').trim()]);
      else walk(elements, [...path, tag]);
    }
  };
  const envelope = (parser.parse(xml) as Ordered).find((n) => 'Envelope' in n)?.Envelope as Ordered | undefined;
  const body = envelope?.find((n) => 'Body' in n)?.Body as Ordered | undefined;
  walk(body ?? [], []);
  return leaves;
}

/** The recorded leaves the actual request lacks, or has with another text, or in another order. */
function mismatch(recorded: [string, string][], actual: [string, string][]): string | undefined {
  let from = 0;
  for (const [path, text] of recorded) {
    const at = actual.findIndex(([p, t], i) => i >= from && p === path && (text === '*' || t === text));
    if (at < 0) {
      const seen = actual.find(([p]) => p === path);
      return seen ? `${path} is "${seen[1]}" (or out of order), the recording has "${text}"` : `${path} is missing`;
    }
    from = at + 1;
  }
  return undefined;
}

const operationOf = (leaves: [string, string][], xml: string) => leaves[0]?.[0].split('/')[0] ?? /<(?:[\w-]+:)?Body[^>]*>\s*<(?:[\w-]+:)?([\w-]+)/.exec(xml)?.[1];

export function replaySoap(exchanges: readonly RecordedExchange[]): SoapReplay {
  const served: string[] = [];
  const fail = (message: string) => {
    throw new WmsyncError('system', `replay: ${message}`);
  };
  const replayFetch = (async (_input: string | URL, init?: RequestInit) => {
    const next = exchanges[served.length];
    const body = typeof init?.body === 'string' ? init.body : '';
    const headers = new Headers(init?.headers);
    const actualLeaves = envelopeLeaves(body);
    const operation = operationOf(actualLeaves, body);
    if (!next) return fail(`request ${served.length + 1} (${operation}) is more than the ${exchanges.length} recorded`);
    const recordedLeaves = envelopeLeaves(next.request);
    const expected = operationOf(recordedLeaves, next.request);
    if (operation !== expected) fail(`request ${served.length + 1} is ${operation}, the recording ${next.name} has ${expected}`);
    const action = headers.get('soapaction') ?? '';
    if (!action.replace(/"/g, '').endsWith(`/${expected}`)) fail(`${next.name}: SOAPAction is ${action || 'missing'}`);
    const wrong = mismatch(recordedLeaves, actualLeaves);
    if (wrong) fail(`${next.name}: ${wrong}`);
    if (next.cookie !== undefined && !(headers.get('cookie') ?? '').split(/;\s*/).includes(next.cookie)) {
      fail(`${next.name}: the cookie is ${headers.get('cookie') ?? 'missing'}, the recording expects ${next.cookie}`);
    }
    served.push(next.name);
    const status = next.status ?? (parseFault(next.response) ? 500 : 200);
    return new Response(next.response, { status, headers: { 'content-type': 'text/xml; charset=utf-8', ...next.headers } });
  }) as typeof fetch;
  return {
    fetch: replayFetch,
    served,
    assertDone() {
      if (served.length < exchanges.length) fail(`${exchanges.length - served.length} recorded exchanges were not asked for, from ${exchanges[served.length]!.name}`);
    },
  };
}

/** `name.request.xml` and the response file from a fixtures folder; `response` defaults to `name.response.xml`. */
export function loadExchange(dir: string, name: string, extra: Partial<Omit<RecordedExchange, 'request' | 'response'>> & { response?: string } = {}): RecordedExchange {
  const { response = `${name}.response`, ...rest } = extra;
  return {
    name: `${name} → ${response}`,
    request: readFileSync(join(dir, `${name}.request.xml`), 'utf8'),
    response: readFileSync(join(dir, `${response}.xml`), 'utf8'),
    ...rest,
  };
}
