import { createRandom, deriveSeed } from '../../../src/connectors/sandbox/index.js';
import type { Random } from '../../../src/connectors/sandbox/index.js';
import type { Address, CounterParty, Language } from '../api.js';
import { customerCompanies, firstNames, lastNames, places, streets, suppliers } from './catalog.js';
import type { Place } from './catalog.js';
import { kinds } from './product-data.js';

/**
 * Customers and suppliers, each drawn from its own stream by business partner id, so that every
 * order of one partner carries the same name, address and numbers.
 */
export interface Party {
  counterParty: CounterParty;
  language: Language;
  currency: string;
}

/** Partner ids: customers 1..customerCount, suppliers from supplierBase up. */
export const customerCount = 400;
export const supplierBase = 1001;
export const supplierCount = suppliers.length;

const slug = (name: string) => name.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '');
const placeIn = (city: string): Place => places.find((p) => p.city === city) ?? (places[0] as Place);

const streetIn = (random: Random, place: Place) => random.pick(streets[place.country] ?? streets.FINLAND ?? ['Kauppakatu']);

function address(name: string, place: Place, street: string): Address {
  return { name, specifier: null, street, zip: place.zip, city: place.city, country: place.country, subdivision: null };
}

export function customer(seed: number, partnerId: number): Party {
  const random = createRandom(deriveSeed(seed, kinds.party, partnerId));
  const first = random.pick(firstNames);
  const last = random.pick(lastNames);
  const company = random.chance(0.3) ? random.pick(customerCompanies) : null;
  // Most customers are Finnish; a quarter are abroad, to exercise the country and language enums.
  const place = random.chance(0.75) ? (places[random.int(0, 5)] as Place) : random.pick(places);
  const street = `${streetIn(random, place)} ${random.int(1, 120)}${random.chance(0.3) ? ` A ${random.int(1, 40)}` : ''}`;
  return {
    language: place.language,
    currency: 'EUR',
    counterParty: {
      contactPersonName: `${first} ${last}`,
      identifier: company ? `${random.chars(7, '0123456789')}-${random.int(0, 9)}` : null,
      taxCode: null,
      customerNumber: String(1000 + partnerId),
      email: `${slug(first)}.${slug(last)}@example.${place.country === 'FINLAND' ? 'fi' : 'com'}`,
      bccAddresses: [],
      counterPartyAddress: address(company ?? `${first} ${last}`, place, street),
      bankAccount: null,
      einvoiceAddress: company ? { operator: '003721291126', address: `0037${random.chars(8, '0123456789')}`, ediId: null } : null,
    },
  };
}

export function supplier(seed: number, partnerId: number): Party {
  const random = createRandom(deriveSeed(seed, kinds.party, partnerId));
  const info = suppliers[(partnerId - supplierBase) % supplierCount] ?? suppliers[0];
  const place = placeIn(info.city);
  return {
    language: place.country === 'FINLAND' ? 'FINNISH' : 'ENGLISH',
    currency: place.country === 'SWEDEN' ? 'SEK' : 'EUR',
    counterParty: {
      contactPersonName: `${random.pick(firstNames)} ${random.pick(lastNames)}`,
      identifier: `${random.chars(7, '0123456789')}-${random.int(0, 9)}`,
      taxCode: null,
      /** The seed's "Supplier Number" [V seed: Counter Party ⇒ Customer Number]. */
      customerNumber: `T${partnerId}`,
      email: `tilaukset@${slug(info.name)}.example`,
      bccAddresses: [],
      counterPartyAddress: address(info.name, place, `${streetIn(random, place)} ${random.int(1, 60)}`),
      bankAccount: { accountNumber: `FI${random.chars(16, '0123456789')}`, bic: 'NDEAFIHH' },
      einvoiceAddress: null,
    },
  };
}
