import { describe, expect, it } from 'vitest';
import { describeExpr, describeMapping } from './describe.js';
import { expr as e } from './expr-builders.js';
import { myCashflowArticle, myCashflowOrder } from './fixtures/mycashflow-tables.js';

describe('describeMapping', () => {
  it('reads like the MyCashflow seed table for orders', () => {
    expect(describeMapping(myCashflowOrder)).toEqual([
      { wms: 'orderInfo.goodsOwnerOrderNumber', from: 'Order ⇒ Id' },
      { wms: 'orderInfo.customerPrice', from: 'Order ⇒ Total' },
      {
        wms: 'orderInfo.orderRemark',
        from: 'Combination of Order ⇒ Comments ⇒ Comment, where the visibility is "public" (in any case)',
      },
      { wms: 'orderInfo.wayOfDelivery', from: 'Order ⇒ Shipping method translated by the "wayOfDelivery" table' },
      { wms: 'orderInfo.orderNotification.mobilePhone', from: 'Order ⇒ Shipping address ⇒ Phone' },
      {
        wms: 'customer.name',
        from: 'Order ⇒ Shipping address ⇒ First name + Last name or Order ⇒ Shipping address ⇒ Company',
      },
      { wms: 'customer.address', from: 'Order ⇒ Shipping address ⇒ Street address' },
      { wms: 'customer.countryCode', from: 'Order ⇒ Shipping address ⇒ Country (as an ISO country code)' },
      { wms: 'customer.notifyBySms', from: 'if exists Order ⇒ Shipping address ⇒ Phone' },
      { wms: 'orderLines[].articleNumber', from: 'Order line ⇒ Product code' },
      { wms: 'orderLines[].numberOfItems', from: 'Order line ⇒ Quantity' },
      { wms: 'orderLines[].linePrice', from: 'Order line ⇒ Unit price x Quantity' },
      {
        wms: 'orderLines[].productCode',
        from: 'Combination of Order line ⇒ Product id and Variation id ([Product id]-[Variation id])',
      },
      { wms: 'orderLines[].currencyCode', from: 'Order ⇒ Currency' },
    ]);
  });

  it('takes the root from the path when the table has no label (one source, several parts)', () => {
    expect(describeMapping(myCashflowArticle)).toEqual([
      { wms: 'articleNumber', from: 'Variation ⇒ Product code or Product ⇒ Product code' },
      { wms: 'articleName', from: 'Combination of Product ⇒ Name and Variation ⇒ Name ([Product name] - [Variation name])' },
      { wms: 'productCode', from: 'Combination of Product ⇒ Id and Variation ⇒ Id ([Product id]-[Variation id])' },
      { wms: 'price', from: 'Variation ⇒ Price or Product ⇒ Price' },
      { wms: 'netWeight', from: 'Product ⇒ Weight (converted from g to kg)' },
      { wms: 'vatPercent', from: 'Product ⇒ Vat rate' },
      { wms: 'alternativeNames[].language', from: 'Variation ⇒ Translations ⇒ Language (as a language code)' },
      { wms: 'alternativeNames[].name', from: 'Variation ⇒ Translations ⇒ Name' },
    ]);
  });

  it('names line fields after the source list when the line table has no label', () => {
    const table = { ...myCashflowOrder, lines: { ...myCashflowOrder.lines!, label: undefined } };
    expect(describeMapping(table).find((row) => row.wms === 'orderLines[].numberOfItems')).toEqual({
      wms: 'orderLines[].numberOfItems',
      from: 'Order ⇒ Order lines ⇒ Quantity',
    });
  });

  it('is deterministic', () => {
    expect(describeMapping(myCashflowOrder)).toEqual(describeMapping(structuredClone(myCashflowOrder)));
  });
});

describe('describeExpr', () => {
  const say = (expr: Parameters<typeof describeExpr>[0]) => describeExpr(expr, 'Invoice');

  it.each([
    [e.path('counterParty.counterPartyAddress.name'), 'Invoice ⇒ Counter party ⇒ Counter party address ⇒ Name'],
    [e.path('EAN1'), 'Invoice ⇒ EAN1'],
    [e.path('delivery-method.id'), 'Invoice ⇒ Delivery method ⇒ Id'],
    [e.path('rows.0.price'), 'Invoice ⇒ Rows ⇒ #1 ⇒ Price'],
    [e.path('x', { label: 'Variation* ⇒ Stock item ⇒ Barcode' }), 'Variation* ⇒ Stock item ⇒ Barcode'],
    [e.constant('SEK'), 'Fixed value "SEK"'],
    [e.setting('currencyCode'), 'Integration setting ⇒ Currency code'],
    [e.sum(e.path('row.sum_vat'), e.path('row.sum_excl_vat')), 'Invoice ⇒ Row ⇒ Sum vat + Sum excl vat'],
    [e.multiply(e.path('a'), e.path('b.c')), 'Invoice ⇒ A x Invoice ⇒ B ⇒ C'],
    [e.round(e.path('total'), 2), 'Invoice ⇒ Total rounded to 2 decimals'],
    [e.round(e.path('total'), 1), 'Invoice ⇒ Total rounded to 1 decimal'],
    [e.toNumber(e.toText(e.path('qty'))), 'Invoice ⇒ Qty'],
    [e.convertWeight(e.path('weight'), 'kg'), 'Invoice ⇒ Weight'],
    [
      e.convertWeight(e.path('weight'), 'g', e.path('weight_unit')),
      'Invoice ⇒ Weight (converted to kg from the unit in Invoice ⇒ Weight unit, or g)',
    ],
    [e.languageToCode(e.path('language')), 'Invoice ⇒ Language (as a language code)'],
    [
      e.ifExists(e.path('phone'), e.path('phone'), e.path('mobile')),
      'Invoice ⇒ Phone if Invoice ⇒ Phone exists, otherwise Invoice ⇒ Mobile',
    ],
    [
      e.join(', ', e.path('a'), e.path('b'), e.path('c.d')),
      'Combination of Invoice ⇒ A, Invoice ⇒ B and Invoice ⇒ C ⇒ D ([Invoice a], [Invoice b], [C d])',
    ],
    [e.join(' ', e.path('first_name'), e.path('last_name')), 'Invoice ⇒ First name + Last name'],
    [e.join('\n', e.path('note1'), e.path('note2')), 'Combination of Invoice ⇒ Note1 and Note2 (one per line)'],
    [e.filter(e.path('rows'), 'type', ['A', 'B']), 'Invoice ⇒ Rows, where the type is "A" or "B"'],
    [
      e.pluck(e.filter(e.filter(e.path('rows'), 'type', ['A']), 'state.code', [1]), 'text'),
      'Invoice ⇒ Rows ⇒ Text, where the type is "A" and the state ⇒ code is 1',
    ],
    [
      e.each(e.filter(e.path('rows'), 'kind', ['note']), e.join(': ', e.path('author'), e.path('text'))),
      'Combination of Invoice ⇒ Rows ⇒ Author and Text ([Author]: [Text]), where the kind is "note"',
    ],
    [e.each(e.path('rows'), e.recordPath('currency')), 'Invoice ⇒ Currency'],
    [
      e.lookup('wayOfDelivery', e.path('method'), { default: e.constant('STD') }),
      'Invoice ⇒ Method translated by the "wayOfDelivery" table, otherwise Fixed value "STD"',
    ],
    [e.equals(e.path('notify'), ['Y']), 'Invoice ⇒ Notify is "Y"'],
    [e.not(e.path('hidden')), 'not Invoice ⇒ Hidden'],
  ])('%j reads %j', (expr, text) => {
    expect(say(expr)).toBe(text);
  });

  it('renders the first segment as the root without a label', () => {
    expect(describeExpr(e.path('shipping_address.street_address'))).toBe('Shipping address ⇒ Street address');
  });
});
