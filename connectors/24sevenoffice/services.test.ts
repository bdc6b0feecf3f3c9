import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readWsdl } from '../../src/connectors/sdk/index.js';
import type { SoapSchema } from '../../src/connectors/sdk/index.js';
import { operations, services } from './services.js';

const wsdl = (name: string) => readWsdl(readFileSync(new URL(`./fixtures/wsdl/${name}.wsdl`, import.meta.url), 'utf8'));
const official = { products: wsdl('productService'), invoices: wsdl('invoiceService'), companies: wsdl('companyService') };

/** Every sequence written out must be the WSDL's, or the WSDL's with members left out: same names, types and order. */
function expectWithinWsdl(ours: SoapSchema['types'], theirs: SoapSchema['types'], what: string) {
  for (const [name, fields] of Object.entries(ours)) {
    const official = theirs[name];
    expect(official, `${what} ${name} is in the WSDL`).toBeDefined();
    const kept = new Set(fields.map((f) => f.name));
    expect(fields, `${what} ${name}`).toEqual(official!.filter((f) => kept.has(f.name)));
  }
}

describe('the services written out agree with the official WSDLs', () => {
  it.each(Object.keys(services) as (keyof typeof services)[])('%s: address, namespace, elements and types', (key) => {
    const ours = services[key];
    const theirs = official[key];
    expect(`https://api.24sevenoffice.com${ours.path}`).toBe(theirs.address);
    expect(ours.schema.namespace).toBe(theirs.schema.namespace);
    expectWithinWsdl(ours.schema.elements, theirs.schema.elements, 'element');
    expectWithinWsdl(ours.schema.types, theirs.schema.types, 'type');
  });

  it('the request and response wrappers of each operation are whole, with the WSDL action', () => {
    const all = Object.values(official).flatMap((s) => Object.values(s.operations));
    for (const op of Object.values(operations)) {
      const read = all.find((o) => o.name === op.name)!;
      expect({ ...op, schema: undefined, idempotent: undefined }).toEqual({ ...read, schema: undefined, idempotent: undefined });
      for (const element of [read.input, read.output]) expect(op.schema.elements[element], `${op.name} ${element}`).toEqual(read.schema.elements[element]);
    }
  });

  it('reads are safe to resend, the status save is not', () => {
    expect(Object.values(operations).filter((o) => o.idempotent).map((o) => o.name)).toEqual(['GetProducts', 'SetStockQuantity', 'GetOrderSyncList', 'GetInvoices', 'GetCompanies']);
  });
});
