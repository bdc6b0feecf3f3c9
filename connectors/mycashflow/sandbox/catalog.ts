import type { Method } from '../api.js';

/**
 * The words the generator builds a Finnish web shop from. VAT rates are Finland's since
 * 1 Sep 2024: 25.5 % general, 14 % food, 10 % books.
 */
export interface CatalogItem {
  names: { fi: string; sv: string; en: string };
  vatRate: 25.5 | 14 | 10;
  price: [number, number];
  /** kg */
  weight: [number, number];
  /** Variation names, when the item comes in variants. */
  options: readonly string[];
}

const sizes = ['S', 'M', 'L', 'XL'];
const colours = ['Musta', 'Valkoinen', 'Punainen', 'Sininen'];

export const catalog: readonly CatalogItem[] = [
  { names: { fi: 'Villasukat', sv: 'Yllesockor', en: 'Wool socks' }, vatRate: 25.5, price: [12, 29], weight: [0.1, 0.2], options: sizes },
  { names: { fi: 'Kuoritakki', sv: 'Skaljacka', en: 'Shell jacket' }, vatRate: 25.5, price: [89, 249], weight: [0.5, 0.9], options: sizes },
  { names: { fi: 'Pipo', sv: 'Mössa', en: 'Beanie' }, vatRate: 25.5, price: [19, 39], weight: [0.08, 0.15], options: colours },
  { names: { fi: 'Kahvimuki', sv: 'Kaffemugg', en: 'Coffee mug' }, vatRate: 25.5, price: [14, 32], weight: [0.3, 0.45], options: colours },
  { names: { fi: 'Retkituoli', sv: 'Campingstol', en: 'Camping chair' }, vatRate: 25.5, price: [39, 99], weight: [2, 4.5], options: colours },
  { names: { fi: 'Puukko', sv: 'Slidkniv', en: 'Sheath knife' }, vatRate: 25.5, price: [45, 180], weight: [0.15, 0.3], options: [] },
  { names: { fi: 'Juhlakahvi', sv: 'Festkaffe', en: 'Festive coffee' }, vatRate: 14, price: [6, 14], weight: [0.5, 1], options: ['250 g', '500 g', '1 kg'] },
  { names: { fi: 'Tumma suklaa', sv: 'Mörk choklad', en: 'Dark chocolate' }, vatRate: 14, price: [3, 9], weight: [0.1, 0.2], options: [] },
  { names: { fi: 'Mustikkahillo', sv: 'Blåbärssylt', en: 'Blueberry jam' }, vatRate: 14, price: [5, 11], weight: [0.3, 0.5], options: [] },
  { names: { fi: 'Keittokirja', sv: 'Kokbok', en: 'Cookbook' }, vatRate: 10, price: [24, 45], weight: [0.6, 1.2], options: ['Pokkari', 'Kovakantinen'] },
  { names: { fi: 'Lintuopas', sv: 'Fågelguide', en: 'Bird guide' }, vatRate: 10, price: [19, 39], weight: [0.4, 0.8], options: [] },
];

/** Model names make product names distinct and pronounceable. */
export const models = ['Aalto', 'Kuura', 'Revontuli', 'Saimaa', 'Lappi', 'Sisu', 'Tunturi', 'Kaamos', 'Helle', 'Otava'];

export const brands = [
  { id: 1, name: 'Pohjolan Paja' },
  { id: 2, name: 'Nordkapp' },
  { id: 3, name: 'Saaristo Design' },
];

export const supplierIds = [1, 2, 3, 4];

/** Reference lists [G: field names beyond id and name]. Ids are used by the generated orders. */
export const shippingMethods: (Method & { price: number })[] = [
  { id: 1, name: 'Posti Pakettiautomaatti', type: 'posti', price: 5.9 },
  { id: 2, name: 'Matkahuolto Lähellä-paketti', type: 'matkahuolto', price: 6.9 },
  { id: 3, name: 'PostNord MyPack Collect', type: 'postnord', price: 7.9 },
  { id: 4, name: 'Nouto myymälästä', type: 'pickup', price: 0 },
];

/** `cod` marks cash on delivery, which quick-process refuses while its payment is open. */
export const paymentMethods: (Method & { costs: number; openStatus: string })[] = [
  { id: 1, name: 'Paytrail', type: 'paytrail', costs: 0, openStatus: 'PAID' },
  { id: 2, name: 'Klarna', type: 'klarna', costs: 0, openStatus: 'PENDING_ACTIVATION' },
  { id: 3, name: 'Postiennakko', type: 'cod', costs: 3, openStatus: 'OPEN' },
  { id: 4, name: 'Lasku', type: 'invoice', costs: 0, openStatus: 'OPEN' },
];

export const codPaymentMethodIds = new Set(paymentMethods.filter((m) => m.type === 'cod').map((m) => m.id));

export const publicComments = ['Jätä paketti oven taakse, kiitos.', 'Toimitus lahjaksi, ei hintalappua.', 'Please deliver after 16:00.'];
export const privateComments = ['Asiakas soitti, toimitus kiireellinen.', 'Tarkista osoite ennen lähetystä.', 'VIP customer.'];
