import type { Result } from '../../kernel/result.js';
import { err, ok } from '../../kernel/result.js';
import type { WeightUnit } from '../expr.js';
import { withoutFloatNoise } from './number.js';

const kgPerUnit: Record<WeightUnit, number> = { g: 0.001, kg: 1, lb: 0.45359237, oz: 0.028349523125 };

const unitNames: Record<string, WeightUnit> = {
  g: 'g', gr: 'g', gram: 'g', grams: 'g', gramme: 'g', grammes: 'g',
  kg: 'kg', kgs: 'kg', kilo: 'kg', kilos: 'kg', kilogram: 'kg', kilograms: 'kg',
  lb: 'lb', lbs: 'lb', pound: 'lb', pounds: 'lb',
  oz: 'oz', ounce: 'oz', ounces: 'oz',
};

/** Reads a unit as a record may send it ("KG", "grams", "lbs"). */
export function parseWeightUnit(value: unknown): Result<WeightUnit, string> {
  const unit = typeof value === 'string' ? unitNames[value.trim().toLowerCase()] : undefined;
  return unit === undefined ? err(`is not a weight unit (${Object.keys(kgPerUnit).join(', ')})`) : ok(unit);
}

/** The canonical model keeps weights in kg. */
export const toKilograms = (amount: number, unit: WeightUnit): number => withoutFloatNoise(amount * kgPerUnit[unit]);
