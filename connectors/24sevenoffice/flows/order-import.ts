import { rawText } from '../../../src/connectors/sdk/index.js';
import type { ImportFlow, ImportPage, SourceRecord, WireRecord } from '../../../src/connectors/sdk/index.js';
import { orderStates } from '../api.js';
import type { Company, InvoiceOrder, InvoiceRow } from '../api.js';
import { newestChange } from '../change-dates.js';
import { chunks, orderIdBatch, orderLabel } from '../client.js';
import type { TwentyFourSevenApi } from '../client.js';
import { companyContactProperties, invoiceProperties, rowProperties, toOrder } from '../mappings/to-order.js';

/** Rows without a product are text rows (Type Text/TextBold): nothing the warehouse can pick. */
const productRow = (row: InvoiceRow) => row.ProductId !== undefined;
const empty = (text: string | undefined) => text === undefined || text.trim() === '';

/** Rows whose ProductNo came back empty get it from GetProducts: the WMS line is keyed by the product number. */
async function completeProductNumbers(api: TwentyFourSevenApi, orders: InvoiceOrder[], signal: AbortSignal): Promise<void> {
  const missing = orders.flatMap((o) => o.InvoiceRows.filter((r) => empty(r.ProductNo)).map((r) => r.ProductId!));
  if (missing.length === 0) return;
  const products = await api.products({ ids: [...new Set(missing)], properties: ['Id', 'No'] }, signal);
  const numbers = new Map(products.flatMap((p) => (p.ok ? [[p.value.Id, p.value.No] as const] : [])));
  for (const row of orders.flatMap((o) => o.InvoiceRows)) if (empty(row.ProductNo)) row.ProductNo = numbers.get(row.ProductId!);
}

/** The seed's footnotes: an empty delivery phone or invoice e-mail is looked up among the company's (CompanyService). */
async function companiesForContacts(api: TwentyFourSevenApi, orders: InvoiceOrder[], signal: AbortSignal): Promise<Map<number, Company>> {
  const ids = orders.filter((o) => o.CustomerId !== undefined && (empty(o.CustomerDeliveryPhone) || empty(o.InvoiceEmailAddress))).map((o) => o.CustomerId!);
  if (ids.length === 0) return new Map();
  const companies = await api.companies({ ids: [...new Set(ids)], properties: companyContactProperties }, signal);
  return new Map(companies.flatMap((c) => (c.ok ? [[c.value.Id, c.value] as const] : [])));
}

/**
 * The orders of these ids that are in the configured status, as records. The search asks for that
 * status only; an order in another one that comes back anyway is left out here too, since an
 * order that is not confirmed (an offer, a draft, one already sent) is no work for the warehouse.
 */
export async function orderRecords(api: TwentyFourSevenApi, orderIds: number[], signal: AbortSignal): Promise<{ records: SourceRecord[]; raws: unknown[] }> {
  const status = api.settings.orderStatus;
  const items = await api.invoices({
    orderIds,
    states: [status],
    invoiceProperties: [...new Set([...invoiceProperties, ...api.settings.extraOrderFields])],
    rowProperties: [...new Set([...rowProperties, ...api.settings.extraRowFields])],
  }, signal);
  // A record that did not parse stays (as a failure with its issues) unless it plainly names another status.
  const wanted = items.filter((item) => {
    const given = rawText(item.raw, 'OrderStatus');
    return given === status || (!item.ok && !(orderStates as readonly string[]).includes(given ?? ''));
  });
  const orders = wanted.flatMap((item) => (item.ok ? [{ ...item.value, InvoiceRows: item.value.InvoiceRows.filter(productRow).map((r) => ({ ...r })) }] : []));
  await completeProductNumbers(api, orders, signal);
  const companies = await companiesForContacts(api, orders, signal);
  const byId = new Map(orders.map((o) => [o.OrderId, o]));
  const records = wanted.map((item: WireRecord<InvoiceOrder>): SourceRecord => {
    const label = orderLabel(item.raw);
    if (!item.ok) return { externalId: rawText(item.raw, 'OrderId') ?? '(no id)', label, source: item.raw, issues: item.issues };
    const order = byId.get(item.value.OrderId)!;
    const company = order.CustomerId === undefined ? undefined : companies.get(order.CustomerId);
    return { externalId: String(order.OrderId), label, source: company ? { ...order, Company: company } : order };
  });
  return { records, raws: wanted.map((item) => item.raw) };
}

/** "Update status on import": the orders of a page the engine has written get the configured status. */
async function markImported(api: TwentyFourSevenApi, records: SourceRecord[], signal: AbortSignal): Promise<void> {
  const ids = records.filter((r) => !r.issues?.length).map((r) => Number(r.externalId));
  for (const refusal of await api.setOrderStatus(ids, api.settings.importedStatus, signal)) {
    api.logger.warn({ system: '24SevenOffice', order: refusal.item.OrderId, reason: refusal.error.message }, 'the status on import was refused');
  }
}

export const orderImport: ImportFlow<TwentyFourSevenApi> = {
  kind: 'import',
  id: 'order-import',
  description: 'Sales orders (invoices) in the configured status changed in 24SevenOffice since the last run; optionally sets a status once imported',
  enabledByDefault: true,
  mapping: toOrder,
  /**
   * The sync list gives the ids changed since the cursor, GetInvoices reads them 1000 at a time
   * (the notes' recommended sync, B4). The ids are in no time order, so the cursor, the newest
   * DateChanged seen, comes once the walk has ended.
   */
  async *fetch(api, { since, signal }): AsyncIterable<ImportPage> {
    const ids = await api.changedOrderIds(since, signal);
    let newest: string | undefined;
    for (const part of chunks(ids, orderIdBatch)) {
      const { records, raws } = await orderRecords(api, part, signal);
      newest = newestChange(raws, newest);
      yield { records };
      // The engine asks for the next page once it has written this one.
      if (api.settings.updateStatusOnImport) await markImported(api, records, signal);
    }
    if (newest !== undefined) yield { records: [], cursor: newest };
  },
  async fetchByIds(api, externalIds, signal) {
    const ids = externalIds.filter((id) => /^\d+$/.test(id)).map(Number);
    return ids.length === 0 ? [] : (await orderRecords(api, ids, signal)).records;
  },
};
