import { describe, expect, it } from 'vitest';
import { applyMapping } from './apply.js';
import { describeMapping } from './describe.js';
import { expr as e } from './expr-builders.js';
import { myCashflowOrder } from './fixtures/mycashflow-tables.js';
import { applyOverrides } from './overrides.js';
import type { MappingTable } from './table.js';

const order = {
  id: 1042,
  reference: 'PO-77',
  shipping_method: 'posti',
  shipping_address: { first_name: 'Aino', last_name: 'Virtanen', phone: '+358401234567', email: 'aino@example.fi' },
  order_lines: [{ product_code: 'MUG', quantity: 2, unit_price: 5, discount: '10' }],
};

const applied = (overrides: unknown): MappingTable => {
  const result = applyOverrides(myCashflowOrder, overrides);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return result.value;
};

describe('applyOverrides', () => {
  it('replaces a row and marks it overridden', () => {
    const table = applied([{ op: 'replace', wms: 'customer.address', from: e.constant('Poste restante') }]);
    expect(describeMapping(table).find((row) => row.wms === 'customer.address')).toEqual({
      wms: 'customer.address',
      from: 'Fixed value "Poste restante"',
      overridden: true,
    });
    expect(table.rows.findIndex((row) => row.wms === 'customer.address')).toBe(
      myCashflowOrder.rows.findIndex((row) => row.wms === 'customer.address'),
    );
  });

  it('adds header and line rows', () => {
    const table = applied([
      { op: 'add', wms: 'orderInfo.referenceNumber', from: e.path('reference') },
      { op: 'add', wms: 'orderLines[].discount', from: e.toNumber(e.path('discount')) },
    ]);
    const result = applyMapping(table, order);
    expect(result.ok && result.value).toMatchObject({
      orderInfo: { referenceNumber: 'PO-77' },
      orderLines: [{ articleNumber: 'MUG', discount: 10 }],
    });
    expect(describeMapping(table).filter((row) => row.overridden)).toEqual([
      { wms: 'orderInfo.referenceNumber', from: 'Order ⇒ Reference', overridden: true },
      { wms: 'orderLines[].discount', from: 'Order line ⇒ Discount', overridden: true },
    ]);
  });

  it('drops header and line rows', () => {
    const table = applied([
      { op: 'drop', wms: 'orderInfo.orderNotification.mobilePhone' },
      { op: 'drop', wms: 'orderLines[].linePrice' },
    ]);
    const result = applyMapping(table, order);
    expect(result.ok && result.value).not.toHaveProperty('orderInfo.orderNotification');
    expect(result.ok && result.value.orderLines).toEqual([{ articleNumber: 'MUG', numberOfItems: 2 }]);
  });

  it('applies in order, so a drop and then an add of the same field is allowed', () => {
    const table = applied([
      { op: 'drop', wms: 'customer.name' },
      { op: 'add', wms: 'customer.name', from: e.path('shipping_address.email') },
    ]);
    expect(table.rows.at(-1)).toEqual({ wms: 'customer.name', from: e.path('shipping_address.email'), overridden: true });
  });

  it('leaves the connector table untouched', () => {
    const before = structuredClone(myCashflowOrder);
    applied([{ op: 'drop', wms: 'customer.name' }, { op: 'add', wms: 'orderLines[].discount', from: e.path('d') }]);
    expect(myCashflowOrder).toEqual(before);
  });

  it('accepts no overrides', () => {
    expect(applyOverrides(myCashflowOrder, [])).toEqual({ ok: true, value: myCashflowOrder });
  });

  it('refuses a wms path that is not a field of the target', () => {
    expect(applyOverrides(myCashflowOrder, [{ op: 'add', wms: 'orderInfo.colour', from: e.constant('red') }])).toEqual({
      ok: false,
      error: [{ record: 'order mapping', field: 'overrides[0].wms', value: 'orderInfo.colour', reason: 'is not a field of order' }],
    });
  });

  it('refuses replace and drop of a row that does not exist, and add of one that does', () => {
    const result = applyOverrides(myCashflowOrder, [
      { op: 'replace', wms: 'customer.city', from: e.path('city') },
      { op: 'drop', wms: 'orderLines[].discount' },
      { op: 'add', wms: 'customer.address', from: e.path('street') },
    ]);
    expect(result).toEqual({
      ok: false,
      error: [
        { record: 'order mapping', field: 'overrides[0].wms', value: 'customer.city', reason: 'has no row to replace' },
        { record: 'order mapping', field: 'overrides[1].wms', value: 'orderLines[].discount', reason: 'has no row to drop' },
        {
          record: 'order mapping',
          field: 'overrides[2].wms',
          value: 'customer.address',
          reason: 'already has a row; replace it instead',
        },
      ],
    });
  });

  it('refuses a line field when the table has no line table', () => {
    const table: MappingTable = { target: 'order', rows: [{ wms: 'orderInfo.goodsOwnerOrderNumber', from: e.path('id') }] };
    expect(applyOverrides(table, [{ op: 'add', wms: 'orderLines[].discount', from: e.path('d') }])).toEqual({
      ok: false,
      error: [
        {
          record: 'order mapping',
          field: 'overrides[0].wms',
          value: 'orderLines[].discount',
          reason: 'needs a line table, and this mapping has none',
        },
      ],
    });
  });

  it('refuses a from that is not an expression, and an unknown op', () => {
    const result = applyOverrides(myCashflowOrder, [
      { op: 'replace', wms: 'customer.address', from: { kind: 'eval', code: '1+1' } },
      { op: 'rename', wms: 'customer.address' },
      { op: 'add', wms: 'customer.city' },
    ]);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.error.map((issue) => issue.field)).toEqual([
      'overrides[0].from.kind',
      'overrides[1].op',
      'overrides[2].from',
    ]);
    expect(!result.ok && result.error[2]).toMatchObject({ record: 'order mapping', reason: 'is required' });
  });

  it('refuses overrides that are not a list', () => {
    expect(applyOverrides(myCashflowOrder, { op: 'drop' })).toMatchObject({
      ok: false,
      error: [{ record: 'order mapping', field: 'overrides' }],
    });
  });
});
