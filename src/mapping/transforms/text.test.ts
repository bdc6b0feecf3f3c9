import { describe, expect, it } from 'vitest';
import { sameScalar, toTextValue } from './text.js';

describe('toTextValue', () => {
  it('trims text and writes numbers and booleans as text', () => {
    expect(toTextValue('  SKU-7 ')).toEqual({ ok: true, value: 'SKU-7' });
    expect(toTextValue(1042)).toEqual({ ok: true, value: '1042' });
    expect(toTextValue(0.5)).toEqual({ ok: true, value: '0.5' });
    expect(toTextValue(false)).toEqual({ ok: true, value: 'false' });
  });

  it('refuses lists, objects and non-finite numbers', () => {
    expect(toTextValue(['a'])).toEqual({ ok: false, error: 'is a list, not a text value' });
    expect(toTextValue({ a: 1 })).toEqual({ ok: false, error: 'is not a text value' });
    expect(toTextValue(Number.NaN)).toEqual({ ok: false, error: 'is not a finite number' });
  });
});

describe('sameScalar', () => {
  it('compares as text, optionally ignoring case', () => {
    expect(sameScalar(7, '7', false)).toBe(true);
    expect(sameScalar('Public', 'public', false)).toBe(false);
    expect(sameScalar('Public', 'public', true)).toBe(true);
    expect(sameScalar(true, 'true', false)).toBe(true);
    expect(sameScalar(undefined, 'undefined', false)).toBe(false);
    expect(sameScalar({}, '[object Object]', false)).toBe(false);
  });
});
