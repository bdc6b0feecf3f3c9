import { rawText } from '../../../src/connectors/sdk/index.js';
import type { ImportPage, ImportRequest, Query, SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import type { Invoice, InvoiceStatus, InvoiceType } from '../api.js';
import type { ProcountorApi } from '../client.js';
import { instantToDatetime, laterInstant, versionToInstant } from '../versions.js';

/**
 * What the order and purchase-order imports share: invoices of one type changed since the last
 * run, searched (heads without rows) and then read whole, with rows, through the batch GET.
 */
export interface InvoiceKind {
  type: Extract<InvoiceType, 'SALES_ORDER' | 'PURCHASE_ORDER'>;
  /** How a record is named in runs: "order", "purchase order". */
  noun: string;
  /** The search's extra filters (statuses, offers) for these settings. */
  filters(api: ProcountorApi): Query;
}

/** An invalidated (or deleted) invoice cancels the WMS record [V P-OAS: /invalidate → INVALIDATED]. */
export const cancelledStatuses: readonly InvoiceStatus[] = ['INVALIDATED', 'DELETED'];

const noNumberReason =
  'Procountor has not given this invoice a number yet; the number is the WMS order number, so it is imported once it has one';

/** Rows without a product code are text, fee or discount rows: nothing the warehouse can pick. */
const hasProductCode = (row: Invoice['invoiceRows'][number]) => typeof row.productCode === 'string' && row.productCode.trim() !== '';

export function invoiceRecord(item: WireRecord<Invoice>, kind: InvoiceKind): SourceRecord[] {
  if (!item.ok) {
    const label = `${kind.noun} ${rawText(item.raw, 'invoiceNumber') ?? `(invoice id ${rawText(item.raw, 'id') ?? '?'})`}`;
    return [{ externalId: rawText(item.raw, 'id') ?? '(no id)', label, source: item.raw, issues: item.issues }];
  }
  const invoice = item.value;
  // Defensive: the search filters by type, and offers are quotes, not orders to ship.
  if (invoice.type !== kind.type || invoice.isOffer === true) return [];
  const externalId = String(invoice.id);
  const label = `${kind.noun} ${invoice.invoiceNumber ?? `(invoice id ${invoice.id})`}`;
  const source = { ...invoice, invoiceRows: invoice.invoiceRows.filter(hasProductCode) };
  if (cancelledStatuses.includes(invoice.status)) return [{ externalId, label, source, action: 'cancel' }];
  if (invoice.invoiceNumber == null) {
    return [{ externalId, label, source, issues: [{ record: label, field: 'invoiceNumber', reason: noNumberReason }] }];
  }
  return [{ externalId, label, source }];
}

/** Where a walk of invoice heads had got to: its window, the last id written, the newest version seen. */
interface WalkPosition {
  since?: string;
  afterId: number;
  newest?: string;
}

const readPosition = (text: string | undefined): WalkPosition | undefined => (text === undefined ? undefined : (JSON.parse(text) as WalkPosition));

/**
 * The heads come in id order, not version order, so no page's newest version is a safe cursor:
 * a later page may still hold an older change. Only the whole walk moves the cursor; after every
 * page the walk's position (last id, newest version so far) is kept instead, and a run that was
 * cut off goes on from there over the same window: a crash re-reads at most one page.
 *
 * A resumed walk does not count the versions it sees into the cursor. Invoices it had passed
 * before the crash may have changed since, with a version later than anything seen before the
 * crash but earlier than what the resumed part sees; the cursor from before the crash keeps them
 * inside the next run's window.
 */
export async function* fetchInvoices(api: ProcountorApi, kind: InvoiceKind, { since, signal, resumeFrom }: ImportRequest): AsyncIterable<ImportPage> {
  const resumed = readPosition(resumeFrom);
  const from = resumed ? (resumed.since === undefined ? undefined : new Date(resumed.since)) : since;
  const query = { types: kind.type, versionStartDate: from ? instantToDatetime(from) : undefined, ...kind.filters(api) };
  let newest = resumed?.newest;
  for await (const heads of api.invoiceHeads(query, signal, resumed?.afterId ?? 0)) {
    if (!resumed) for (const head of heads) newest = laterInstant(newest, versionToInstant(rawText(head.raw, 'version')));
    // A head that did not parse is still read whole by its id: the full invoice says what is wrong.
    const ids = heads.map((head) => Number(rawText(head.raw, 'id'))).filter(Number.isInteger);
    const invoices = await api.invoicesByIds(ids, signal);
    const position: WalkPosition = { ...(from ? { since: from.toISOString() } : {}), afterId: Math.max(resumed?.afterId ?? 0, ...ids), ...(newest ? { newest } : {}) };
    yield { records: invoices.flatMap((item) => invoiceRecord(item, kind)), position: JSON.stringify(position) };
  }
  if (newest !== undefined) yield { records: [], cursor: newest };
}

export async function fetchInvoicesByIds(api: ProcountorApi, kind: InvoiceKind, externalIds: string[], signal: AbortSignal): Promise<SourceRecord[]> {
  const ids = externalIds.filter((id) => /^\d+$/.test(id)).map(Number);
  return ids.length === 0 ? [] : (await api.invoicesByIds(ids, signal)).flatMap((item) => invoiceRecord(item, kind));
}
