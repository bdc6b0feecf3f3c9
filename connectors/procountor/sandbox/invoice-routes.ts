import { Hono } from 'hono';
import type { Context } from 'hono';
import type { z } from 'zod';
import type { Faults } from '../../../src/connectors/sandbox/index.js';
import { actionCommentSchema, invoiceChannels, invoiceSchema, invoiceStatuses, invoiceTypes, notesRequestSchema } from '../api.js';
import type { Invoice } from '../api.js';
import { ApiError } from './errors.js';
import type { InvoiceHead } from './invoice-data.js';
import type { ActionName } from './invoice-rules.js';
import { batchResponse, boolParam, cursorPage, dateParam, datetimeParam, enumListParam, intListParam, intParam, orderParam, searchMeta } from './query.js';
import { serializeBasicInfo, serializeInvoice } from './serialize.js';
import type { ProcountorStore } from './store.js';

export interface InvoiceRouteContext {
  store: ProcountorStore;
  faults: Faults;
  salesOrdersCanBeSent: () => boolean;
}

/** "invoiceRows[0].quantity", the way the error body names fields [V P-OAS example]. */
const fieldPath = (path: readonly PropertyKey[]) =>
  path.map((key, i) => (typeof key === 'number' ? `[${key}]` : `${i ? '.' : ''}${String(key)}`)).join('');

async function readJson<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const text = await c.req.text();
  let body: unknown = {};
  try {
    if (text.trim()) body = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'The body must be JSON');
  }
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  throw new ApiError(400, issue?.message ?? 'Invalid body', issue ? fieldPath(issue.path) || undefined : undefined);
}

const invoiceId = (c: Context): number => {
  const n = Number(c.req.param('id'));
  if (!Number.isInteger(n) || n < 1) throw new ApiError(404, `Invoice ${c.req.param('id') ?? ''} not found`);
  return n;
};

/** The status actions that take no body or a {comment}; notes and markpaid have their own routes. */
const plainActions: ActionName[] = ['approve', 'send', 'unfinished', 'invalidate', 'reject', 'verify', 'sendToCirculation'];

/** `GET /invoices` (search), `GET /invoices/{ids}`, `PUT /invoices/{id}` and the status actions [V P-OAS]. */
export function invoiceRoutes({ store, faults, salesOrdersCanBeSent }: InvoiceRouteContext): Hono {
  const api = new Hono();
  const malformed = (id: number) => faults.corrupts('invoices', store.invoices.size, id);
  const full = (invoice: Invoice) => serializeInvoice(invoice, malformed(invoice.id));

  api.get('/invoices', (c) => {
    const types = enumListParam(c, 'types', invoiceTypes);
    const statuses = enumListParam(c, 'status', invoiceStatuses);
    const [startDate, endDate] = [dateParam(c, 'startDate'), dateParam(c, 'endDate')];
    const [createdFrom, createdTo] = [datetimeParam(c, 'createdStartDate'), datetimeParam(c, 'createdEndDate')];
    const [dueFrom, dueTo] = [dateParam(c, 'dueStartDate'), dateParam(c, 'dueEndDate')];
    const partnerId = intParam(c, 'businessPartnerId', { min: 0 });
    const invoiceNumber = intParam(c, 'invoiceNumber', { min: 0 });
    const isOffer = boolParam(c, 'isOffer');
    const original = c.req.query('originalInvoiceNumber');
    const productIds = intListParam(c, 'productId');
    const term = c.req.query('searchTerm')?.toLowerCase();
    const channels = enumListParam(c, 'invoiceChannel', invoiceChannels);
    const page = intParam(c, 'page', { min: 0, fallback: 0 });
    const size = intParam(c, 'size', { min: 1, max: 200, fallback: 50 });
    const previousId = intParam(c, 'previousId', { min: 0, fallback: 0 });
    const order = orderParam(c, { id: 'orderById', date: 'orderByDate', created: 'orderByCreated', version: 'orderByVersion' }, { by: 'id', descending: true });

    const headMatches = (h: InvoiceHead) =>
      (!types || types.includes(h.type)) && (!statuses || statuses.includes(h.status)) &&
      (!startDate || h.date >= startDate) && (!endDate || h.date <= endDate) &&
      (createdFrom === undefined || h.createdMs >= createdFrom) && (createdTo === undefined || h.createdMs <= createdTo) &&
      (partnerId === undefined || h.partnerId === partnerId) && (invoiceNumber === undefined || h.invoiceNumber === invoiceNumber) &&
      // isOffer only concerns sales orders [V P-OAS "SALES_ORDER only"; G: other types pass].
      (isOffer === undefined || h.type !== 'SALES_ORDER' || h.isOffer === isOffer);
    const needsFull = dueFrom || dueTo || original !== undefined || productIds || term || channels;
    const fullMatches = (i: Invoice) =>
      (!dueFrom || (i.dueDate ?? '') >= dueFrom) && (!dueTo || (i.dueDate ?? '') <= dueTo) &&
      (original === undefined || i.originalInvoiceNumber === original) &&
      (!productIds || i.invoiceRows.some((r) => r.productId != null && productIds.includes(r.productId))) &&
      (!channels || (i.invoiceChannel != null && channels.includes(i.invoiceChannel))) &&
      (!term || [i.counterParty.counterPartyAddress.name, String(i.invoiceNumber), i.additionalInformation].some((t) => t?.toLowerCase().includes(term)));
    const matches = (e: { value: InvoiceHead }) => headMatches(e.value) && (!needsFull || fullMatches(store.invoice(e.value.id) as Invoice));

    const query = {
      sort: order.by === 'version' ? ('updated' as const) : ('id' as const), descending: order.descending,
      updatedFrom: datetimeParam(c, 'versionStartDate'), updatedTo: datetimeParam(c, 'versionEndDate'),
    };
    const byId = order.by === 'id' || order.by === 'version';
    const { items, total } = cursorPage(store.invoices, query, matches, { previousId, offset: byId ? page * size : 0, limit: byId ? size : Infinity });
    const heads = byId ? items : sortHeads(items, order.by === 'date' ? 'date' : 'created', order.descending).slice(page * size, (page + 1) * size);
    const results = heads.map((h) => serializeBasicInfo(store.invoice(h.id) as Invoice, malformed(h.id)));
    return c.json({ results, meta: searchMeta(page, size, results.length, total) });
  });

  api.get('/invoices/:ids', (c) => batchResponse(c, c.req.param('ids'), (id) => {
    const invoice = store.invoice(id);
    return invoice && full(invoice);
  }, 'Invoice'));

  api.put('/invoices/:id', async (c) => {
    const id = invoiceId(c);
    return c.json(full(store.putInvoice(id, await readJson(c, invoiceSchema))));
  });

  const done = (c: Context, name: ActionName) => c.json({ message: `Invoice ${c.req.param('id') ?? ''}: ${name} done` });
  api.put('/invoices/:id/notes', async (c) => {
    const id = invoiceId(c);
    const { notes } = await readJson(c, notesRequestSchema);
    store.applyAction(id, 'notes', { salesOrdersCanBeSent: salesOrdersCanBeSent(), notes });
    return done(c, 'notes');
  });
  api.put('/invoices/:id/paymentevents/markpaid', (c) => {
    store.applyAction(invoiceId(c), 'markpaid', { salesOrdersCanBeSent: salesOrdersCanBeSent() });
    return done(c, 'markpaid');
  });
  api.put('/invoices/:id/:action', async (c) => {
    const name = plainActions.find((a) => a === c.req.param('action'));
    if (!name) throw new ApiError(404, `No action ${c.req.param('action')}`);
    const id = invoiceId(c);
    await readJson(c, actionCommentSchema);
    store.applyAction(id, name, { salesOrdersCanBeSent: salesOrdersCanBeSent() });
    return done(c, name);
  });
  return api;
}

function sortHeads(heads: InvoiceHead[], by: 'date' | 'created', descending: boolean): InvoiceHead[] {
  const key = (h: InvoiceHead) => (by === 'date' ? Date.parse(h.date) : h.createdMs);
  const sign = descending ? -1 : 1;
  return [...heads].sort((a, b) => sign * (key(a) - key(b) || a.id - b.id));
}
