import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed, mulberry32, pickPerson } from './random.js';

describe('seeded random', () => {
  it('repeats the same sequence for the same seed and differs for another', () => {
    const a = mulberry32(42);
    const b = mulberry32(42);
    const c = mulberry32(43);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const n of seqA) expect(n >= 0 && n < 1).toBe(true);
  });

  it('derives distinct per-record seeds', () => {
    expect(deriveSeed(1, 1, 7)).toBe(deriveSeed(1, 1, 7));
    expect(deriveSeed(1, 1, 7)).not.toBe(deriveSeed(1, 1, 8));
    expect(deriveSeed(1, 1, 7)).not.toBe(deriveSeed(1, 2, 7));
  });

  it('keeps helpers in their ranges', () => {
    const random = createRandom(5);
    for (let i = 0; i < 500; i++) {
      const n = random.int(3, 6);
      expect(n).toBeGreaterThanOrEqual(3);
      expect(n).toBeLessThanOrEqual(6);
      const price = random.price(10, 20);
      expect(price).toBeGreaterThanOrEqual(10);
      expect(price).toBeLessThan(20);
      expect([0.9, 0.95]).toContain(Math.round((price % 1) * 100) / 100);
    }
    expect(random.chars(8, 'ab')).toMatch(/^[ab]{8}$/);
    expect(() => random.pick([])).toThrow();
  });

  it('picks a person whose e-mail and phone fit the country', () => {
    const person = pickPerson(createRandom(9));
    expect(person.email).toMatch(/^[a-z.]+@example\.(fi|se|no|ee)$/);
    expect(person.email.endsWith(person.country.toLowerCase())).toBe(true);
    expect(person.phone).toMatch(/^\+3?\d{2,3} /);
  });
});
