import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { errorBodySchema, infoMessageSchema, invoiceBasicInfoSchema, invoiceSchema } from '../api.js';
import type { Invoice, InvoiceBasicInfo, Product } from '../api.js';
import { connect } from './test-helpers.js';

describe('Procountor sandbox: invoice search and reads', () => {
  it('pages sales orders with page+size until a short page, without rows', async () => {
    const { sandbox, call } = await connect();
    const expected = sandbox.store.invoices.values().filter((h) => h.type === 'SALES_ORDER').map((h) => h.id);
    const seen: InvoiceBasicInfo[] = [];
    for (let page = 0; page < 20; page++) {
      const { body } = await call('GET', `invoices?types=SALES_ORDER&orderById=ASC&size=30&page=${page}`);
      const results = z.array(invoiceBasicInfoSchema).parse(body.results);
      expect(body.meta).toMatchObject({ pageNumber: page, pageSize: 30, resultCount: results.length, totalCount: expected.length });
      seen.push(...results);
      if (results.length < 30) break;
    }
    expect(seen.map((i) => i.id)).toEqual(expected);
    expect(seen.every((i) => i.type === 'SALES_ORDER' && !('invoiceRows' in i))).toBe(true);
    const byDefault = (await call('GET', 'invoices?types=SALES_ORDER,PURCHASE_ORDER')).body.results as InvoiceBasicInfo[];
    expect(byDefault[0]?.id).toBeGreaterThan(byDefault[1]?.id ?? Infinity);
    expect(new Set(byDefault.map((i) => i.type))).toEqual(new Set(['SALES_ORDER', 'PURCHASE_ORDER']));
  });

  it('holds sales invoices to leave alone, purchase orders and a mix of statuses', async () => {
    const { sandbox } = await connect();
    const heads = sandbox.store.invoices.values();
    const types = new Set(heads.map((h) => h.type));
    for (const type of ['SALES_ORDER', 'PURCHASE_ORDER', 'SALES_INVOICE', 'PURCHASE_INVOICE']) expect(types).toContain(type);
    expect(new Set(heads.filter((h) => h.type === 'SALES_ORDER').map((h) => h.status))).toContain('UNFINISHED');
    expect(heads.some((h) => h.isOffer)).toBe(true);
  });

  it('filters on version, status, date and partner; previousId continues after an id', async () => {
    const { sandbox, call } = await connect();
    const changed = sandbox.updateInvoice(12, { notes: 'Muutettu' });
    const since = await call('GET', `invoices?versionStartDate=${changed.version}`);
    expect(since.body.results.map((i: InvoiceBasicInfo) => i.id)).toEqual([12]);
    const sent = (await call('GET', 'invoices?status=SENT,PAID&size=200')).body.results as InvoiceBasicInfo[];
    expect(sent.length > 0 && sent.every((i) => i.status === 'SENT' || i.status === 'PAID')).toBe(true);
    const head = sandbox.store.invoices.get(20);
    const onDay = (await call('GET', `invoices?startDate=${head?.date}&endDate=${head?.date}&size=200`)).body.results as InvoiceBasicInfo[];
    expect(onDay.length > 0 && onDay.every((i) => i.date === head?.date)).toBe(true);
    const ofPartner = (await call('GET', `invoices?businessPartnerId=${head?.partnerId}&size=200`)).body.results as InvoiceBasicInfo[];
    expect(ofPartner.every((i) => i.partnerId === head?.partnerId)).toBe(true);
    const after = (await call('GET', 'invoices?orderById=ASC&previousId=100&size=5')).body.results as InvoiceBasicInfo[];
    expect(after.map((i) => i.id)).toEqual([101, 102, 103, 104, 105]);
    expect((await call('GET', 'invoices?types=SALESORDER')).body.errors[0]).toMatchObject({ status: 400, field: 'types' });
    expect((await call('GET', 'invoices?size=500')).status).toBe(400);
  });

  it('serves full invoices with rows that point at products, counter parties and enums', async () => {
    const { sandbox, call } = await connect();
    const ids = sandbox.store.invoices.values().filter((h) => h.type === 'SALES_ORDER' || h.type === 'PURCHASE_ORDER').slice(0, 40).map((h) => h.id);
    const { body } = await call('GET', `invoices/${ids.join(',')}`);
    const invoices = z.array(invoiceSchema).parse(body);
    expect(invoices.map((i) => i.id)).toEqual(ids);
    for (const invoice of invoices) {
      expect(invoice.invoiceRows.length).toBeGreaterThanOrEqual(1);
      expect(invoice.invoiceRows.length).toBeLessThanOrEqual(4);
      for (const row of invoice.invoiceRows) {
        const product = sandbox.store.product(row.productId ?? 0) as Product;
        expect(product).toMatchObject({ code: row.productCode, name: row.product, type: invoice.type === 'SALES_ORDER' ? 'SALES' : 'PURCHASE' });
      }
      expect(invoice.counterParty.counterPartyAddress.country).toMatch(/^[A-Z_]{5,}$/);
      expect(['FINNISH', 'SWEDISH', 'ENGLISH', 'NORWEGIAN', 'ESTONIAN', 'DANISH']).toContain(invoice.language);
      expect(invoice.paymentInfo.paymentMethod).toEqual(expect.any(String));
    }
    const purchase = invoices.filter((i) => i.type === 'PURCHASE_ORDER');
    expect(purchase.length).toBeGreaterThan(0);
    expect(purchase.every((i) => /^T\d+$/.test(i.counterParty.customerNumber ?? '') && i.counterParty.email?.includes('@'))).toBe(true);
    expect(invoiceSchema.parse((await call('GET', `invoices/${ids[0]}`)).body).id).toBe(ids[0]);
    expect((await call('GET', 'invoices/99999')).status).toBe(404);
    const tooMany = await call('GET', `invoices/${Array.from({ length: 201 }, (_, i) => i + 1).join(',')}`);
    expect(errorBodySchema.parse(tooMany.body).errors?.[0]?.status).toBe(400);
  });
});

describe('Procountor sandbox: invoice writes', () => {
  const unfinished = (sandbox: Awaited<ReturnType<typeof connect>>['sandbox'], type: string) =>
    sandbox.store.invoices.values().find((h) => h.type === type && h.status === 'UNFINISHED')?.id ?? 0;

  it('overwrites an UNFINISHED invoice with PUT, checking the version', async () => {
    const { sandbox, call } = await connect();
    const id = unfinished(sandbox, 'SALES_ORDER');
    const before = invoiceSchema.parse((await call('GET', `invoices/${id}`)).body);
    const put = await call('PUT', `invoices/${id}`, { ...before, notes: 'Toimitettu osittain', status: 'PAID' });
    expect(put.status).toBe(200);
    const after = invoiceSchema.parse(put.body);
    expect([after.notes, after.status, after.version > before.version]).toEqual(['Toimitettu osittain', 'UNFINISHED', true]);
    expect(after.invoiceRows.map((r) => r.id)).toEqual(before.invoiceRows.map((r) => r.id));
    const stale = await call('PUT', `invoices/${id}`, before);
    expect(stale.body.errors[0]).toMatchObject({ status: 400, field: 'version' });
    const tooLong = await call('PUT', `invoices/${id}`, { ...after, notes: 'x'.repeat(10_001) });
    expect(tooLong.body.errors[0]).toMatchObject({ status: 400, field: 'notes' });
    const badRow = await call('PUT', `invoices/${id}`, { ...after, invoiceRows: [{ ...after.invoiceRows[0], quantity: 'two' }] });
    expect(badRow.body.errors[0]).toMatchObject({ status: 400, field: 'invoiceRows[0].quantity' });
    expect(sandbox.store.writes.map((w) => w.action)).toEqual(['put']);
  });

  it('refuses PUT on a sent document with 403', async () => {
    const { sandbox, call } = await connect();
    const id = sandbox.store.invoices.values().find((h) => h.type === 'SALES_INVOICE' && h.status === 'SENT')?.id ?? 0;
    const invoice = (await call('GET', `invoices/${id}`)).body as Invoice;
    expect((await call('PUT', `invoices/${id}`, invoice)).status).toBe(403);
  });

  it('sets a sales order to SENT once, and records exactly that write', async () => {
    const { sandbox, call } = await connect();
    const id = unfinished(sandbox, 'SALES_ORDER');
    const before = sandbox.store.invoice(id) as Invoice;
    const versionBefore = before.version;
    const sent = await call('PUT', `invoices/${id}/send`);
    expect([sent.status, infoMessageSchema.safeParse(sent.body).success]).toEqual([200, true]);
    const after = (await call('GET', `invoices/${id}`)).body as Invoice;
    expect(after.status).toBe('SENT');
    expect(after.version > versionBefore).toBe(true);
    expect(sandbox.store.writes).toEqual([expect.objectContaining({ invoiceId: id, action: 'send', from: 'UNFINISHED', to: 'SENT' })]);
    expect(sandbox.recorder.filter('PUT', /\/invoices\/\d+\/send$/)).toHaveLength(1);
    expect((await call('GET', `invoices?versionStartDate=${after.version}`)).body.results.map((i: Invoice) => i.id)).toEqual([id]);
  });

  it('follows the action table: 403 for a wrong type or status, 404 for a generic status PUT', async () => {
    const { sandbox, call } = await connect({ salesOrdersCanBeSent: false });
    const order = unfinished(sandbox, 'SALES_ORDER');
    expect((await call('PUT', `invoices/${order}/send`)).body.errors[0].status).toBe(403);
    const invoice = unfinished(sandbox, 'SALES_INVOICE');
    expect((await call('PUT', `invoices/${invoice}/send`)).status).toBe(403);
    expect((await call('PUT', `invoices/${invoice}/approve`, { comment: 'ok' })).status).toBe(200);
    expect(sandbox.store.invoice(invoice)?.status).toBe('NOT_SENT');
    expect((await call('PUT', `invoices/${invoice}/send`)).status).toBe(200);
    expect(sandbox.store.invoice(invoice)?.status).toBe('SENT');
    expect((await call('PUT', `invoices/${order}/status`, { status: 'SENT' })).status).toBe(404);
    expect((await call('PUT', `invoices/${order}/notes`, { notes: 'Lähetetty varastolta' })).status).toBe(200);
    expect(sandbox.store.invoice(order)).toMatchObject({ notes: 'Lähetetty varastolta', status: 'UNFINISHED' });
    expect(sandbox.store.writes.map((w) => w.action)).toEqual(['approve', 'send', 'notes']);
  });
});
