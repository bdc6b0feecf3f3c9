import { describe, expect, it } from 'vitest';
import type { MappingContext } from './context.js';
import type { Expr } from './expr.js';
import { expr as e } from './expr-builders.js';
import { evaluate } from './evaluate.js';

const order = {
  id: 1042,
  currency: 'EUR',
  shipping_method: 'POSTI_EXPRESS',
  shipping_address: { first_name: 'Aino', last_name: 'Virtanen', company: 'Kahvila Oy', phone: '', country: 'Suomi' },
  weight: '1 250',
  weight_unit: 'LBS',
  active: true,
  language: 'SWEDISH',
  comments: [
    { visibility: 'Public', comment: 'Leave at the door' },
    { visibility: 'private', comment: 'VIP customer' },
    { visibility: 'PUBLIC', comment: 'Ring twice' },
  ],
  rows: [
    { price: '4,90', qty: 3 },
    { price: 10, qty: 2 },
  ],
};

const context: MappingContext = {
  settings: { currencyCode: 'SEK' },
  lookups: { wayOfDelivery: { posti_express: 'PE14', MATKAHUOLTO: 'MH' } },
};

const run = (expr: Expr, record: unknown = order, ctx: MappingContext = context) =>
  evaluate(expr, { record, item: record, context: ctx });
const value = (v: unknown) => ({ ok: true, value: v });
const failure = (v: unknown, reason: string) => ({ ok: false, error: { value: v, reason } });

describe('path', () => {
  it('reads nested fields and list indexes, and undefined for anything missing', () => {
    expect(run(e.path('shipping_address.first_name'))).toEqual(value('Aino'));
    expect(run(e.path('comments.1.comment'))).toEqual(value('VIP customer'));
    expect(run(e.path('shipping_address.nothing.deeper'))).toEqual(value(undefined));
    expect(run(e.path('comments.first'))).toEqual(value(undefined));
    expect(run(e.path('toString'))).toEqual(value(undefined));
  });

  it('reads from the item, or from the record with scope "record"', () => {
    const item = { qty: 5 };
    const scope = { record: order, item, context };
    expect(evaluate(e.path('qty'), scope)).toEqual(value(5));
    expect(evaluate(e.recordPath('currency'), scope)).toEqual(value('EUR'));
    expect(evaluate(e.path('currency'), scope)).toEqual(value(undefined));
  });
});

describe('const and setting', () => {
  it('gives the constant and the integration setting', () => {
    expect(run(e.constant('STANDARD'))).toEqual(value('STANDARD'));
    expect(run(e.constant(false))).toEqual(value(false));
    expect(run(e.setting('currencyCode'))).toEqual(value('SEK'));
    expect(run(e.setting('missing'))).toEqual(value(undefined));
    expect(run(e.setting('currencyCode'), order, {})).toEqual(value(undefined));
  });
});

describe('firstOf', () => {
  it('gives the first non-empty operand, skipping blank text', () => {
    expect(run(e.firstOf(e.path('shipping_address.phone'), e.path('nope'), e.path('currency')))).toEqual(value('EUR'));
    expect(run(e.firstOf(e.path('nope'), e.path('shipping_address.phone')))).toEqual(value(undefined));
  });

  it('does not hide a failing operand', () => {
    expect(run(e.firstOf(e.toNumber(e.path('currency')), e.constant(1)))).toEqual(failure('EUR', 'is not a number'));
  });
});

describe('join', () => {
  it('joins the non-empty parts with the separator', () => {
    const [first, blank, last] = ['first_name', 'phone', 'last_name'].map((f) => e.path(`shipping_address.${f}`));
    const name = e.join(' ', first!, blank!, last!);
    expect(run(name)).toEqual(value('Aino Virtanen'));
    expect(run(e.join('-', e.path('id'), e.constant(7)))).toEqual(value('1042-7'));
    expect(run(e.join(' - ', e.path('missing')))).toEqual(value(''));
  });

  it('flattens lists among its parts', () => {
    expect(run(e.join(' / ', e.pluck(e.path('comments'), 'comment'), e.constant('end')))).toEqual(
      value('Leave at the door / VIP customer / Ring twice / end'),
    );
  });

  it('refuses a part that is not text', () => {
    expect(run(e.join(' ', e.path('shipping_address')))).toEqual(failure(order.shipping_address, 'is not a text value'));
  });
});

describe('multiply and sum', () => {
  it('multiplies numbers and numeric text without float noise', () => {
    expect(run(e.multiply(e.constant('19,90'), e.constant(3)))).toEqual(value(59.7));
    expect(run(e.multiply(e.path('rows.0.price'), e.path('rows.0.qty')))).toEqual(value(14.7));
  });

  it('gives nothing when a factor is missing', () => {
    expect(run(e.multiply(e.path('rows.0.price'), e.path('rows.0.nope')))).toEqual(value(undefined));
  });

  it('sums the present terms, nothing when none is present', () => {
    expect(run(e.sum(e.constant(0.1), e.constant('0.2'), e.path('nope')))).toEqual(value(0.3));
    expect(run(e.sum(e.path('nope'), e.path('shipping_address.phone')))).toEqual(value(undefined));
  });

  it('refuses a term that is not a number', () => {
    expect(run(e.multiply(e.constant(2), e.path('currency')))).toEqual(failure('EUR', 'is not a number'));
    expect(run(e.sum(e.constant(2), e.path('active')))).toEqual(failure(true, 'is not a number'));
  });
});

describe('round, toNumber, toText', () => {
  it('rounds to the given decimals', () => {
    expect(run(e.round(e.constant('2,345'), 2))).toEqual(value(2.35));
    expect(run(e.round(e.constant(7.5), 0))).toEqual(value(8));
    expect(run(e.round(e.path('currency'), 1))).toEqual(failure('EUR', 'is not a number'));
  });

  it('reads numbers, passes empties, refuses text that is not a number', () => {
    expect(run(e.toNumber(e.path('weight')))).toEqual(value(1250));
    expect(run(e.toNumber(e.path('shipping_address.phone')))).toEqual(value(''));
    expect(run(e.toNumber(e.constant('abc')))).toEqual(failure('abc', 'is not a number'));
  });

  it('writes ids as text, refuses objects', () => {
    expect(run(e.toText(e.path('id')))).toEqual(value('1042'));
    expect(run(e.toText(e.path('comments.0')))).toEqual(failure(order.comments[0], 'is not a text value'));
  });
});

describe('convertWeight', () => {
  it('converts the fixed unit to kg', () => {
    expect(run(e.convertWeight(e.path('weight'), 'g'))).toEqual(value(1.25));
    expect(run(e.convertWeight(e.constant(2), 'oz'))).toEqual(value(0.05669904625));
  });

  it('takes the unit from the record when it carries one, the fixed unit otherwise', () => {
    expect(run(e.convertWeight(e.constant(10), 'g', e.path('weight_unit')))).toEqual(value(4.5359237));
    expect(run(e.convertWeight(e.constant(500), 'g', e.path('nope')))).toEqual(value(0.5));
  });

  it('refuses an unknown unit and a weight that is not a number', () => {
    expect(run(e.convertWeight(e.constant(1), 'kg', e.constant('stone')))).toEqual(
      failure('stone', 'is not a weight unit (g, kg, lb, oz)'),
    );
    expect(run(e.convertWeight(e.constant('heavy'), 'kg'))).toEqual(failure('heavy', 'is not a number'));
  });
});

describe('countryToIso and languageToCode', () => {
  it('converts names and enums to codes', () => {
    expect(run(e.countryToIso(e.path('shipping_address.country')))).toEqual(value('FI'));
    expect(run(e.countryToIso(e.constant('UNITED_KINGDOM')))).toEqual(value('GB'));
    expect(run(e.languageToCode(e.path('language')))).toEqual(value('sv'));
  });

  it('refuses an unknown country or language with the value', () => {
    expect(run(e.countryToIso(e.constant('Atlantis')))).toEqual(
      failure('Atlantis', 'is not a known country name or ISO 3166-1 code'),
    );
    expect(run(e.languageToCode(e.constant('KLINGON')))).toEqual(
      failure('KLINGON', 'is not a known language name or ISO 639 code'),
    );
    expect(run(e.countryToIso(e.path('comments')))).toEqual(failure(order.comments, 'is a list, not a text value'));
  });

  it('passes an empty country on: the field is left out', () => {
    expect(run(e.countryToIso(e.path('nope')))).toEqual(value(undefined));
  });
});

describe('ifExists', () => {
  it('chooses then or else on whether the test has a value', () => {
    const flag = (path: string) => e.ifExists(e.path(path), e.constant(true), e.constant(false));
    expect(run(flag('shipping_address.first_name'))).toEqual(value(true));
    expect(run(flag('shipping_address.phone'))).toEqual(value(false));
    expect(run(e.ifExists(e.path('nope'), e.constant(true)))).toEqual(value(undefined));
    expect(run(e.ifExists(e.path('shipping_address.company'), e.path('shipping_address.company')))).toEqual(
      value('Kahvila Oy'),
    );
  });
});

describe('filter, pluck and each', () => {
  it('keeps items whose field is one of the values, optionally in any case', () => {
    expect(run(e.filter(e.path('comments'), 'visibility', ['Public']))).toEqual(value([order.comments[0]]));
    expect(run(e.filter(e.path('comments'), 'visibility', ['public'], { ignoreCase: true }))).toEqual(
      value([order.comments[0], order.comments[2]]),
    );
    expect(run(e.filter(e.path('rows'), 'qty', [2, 9]))).toEqual(value([order.rows[1]]));
  });

  it('plucks the non-empty values of a field', () => {
    const publicComments = e.filter(e.path('comments'), 'visibility', ['PUBLIC'], { ignoreCase: true });
    expect(run(e.pluck(publicComments, 'comment'))).toEqual(value(['Leave at the door', 'Ring twice']));
    expect(run(e.pluck(e.path('rows'), 'nope'))).toEqual(value([]));
  });

  it('evaluates an expression per item, with paths read from the item', () => {
    expect(run(e.each(e.path('rows'), e.multiply(e.path('price'), e.path('qty'))))).toEqual(value([14.7, 20]));
    expect(run(e.each(e.path('rows'), e.join(' ', e.path('qty'), e.recordPath('currency'))))).toEqual(
      value(['3 EUR', '2 EUR']),
    );
  });

  it('treats a missing list as empty and refuses what is not a list', () => {
    expect(run(e.pluck(e.path('nope'), 'x'))).toEqual(value([]));
    expect(run(e.filter(e.path('currency'), 'x', ['y']))).toEqual(failure('EUR', 'is not a list'));
    expect(run(e.each(e.path('rows'), e.toNumber(e.constant('x'))))).toEqual(failure('x', 'is not a number'));
  });
});

describe('lookup', () => {
  const wayOfDelivery = (options = {}) => e.lookup('wayOfDelivery', e.path('shipping_method'), options);

  it('translates through the integration table, ignoring case when there is no exact entry', () => {
    expect(run(wayOfDelivery())).toEqual(value('PE14'));
    expect(run(e.lookup('wayOfDelivery', e.constant('Matkahuolto')))).toEqual(value('MH'));
  });

  it('falls back to the default, then to the value itself', () => {
    const elsewhere = { ...order, shipping_method: 'DHL' };
    expect(run(wayOfDelivery({ default: e.constant('STD') }), elsewhere)).toEqual(value('STD'));
    expect(run(wayOfDelivery(), elsewhere)).toEqual(value('DHL'));
    expect(run(wayOfDelivery({ default: e.constant('STD') }), { id: 1 })).toEqual(value('STD'));
    expect(run(e.lookup('constructor', e.constant('toString')), order, { lookups: {} })).toEqual(value('toString'));
  });

  it('refuses a value missing from a required table', () => {
    expect(run(wayOfDelivery({ required: true }), { shipping_method: 'DHL' })).toEqual(
      failure('DHL', 'has no entry in the "wayOfDelivery" table'),
    );
    expect(run(wayOfDelivery({ required: true }), order, {})).toEqual(
      failure('POSTI_EXPRESS', 'has no entry in the "wayOfDelivery" table'),
    );
  });
});

describe('equals and not', () => {
  it('compares against one or more values', () => {
    expect(run(e.equals(e.path('currency'), ['SEK', 'EUR']))).toEqual(value(true));
    expect(run(e.equals(e.path('currency'), ['eur']))).toEqual(value(false));
    expect(run(e.equals(e.path('currency'), ['eur'], { ignoreCase: true }))).toEqual(value(true));
    expect(run(e.equals(e.path('nope'), ['Y']))).toEqual(value(false));
  });

  it('negates booleans and refuses anything else', () => {
    expect(run(e.not(e.path('active')))).toEqual(value(false));
    expect(run(e.not(e.equals(e.path('currency'), ['SEK'])))).toEqual(value(true));
    expect(run(e.not(e.path('nope')))).toEqual(value(undefined));
    expect(run(e.not(e.path('currency')))).toEqual(failure('EUR', 'is not true or false'));
  });
});
