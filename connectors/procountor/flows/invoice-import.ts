import type { ImportPage, ImportRequest, SourceRecord } from '../../../src/connectors/sdk/flows.js';
import type { Query } from '../../../src/connectors/http/url.js';
import type { Invoice, InvoiceStatus, InvoiceType } from '../api.js';
import { rawText } from '../../../src/connectors/sdk/wire-records.js';
import type { ProcountorApi } from '../client.js';
import type { WireRecord } from '../../../src/connectors/sdk/wire-records.js';
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

export async function* fetchInvoices(api: ProcountorApi, kind: InvoiceKind, { since, signal }: ImportRequest): AsyncIterable<ImportPage> {
  const query = { types: kind.type, versionStartDate: since ? instantToDatetime(since) : undefined, ...kind.filters(api) };
  let newest: string | undefined;
  for await (const heads of api.invoiceHeads(query, signal)) {
    for (const head of heads) newest = laterInstant(newest, versionToInstant(rawText(head.raw, 'version')));
    // A head that did not parse is still read whole by its id: the full invoice says what is wrong.
    const ids = heads.map((head) => Number(rawText(head.raw, 'id'))).filter(Number.isInteger);
    const invoices = await api.invoicesByIds(ids, signal);
    yield { records: invoices.flatMap((item) => invoiceRecord(item, kind)) };
  }
  // Pages run in id order, not version order: only once all are written is the newest version safe to keep.
  if (newest !== undefined) yield { records: [], cursor: newest };
}

export async function fetchInvoicesByIds(api: ProcountorApi, kind: InvoiceKind, externalIds: string[], signal: AbortSignal): Promise<SourceRecord[]> {
  const ids = externalIds.filter((id) => /^\d+$/.test(id)).map(Number);
  return ids.length === 0 ? [] : (await api.invoicesByIds(ids, signal)).flatMap((item) => invoiceRecord(item, kind));
}
