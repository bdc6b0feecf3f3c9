import { describe, expect, it } from 'vitest';
import { parseNumber, roundTo, withoutFloatNoise } from './number.js';

describe('parseNumber', () => {
  it.each([
    [42.5, 42.5],
    ['17', 17],
    [' -3.25 ', -3.25],
    ['12,50', 12.5],
    ['1 234,56', 1234.56],
    ['1\u00a0234,56', 1234.56],
    ['1.234,56', 1234.56],
    ['1,234.56', 1234.56],
    ["1'000.5", 1000.5],
    ['.75', 0.75],
    ['+8', 8],
  ])('reads %j as %j', (input, expected) => {
    expect(parseNumber(input)).toEqual({ ok: true, value: expected });
  });

  it.each(['abc', '12abc', '1,2,3x', '', '--1'])('refuses the text %j', (input) => {
    expect(parseNumber(input)).toEqual({ ok: false, error: 'is not a number' });
  });

  it('refuses booleans, objects and non-finite numbers', () => {
    expect(parseNumber(true)).toEqual({ ok: false, error: 'is not a number' });
    expect(parseNumber({ amount: 1 })).toEqual({ ok: false, error: 'is not a number' });
    expect(parseNumber(Number.POSITIVE_INFINITY)).toEqual({ ok: false, error: 'is not a finite number' });
  });
});

describe('withoutFloatNoise', () => {
  it('cleans binary noise but keeps real digits', () => {
    expect(19.9 * 3).not.toBe(59.7);
    expect(withoutFloatNoise(19.9 * 3)).toBe(59.7);
    expect(withoutFloatNoise(0.1 + 0.2)).toBe(0.3);
    expect(withoutFloatNoise(1234.5678)).toBe(1234.5678);
  });
});

describe('roundTo', () => {
  it('rounds half away from zero on the written digits', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(2.5, 0)).toBe(3);
    expect(roundTo(-2.5, 0)).toBe(-3);
    expect(roundTo(-0.004, 2)).toBe(0);
    expect(roundTo(12.3456, 3)).toBe(12.346);
  });
});
