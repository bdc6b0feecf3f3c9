import { describe, expect, it } from 'vitest';
import { isWmsyncError } from '../kernel/errors.js';
import { applyMapping } from './apply.js';
import { describeMapping } from './describe.js';
import { expr as e } from './expr-builders.js';
import { myCashflowArticle, myCashflowOrder } from './fixtures/mycashflow-tables.js';
import type { MappingTable } from './table.js';
import { defineMappingTable, parseMappingTable } from './table.js';

const order = {
  id: 5,
  total: 10,
  shipping_address: { first_name: 'Ola', last_name: 'Nordmann', country: 'Norge' },
  comments: [{ visibility: 'Public', comment: 'Hi' }],
  order_lines: [{ product_code: 'X', quantity: 2, unit_price: 5 }],
};

describe('a table as JSON', () => {
  it('round-trips: serialised, parsed, it maps and reads the same', () => {
    for (const table of [myCashflowOrder, myCashflowArticle]) {
      const parsed = parseMappingTable(JSON.parse(JSON.stringify(table)));
      expect(parsed).toEqual({ ok: true, value: table });
      if (!parsed.ok) continue;
      expect(describeMapping(parsed.value)).toEqual(describeMapping(table));
    }
    const parsed = parseMappingTable(JSON.parse(JSON.stringify(myCashflowOrder)));
    expect(parsed.ok && applyMapping(parsed.value, order)).toEqual(applyMapping(myCashflowOrder, order));
  });

  it('refuses a malformed table, naming the field', () => {
    const parsed = parseMappingTable({ target: 'invoice', rows: [{ wms: 'x', from: { kind: 'path' } }] });
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.error.map((issue) => issue.field)).toEqual(['target', 'rows[0].from.path']);
  });
});

describe('checks against the canonical model', () => {
  const bad: MappingTable = {
    target: 'order',
    rows: [
      { wms: 'orderInfo.goodsOwnerOrderNumber', from: e.path('id') },
      { wms: 'orderInfo.goodsOwnerOrderNumber', from: e.path('number') },
      { wms: 'orderInfo.colour', from: e.path('colour') },
      { wms: 'orderLines[].articleNumber', from: e.path('sku') },
    ],
    lines: {
      wms: 'orderLines',
      from: e.path('lines'),
      rows: [
        { wms: 'orderLines[].numberOfItems', from: e.path('qty') },
        { wms: 'customer.name', from: e.path('name') },
      ],
    },
  };

  it('reports every row that names no field, a field twice, or a field in the wrong part', () => {
    expect(parseMappingTable(bad)).toEqual({
      ok: false,
      error: [
        { record: 'order mapping', field: 'rows[1].wms', value: 'orderInfo.goodsOwnerOrderNumber', reason: 'is mapped twice' },
        { record: 'order mapping', field: 'rows[2].wms', value: 'orderInfo.colour', reason: 'is not a field of order' },
        { record: 'order mapping', field: 'rows[3].wms', value: 'orderLines[].articleNumber', reason: 'belongs in the line table' },
        { record: 'order mapping', field: 'lines.rows[1].wms', value: 'customer.name', reason: 'is not a field of orderLines[]' },
      ],
    });
  });

  it('refuses a line table for a list the target does not have', () => {
    const table: MappingTable = { target: 'supplier', rows: [], lines: { wms: 'contacts', from: e.path('c'), rows: [] } };
    expect(parseMappingTable(table)).toEqual({
      ok: false,
      error: [{ record: 'supplier mapping', field: 'lines.wms', value: 'contacts', reason: 'is not a list of supplier' }],
    });
  });

  it('makes defineMappingTable fail loudly, as a config error with the issues', () => {
    expect.assertions(3);
    try {
      defineMappingTable(bad);
    } catch (error) {
      expect(isWmsyncError(error) && error.kind).toBe('config');
      expect(isWmsyncError(error) && error.details).toHaveLength(4);
      expect((error as Error).message).toBe('the order mapping is not valid');
    }
  });
});
