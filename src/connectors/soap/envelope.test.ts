import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildEnvelope, parseFault, parseResult } from './envelope.js';
import { envelopeLeaves } from './replay.js';
import { readWsdl } from './wsdl.js';

const fixture = (path: string) => readFileSync(new URL(`./fixtures/${path}`, import.meta.url), 'utf8');
const invoices = readWsdl(fixture('invoiceService.wsdl'));
const products = readWsdl(fixture('productService.wsdl'));

describe('buildEnvelope', () => {
  it('writes the members in WSDL order whatever the order of the object, lists wrapped in their item element', () => {
    const xml = buildEnvelope(invoices.operations.GetInvoices!, {
      rowReturnProperties: ['ProductId', 'Quantity'],
      invoiceReturnProperties: ['OrderId', 'InvoiceRows'],
      searchParams: { OrderStates: ['Confirmed', 'OrderState_Sent'], ChangedAfter: new Date('2024-05-01T00:00:00.000Z'), OrderIds: [7, 8] },
    });
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?><soap:Envelope xmlns:soap="http:\/\/schemas.xmlsoap.org\/soap\/envelope\/"/);
    expect(xml).toContain('<soap:Body><GetInvoices xmlns="http://24sevenOffice.com/webservices"><searchParams>');
    expect(envelopeLeaves(xml)).toEqual([
      // InvoiceSearchParameters: CustomerIds, ChangedAfter, OrderStates, InvoiceIds, OrderIds, ExternalStatus.
      ['GetInvoices/searchParams/ChangedAfter', '2024-05-01T00:00:00'],
      ['GetInvoices/searchParams/OrderStates/OrderSlipStateType', 'Confirmed'],
      ['GetInvoices/searchParams/OrderStates/OrderSlipStateType', 'OrderState_Sent'],
      ['GetInvoices/searchParams/OrderIds/int', '7'],
      ['GetInvoices/searchParams/OrderIds/int', '8'],
      ['GetInvoices/invoiceReturnProperties/string', 'OrderId'],
      ['GetInvoices/invoiceReturnProperties/string', 'InvoiceRows'],
      ['GetInvoices/rowReturnProperties/string', 'ProductId'],
      ['GetInvoices/rowReturnProperties/string', 'Quantity'],
    ]);
  });

  it('writes decimals without exponent, booleans, nil and escaped text', () => {
    const xml = buildEnvelope(invoices.operations.SaveInvoices!, {
      invoices: [{ InvoiceRows: [{ Price: 0.0000001, Quantity: 2e21, Name: 'Kaffe & <te>', Hidden: false }], OrderId: 5, IncludeVAT: null }],
    });
    expect(envelopeLeaves(xml)).toEqual([
      ['SaveInvoices/invoices/InvoiceOrder/OrderId', '5'],
      ['SaveInvoices/invoices/InvoiceOrder/IncludeVAT', ''],
      ['SaveInvoices/invoices/InvoiceOrder/InvoiceRows/InvoiceRow/Price', '0.0000001'],
      ['SaveInvoices/invoices/InvoiceOrder/InvoiceRows/InvoiceRow/Name', 'Kaffe & <te>'],
      ['SaveInvoices/invoices/InvoiceOrder/InvoiceRows/InvoiceRow/Quantity', '2000000000000000000000'],
      ['SaveInvoices/invoices/InvoiceOrder/InvoiceRows/InvoiceRow/Hidden', 'false'],
    ]);
    expect(xml).toContain('<IncludeVAT xsi:nil="true"></IncludeVAT>');
    expect(xml).toContain('<Name>Kaffe &amp; &lt;te&gt;</Name>');
  });

  it('refuses a member the WSDL does not have, and an object where text belongs', () => {
    expect(() => buildEnvelope(products.operations.SetStockQuantity!, { productId: 1, quantity: 2 })).toThrow(
      'SetStockQuantity: quantity not in the WSDL (members: productId, stockQuantity)',
    );
    expect(() => buildEnvelope(products.operations.GetProducts!, { searchParams: { Name: { first: 'x' } } })).toThrow(
      'GetProducts.searchParams.Name: a object cannot be written as a simple value',
    );
  });
});

describe('parseResult', () => {
  it('types the result by the schema: lists as arrays, numbers, entities decoded, unset values left out', () => {
    const result = parseResult(products.operations.GetProducts!, fixture('24sevenoffice/get-products.response.xml'), '24SevenOffice GetProducts');
    expect(result).toEqual([
      { Id: 101, Name: 'Mugg blå & vit', Stock: 12.5, No: 'MUG-1', DateChanged: '2024-05-02T08:30:00' },
      { Id: 102, Name: 'Tallrik', No: 'PLATE-1' },
    ]);
  });

  it('reads one item as a list of one, an empty list, a boolean and keeps members a newer server added', () => {
    const op = invoices.operations.GetInvoices!;
    const wrap = (inner: string) =>
      `<soap:Envelope xmlns:soap="http://schemas.xmlsoap.org/soap/envelope/"><soap:Body><GetInvoicesResponse xmlns="http://24sevenOffice.com/webservices">${inner}</GetInvoicesResponse></soap:Body></soap:Envelope>`;
    expect(parseResult(op, wrap('<GetInvoicesResult><InvoiceOrder><OrderId>1</OrderId><SkipStock>true</SkipStock><Shiny>new</Shiny></InvoiceOrder></GetInvoicesResult>'), 'x')).toEqual([
      { OrderId: 1, SkipStock: true, Shiny: 'new' },
    ]);
    expect(parseResult(op, wrap('<GetInvoicesResult />'), 'x')).toEqual([]);
  });

  it('calls an answer that is not the expected envelope the remote record error', () => {
    expect(() => parseResult(products.operations.GetProducts!, '<html>oops</html>', '24SevenOffice GetProducts')).toThrow(
      expect.objectContaining({ kind: 'record', message: '24SevenOffice GetProducts: the response is not a GetProductsResponse envelope' }),
    );
  });
});

describe('parseFault', () => {
  it('reads SOAP 1.1 and 1.2 faults and nothing else', () => {
    expect(parseFault(fixture('24sevenoffice/client-fault.response.xml'))).toEqual({
      code: 'soap:Client',
      message: 'Server was unable to read request. ---> There is an error in XML document (1, 310).',
    });
    const soap12 =
      '<e:Envelope xmlns:e="http://www.w3.org/2003/05/soap-envelope"><e:Body><e:Fault><e:Code><e:Value>e:Receiver</e:Value></e:Code><e:Reason><e:Text xml:lang="en">Down</e:Text></e:Reason></e:Fault></e:Body></e:Envelope>';
    expect(parseFault(soap12)).toEqual({ code: 'e:Receiver', message: 'Down' });
    expect(parseFault(fixture('24sevenoffice/login.response.xml'))).toBeUndefined();
    expect(parseFault('<Fault')).toBeUndefined();
  });
});
