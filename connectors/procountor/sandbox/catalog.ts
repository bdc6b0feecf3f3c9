import type { Language } from '../api.js';

/**
 * Word lists for the generated company: a Finnish wholesaler of home and outdoor goods.
 * Prices are net of VAT in EUR; VAT 25.5 % is the Finnish general rate since 2024-09, 14 % food.
 */
export interface CatalogItem {
  name: string;
  /** Code prefix: the product code is prefix + a number. */
  prefix: string;
  /** Unit enum name [V P-OAS: PIECE, PAIR, SET, BOX, KILOGRAM, LITER, METER are in the enum]. */
  unit: string;
  price: [number, number];
  vat: number;
}

export const catalog: readonly CatalogItem[] = [
  { name: 'Kahvikuppi', prefix: 'KK', unit: 'PIECE', price: [6, 18], vat: 25.5 },
  { name: 'Villasukat', prefix: 'VS', unit: 'PAIR', price: [12, 29], vat: 25.5 },
  { name: 'Puukko', prefix: 'PU', unit: 'PIECE', price: [25, 90], vat: 25.5 },
  { name: 'Kynttilä', prefix: 'KY', unit: 'BOX', price: [4, 15], vat: 25.5 },
  { name: 'Leikkuulauta', prefix: 'LL', unit: 'PIECE', price: [15, 45], vat: 25.5 },
  { name: 'Pellavapyyhe', prefix: 'PP', unit: 'PIECE', price: [9, 24], vat: 25.5 },
  { name: 'Retkikeitin', prefix: 'RK', unit: 'PIECE', price: [40, 120], vat: 25.5 },
  { name: 'Kuksa', prefix: 'KU', unit: 'PIECE', price: [19, 49], vat: 25.5 },
  { name: 'Saunakauha', prefix: 'SK', unit: 'PIECE', price: [10, 35], vat: 25.5 },
  { name: 'Ruokailuvälinesarja', prefix: 'RV', unit: 'SET', price: [29, 99], vat: 25.5 },
  { name: 'Kahvi, tumma paahto', prefix: 'KA', unit: 'KILOGRAM', price: [14, 28], vat: 14 },
  { name: 'Marjamehu', prefix: 'MM', unit: 'LITER', price: [3, 9], vat: 14 },
  { name: 'Köysi', prefix: 'KO', unit: 'METER', price: [1, 4], vat: 25.5 },
  { name: 'Lapaset', prefix: 'LA', unit: 'PAIR', price: [15, 39], vat: 25.5 },
];

export const variants = ['pieni', 'suuri', 'musta', 'valkoinen', 'harmaa', 'sininen', 'koivu', 'tammi', 'luomu', 'classic'];

/** A place with the country as Procountor's enum name, which is not ISO alpha-2 [V P-OAS]. */
export interface Place {
  zip: string;
  city: string;
  country: string;
  language: Language;
}

/** Mostly Finland; the others exercise the country conversion and the language enum. */
export const places: readonly Place[] = [
  { zip: '00100', city: 'Helsinki', country: 'FINLAND', language: 'FINNISH' },
  { zip: '33100', city: 'Tampere', country: 'FINLAND', language: 'FINNISH' },
  { zip: '20100', city: 'Turku', country: 'FINLAND', language: 'FINNISH' },
  { zip: '90100', city: 'Oulu', country: 'FINLAND', language: 'FINNISH' },
  { zip: '40100', city: 'Jyväskylä', country: 'FINLAND', language: 'FINNISH' },
  { zip: '65100', city: 'Vaasa', country: 'FINLAND', language: 'SWEDISH' },
  { zip: '22100', city: 'Mariehamn', country: 'ALAND_ISLANDS', language: 'SWEDISH' },
  { zip: '11122', city: 'Stockholm', country: 'SWEDEN', language: 'SWEDISH' },
  { zip: '0150', city: 'Oslo', country: 'NORWAY', language: 'NORWEGIAN' },
  { zip: '10111', city: 'Tallinn', country: 'ESTONIA', language: 'ESTONIAN' },
  { zip: '1050', city: 'København', country: 'DENMARK', language: 'DANISH' },
  { zip: '10115', city: 'Berlin', country: 'GERMANY', language: 'ENGLISH' },
  { zip: 'SW1A 1AA', city: 'London', country: 'UNITED_KINGDOM_OF_GREAT_BRITAIN_AND_NORTHERN_IRELAND', language: 'ENGLISH' },
];

/** Street names by country; places without their own list use the Finnish one. */
export const streets: Record<string, readonly string[]> = {
  FINLAND: ['Mannerheimintie', 'Hämeenkatu', 'Aleksanterinkatu', 'Kauppakatu', 'Rantatie', 'Koulukatu', 'Puistokatu'],
  ALAND_ISLANDS: ['Torggatan', 'Storagatan'], SWEDEN: ['Storgatan', 'Drottninggatan'], NORWAY: ['Karl Johans gate', 'Storgata'],
  ESTONIA: ['Narva mnt', 'Pärnu mnt'], DENMARK: ['Strøget', 'Nørregade'], GERMANY: ['Hauptstraße', 'Friedrichstraße'],
  UNITED_KINGDOM_OF_GREAT_BRITAIN_AND_NORTHERN_IRELAND: ['High Street', 'Station Road'],
};
export const firstNames = ['Aino', 'Eero', 'Helmi', 'Juha', 'Kaisa', 'Lauri', 'Minna', 'Olli', 'Saara', 'Timo', 'Erik', 'Sofia'];
export const lastNames = ['Virtanen', 'Korhonen', 'Mäkinen', 'Nieminen', 'Hämäläinen', 'Laine', 'Heikkinen', 'Järvinen', 'Lindqvist'];
export const customerCompanies = ['Kahvila Aalto Oy', 'Pohjolan Puutarha Oy', 'Saariston Kauppa Ky', 'Nordic Outdoor AB', 'Fjord Design AS'];
/** Suppliers with the city (in `places`) they sit in. */
export const suppliers = [
  { name: 'Lapin Käsityö Oy', city: 'Oulu' }, { name: 'Fiskarsin Paja Oy', city: 'Helsinki' },
  { name: 'Pirkanmaan Tekstiili Oy', city: 'Tampere' }, { name: 'Savon Puu Oy', city: 'Jyväskylä' },
  { name: 'Baltic Wood OÜ', city: 'Tallinn' }, { name: 'Svensk Textil AB', city: 'Stockholm' },
] as const;

/** [G]: BANK_TRANSFER is the common value; the others are plausible members of the enum. */
export const paymentMethods = ['BANK_TRANSFER', 'BANK_TRANSFER', 'BANK_TRANSFER', 'DIRECT_DEBIT', 'CREDIT_CARD_CHARGE', 'CASH'];

export const orderNotes = ['', '', 'Asiakas soittaa ennen toimitusta', 'Kiireellinen', 'Lahjapaketointi', 'Osatoimitus sallittu'];
export const deliveryInstructionTexts = ['', '', 'Jätä ovelle', 'Toimitus takaovelle', 'Soita 30 min ennen', 'Porttikoodi 1234'];
