import { describe, expect, it } from 'vitest';
import { parseWeightUnit, toKilograms } from './weight.js';

describe('toKilograms', () => {
  it('converts each unit to kg', () => {
    expect(toKilograms(1250, 'g')).toBe(1.25);
    expect(toKilograms(3.4, 'kg')).toBe(3.4);
    expect(toKilograms(10, 'lb')).toBe(4.5359237);
    expect(toKilograms(16, 'oz')).toBe(0.45359237);
  });
});

describe('parseWeightUnit', () => {
  it('reads units as records send them', () => {
    expect(parseWeightUnit('KG')).toEqual({ ok: true, value: 'kg' });
    expect(parseWeightUnit(' grams ')).toEqual({ ok: true, value: 'g' });
    expect(parseWeightUnit('lbs')).toEqual({ ok: true, value: 'lb' });
    expect(parseWeightUnit('Ounce')).toEqual({ ok: true, value: 'oz' });
  });

  it('refuses an unknown unit', () => {
    expect(parseWeightUnit('stone')).toEqual({ ok: false, error: 'is not a weight unit (g, kg, lb, oz)' });
    expect(parseWeightUnit(5)).toEqual({ ok: false, error: 'is not a weight unit (g, kg, lb, oz)' });
  });
});
