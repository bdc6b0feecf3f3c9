/**
 * Seeded pseudo-random numbers for sandbox data. Sandboxes must produce the same records for the
 * same seed so that a failing test or a demo can be replayed; Math.random() cannot be seeded.
 */

/** mulberry32: tiny, fast, and good enough for test data (not for anything secret). */
export function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Mixes a seed with a record number, so each record has its own stream: record 7 stays the same
 * whether the sandbox holds 10 or 100,000 records. */
export function deriveSeed(seed: number, ...parts: number[]): number {
  let h = seed >>> 0;
  for (const part of parts) {
    h = Math.imul(h ^ (part >>> 0), 0x9e3779b1) >>> 0;
    h ^= h >>> 16;
  }
  return h;
}

export interface Random {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [min, max], both included. */
  int(min: number, max: number): number;
  /** True with the given probability. */
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
  /** A price in [min, max] rounded to cents, ending in .90 or .95 like shop prices do. */
  price(min: number, max: number): number;
  /** A string of the given length from the given alphabet. */
  chars(length: number, alphabet?: string): string;
}

export function createRandom(seed: number): Random {
  const next = mulberry32(seed);
  const int = (min: number, max: number) => min + Math.floor(next() * (max - min + 1));
  return {
    next,
    int,
    chance: (probability) => next() < probability,
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new Error('pick() needs at least one item');
      return items[Math.floor(next() * items.length)] as T;
    },
    price(min, max) {
      const euros = int(Math.floor(min), Math.max(Math.floor(min), Math.ceil(max) - 1));
      return euros + (next() < 0.5 ? 0.9 : 0.95);
    },
    chars(length, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ0123456789') {
      let out = '';
      for (let i = 0; i < length; i++) out += alphabet[int(0, alphabet.length - 1)];
      return out;
    },
  };
}

/** Nordic people and places, for customers and addresses that look real in a demo. */
export const nordic = {
  firstNames: ['Aino', 'Eero', 'Helmi', 'Juha', 'Kaisa', 'Lauri', 'Minna', 'Olli', 'Saara', 'Timo',
    'Anna', 'Erik', 'Ingrid', 'Lars', 'Sofia', 'Mikael', 'Astrid', 'Nils', 'Elin', 'Johan'],
  lastNames: ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Hämäläinen', 'Laine', 'Heikkinen',
    'Koskinen', 'Järvinen', 'Lehtonen', 'Andersson', 'Johansson', 'Lindqvist', 'Nilsson', 'Hansen'],
  companies: ['Kahvila Aalto Oy', 'Pohjolan Puutarha Oy', 'Nordic Outdoor AB', 'Fjord Design AS',
    'Saariston Kauppa Ky', 'Tampereen Työkalu Oy'],
  streets: ['Mannerheimintie', 'Hämeenkatu', 'Aleksanterinkatu', 'Kauppakatu', 'Rantatie',
    'Koulukatu', 'Puistokatu', 'Storgatan', 'Drottninggatan', 'Karl Johans gate'],
  /** [postal code, city, ISO country] */
  places: [
    ['00100', 'Helsinki', 'FI'], ['33100', 'Tampere', 'FI'], ['20100', 'Turku', 'FI'],
    ['90100', 'Oulu', 'FI'], ['40100', 'Jyväskylä', 'FI'], ['70100', 'Kuopio', 'FI'],
    ['02100', 'Espoo', 'FI'], ['65100', 'Vaasa', 'FI'], ['11122', 'Stockholm', 'SE'],
    ['41101', 'Göteborg', 'SE'], ['0150', 'Oslo', 'NO'], ['10111', 'Tallinn', 'EE'],
  ] as const satisfies readonly (readonly [string, string, string])[],
} as const;

/** A person with a street address, phone and e-mail that fit together. */
export function pickPerson(random: Random) {
  const firstName = random.pick(nordic.firstNames);
  const lastName = random.pick(nordic.lastNames);
  const [postalCode, city, country] = random.pick(nordic.places);
  const mailName = `${firstName}.${lastName}`.toLowerCase().normalize('NFD').replace(/[^a-z.]/g, '');
  const phonePrefix = { FI: '+358 40', SE: '+46 70', NO: '+47 41', EE: '+372 5' }[country];
  return {
    firstName,
    lastName,
    company: random.chance(0.15) ? random.pick(nordic.companies) : '',
    streetAddress: `${random.pick(nordic.streets)} ${random.int(1, 120)}${random.chance(0.3) ? ` A ${random.int(1, 40)}` : ''}`,
    postalCode,
    city,
    country,
    phone: `${phonePrefix} ${random.int(100, 999)} ${random.int(1000, 9999)}`,
    email: `${mailName}@example.${country.toLowerCase()}`,
  };
}
