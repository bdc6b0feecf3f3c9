import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { authenticateOperations } from './authenticate.js';
import { readWsdl } from './wsdl.js';

const wsdl = (name: string) => readWsdl(readFileSync(new URL(`./fixtures/${name}.wsdl`, import.meta.url), 'utf8'));

describe('readWsdl on the official 24SevenOffice WSDLs', () => {
  it('reads the operations with their SOAPAction, address and wrappers', () => {
    const auth = wsdl('authService');
    expect(auth.name).toBe('Authenticate');
    expect(auth.address).toBe('https://api.24sevenoffice.com/authenticate/v001/authenticate.asmx');
    expect(Object.keys(auth.operations)).toEqual(expect.arrayContaining(['Login', 'HasSession', 'GetIdentities', 'SetIdentityById']));
    expect(auth.operations.Login).toMatchObject({
      soapAction: 'http://24sevenOffice.com/webservices/Login',
      path: '/authenticate/v001/authenticate.asmx',
      input: 'Login',
      output: 'LoginResponse',
      idempotent: false,
    });
    expect(auth.schema.namespace).toBe('http://24sevenOffice.com/webservices');
  });

  it('keeps the sequence order of types, repeated members and list wrappers', () => {
    const invoices = wsdl('invoiceService');
    const order = invoices.schema.types.InvoiceOrder!.map((f) => f.name);
    expect(order.slice(0, 7)).toEqual(['OrderId', 'CustomerId', 'CustomerName', 'CustomerDeliveryName', 'CustomerDeliveryPhone', 'Addresses', 'OrderStatus']);
    expect(order.indexOf('InvoiceRows')).toBeLessThan(order.indexOf('APIException'));
    expect(invoices.schema.types.ArrayOfInvoiceOrder).toEqual([{ name: 'InvoiceOrder', type: 'InvoiceOrder', repeated: true }]);
    expect(invoices.schema.elements.GetInvoices!.map((f) => f.name)).toEqual(['searchParams', 'invoiceReturnProperties', 'rowReturnProperties']);
    expect(invoices.schema.types.Address!.map((f) => f.name)).toEqual(['Street', 'State', 'PostalCode', 'PostalArea', 'Name', 'City', 'Country']);
    const products = wsdl('productService');
    expect(products.operations.SetStockQuantity?.path).toBe('/Logistics/Product/V001/ProductService.asmx');
    expect(products.schema.elements.SetStockQuantity).toEqual([
      { name: 'productId', type: 'int', repeated: false },
      { name: 'stockQuantity', type: 'decimal', repeated: false },
    ]);
  });

  it('agrees with the Login and HasSession the session strategy writes out', () => {
    const auth = wsdl('authService');
    for (const name of ['Login', 'HasSession'] as const) {
      const written = name === 'Login' ? authenticateOperations.login : authenticateOperations.hasSession;
      const read = auth.operations[name]!;
      expect({ ...written, schema: undefined, idempotent: undefined }).toEqual({ ...read, schema: undefined, idempotent: undefined });
      for (const element of [read.input, read.output]) expect(written.schema.elements[element]).toEqual(read.schema.elements[element]);
    }
    expect(authenticateOperations.login.schema.types.Credential).toEqual(auth.schema.types.Credential);
    expect(authenticateOperations.hasSession.idempotent).toBe(true);
  });

  it('refuses a text that is not a WSDL', () => {
    expect(() => readWsdl('<definitions><a></definitions>')).toThrow('the WSDL is not well-formed XML');
    expect(() => readWsdl('<html/>')).toThrow('the WSDL has no definitions element');
  });
});
