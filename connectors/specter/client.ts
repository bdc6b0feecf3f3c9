import { randomBytes } from 'node:crypto';
import { WmsyncError, configError, recordError, specterSecrets, specterSigning } from '../../src/connectors/sdk/index.js';
import type { ConnectorContext, ResponseRule } from '../../src/connectors/sdk/index.js';
import { encodeForm } from './form.js';
import type { FormValues } from './form.js';
import { resolveNames } from './operations.js';
import type { WireNames } from './operations.js';
import type { SpecterSettings } from './settings.js';
import { endpoints, envelopeOf, openBatchCode, openBatchOf, parseTextAnswer, parseXml } from './wire.js';
import type { XmlNode } from './wire.js';

/** One batch of a NeedUpdate feed: the caller's batch number and the answer tied to it. */
export interface FeedBatch {
  batchNo: string;
  document: XmlNode;
}

/** The transport of Specter's API: signed reads and writes, and the acknowledged feeds. Records are read in records.ts. */
export interface SpecterClient {
  readonly settings: SpecterSettings;
  /** The guessed names of operations.ts with the integration's overrides. */
  readonly names: WireNames;
  now(): Date;
  /** `getInfo.asp?Action=…&useXML=2`; an error envelope throws. */
  read(action: string, params: Record<string, string | undefined>, signal: AbortSignal): Promise<XmlNode>;
  /**
   * `putInfo.asp?action=…&useXML=1` with the parameters as a form body; the answer's `result;id;message`
   * other than 1 is the record's refusal (kind `record`) with Specter's message. Gives the id.
   */
  write(action: string, params: FormValues, options: { record: string; idempotent?: boolean }, signal: AbortSignal): Promise<string>;
  /** Reads the feed's next batch (the open one again, if Specter says one is open); undefined when it is empty. */
  readBatch(action: string, signal: AbortSignal): Promise<FeedBatch | undefined>;
  acknowledge(action: string, batch: FeedBatch, signal: AbortSignal): Promise<void>;
}

/** Which credential signs as the inner secret [G]; `auto` is the SDK's default (ApiUserKey, else md5key1). */
function signingSecrets(settings: SpecterSettings) {
  const { apiUserKey, md5key1, md5key2 } = settings;
  if (settings.signingInnerKey === 'auto') return specterSecrets({ apiUserKey, md5key1, md5key2 });
  const innerKey = settings[settings.signingInnerKey];
  if (!innerKey) throw configError(`Specter: signingInnerKey is ${settings.signingInnerKey}, but that secret is not set`);
  return { innerKey, outerKey: md5key2 };
}

/** The batch number a client chooses (S2 uses md5 of microtime): any unique text. */
const newBatchNo = () => randomBytes(16).toString('hex');

export function createSpecterClient(settings: SpecterSettings, context: ConnectorContext): SpecterClient {
  const names = resolveNames(settings.wireNames);
  const charset = settings.signingCharset;
  const seedParams: Record<string, string> = {
    [names.action.listOrders]: names.seed.listOrders,
    [names.action.listPurchases]: names.seed.listPurchases,
    [names.action.readStock]: names.seed.readStock,
    [names.action.stockUpdate]: names.seed.stockUpdate,
    [names.action.deliverySubmit]: names.seed.deliverySubmit,
    [names.action.purchaseDeliverySubmit]: names.seed.purchaseDeliverySubmit,
  };
  const seeds = Object.fromEntries(Object.entries(seedParams).map(([action, param]) => [action.toLowerCase(), (p: ReadonlyMap<string, string>) => p.get(param)]));
  const wrongKey = names.errorCode.wrongKey;
  // Specter answers every error with HTTP 200 and a code in the body; a refused key is the credentials' fault, not the record's.
  const rules: ResponseRule[] = [
    {
      status: 200,
      body: (text) => text.includes(`<code>${wrongKey}</code>`) || text.trim().startsWith(`0;${wrongKey};`),
      kind: 'config',
      message: () => 'Specter refused the key: check SbmId, ApiUserKey/md5key1, md5key2 and the signing settings',
    },
  ];
  const http = context.http({
    name: 'Specter',
    baseUrl: settings.baseUrl,
    auth: specterSigning({ sbmId: settings.sbmId, ...(settings.apiUserId ? { apiUserId: settings.apiUserId } : {}), ...signingSecrets(settings), seeds, charset }),
    accept: 'text/xml, text/plain',
    rules,
    limits: { perSecond: settings.rateLimitPerSecond },
  });
  const clock = context.transport.clock;

  async function read(action: string, params: Record<string, string | undefined>, signal: AbortSignal): Promise<XmlNode> {
    const document = await readDocument(action, params, signal);
    const envelope = envelopeOf(document);
    if (envelope.result !== undefined && envelope.result !== '1') throw refusal(action, envelope.code, envelope.message);
    return document;
  }

  async function readDocument(action: string, params: Record<string, string | undefined>, signal: AbortSignal): Promise<XmlNode> {
    const query = { Action: action, ...params, useXML: '2' };
    const { data } = await http.request<string>('GET', endpoints.read, { query, responseType: 'text', signal });
    return parseXml(data, action);
  }

  async function readBatch(action: string, signal: AbortSignal, batchNo = newBatchNo(), reopened = false): Promise<FeedBatch | undefined> {
    const document = await readDocument(action, { batchNo }, signal);
    const envelope = envelopeOf(document);
    if (envelope.code === openBatchCode) {
      // An earlier run read a batch and stopped before acknowledging it: read that batch again,
      // so that its records are written before Specter forgets them.
      const open = openBatchOf(envelope.message);
      if (open === undefined || reopened) throw refusal(action, envelope.code, envelope.message);
      return readBatch(action, signal, open, true);
    }
    if (envelope.result !== undefined && envelope.result !== '1') throw refusal(action, envelope.code, envelope.message);
    return { batchNo, document };
  }

  return {
    settings,
    names,
    now: () => clock?.now() ?? new Date(),
    read,
    readBatch: (action, signal) => readBatch(action, signal),
    async acknowledge(action, batch, signal) {
      await read(action, { batchNo: batch.batchNo }, signal);
    },
    async write(action, params, { record, idempotent }, signal) {
      const body = { raw: encodeForm(params, charset), contentType: `application/x-www-form-urlencoded; charset=${charset === 'latin1' ? 'ISO-8859-1' : 'UTF-8'}` };
      const { data } = await http.request<string>('POST', endpoints.write, { query: { action, useXML: '1' }, body, responseType: 'text', idempotent: idempotent ?? false, signal });
      const answer = parseTextAnswer(data);
      if (answer.result !== '1') throw recordError(record, [{ record, field: action, value: answer.id || undefined, reason: `Specter refused it: ${answer.message || data.trim()}` }]);
      return answer.id;
    },
  };
}

function refusal(action: string, code: string | undefined, message: string | undefined): WmsyncError {
  return new WmsyncError('system', `Specter ${action} answered code ${code ?? '(none)'}: ${message ?? '(no message)'}`);
}
