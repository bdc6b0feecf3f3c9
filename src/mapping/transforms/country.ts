import type { Result } from '../../kernel/result.js';
import { err, ok } from '../../kernel/result.js';
import { remembered } from './remembered.js';
import { isoAlpha2Codes } from '../../domain/countries.js';

/**
 * Country names as the seed systems send them: English (which also covers enum styles such as
 * Procountor's `UNITED_KINGDOM`), Finnish, Swedish, Norwegian and Danish, plus the alpha-3 code and common
 * aliases. Each row: alpha-2 code, then its names. Matching ignores case, accents and punctuation.
 */
export const countryNames: readonly (readonly string[])[] = [
  // EU
  ['AT', 'AUT', 'Austria', 'Itävalta', 'Österrike', 'Østerrike', 'Österreich', 'Østrig'],
  ['BE', 'BEL', 'Belgium', 'Belgia', 'Belgien'],
  ['BG', 'BGR', 'Bulgaria', 'Bulgarien'],
  ['HR', 'HRV', 'Croatia', 'Kroatia', 'Kroatien', 'Hrvatska'],
  ['CY', 'CYP', 'Cyprus', 'Kypros', 'Cypern'],
  ['CZ', 'CZE', 'Czechia', 'Czech Republic', 'Tšekki', 'Tsekki', 'Tjeckien', 'Tsjekkia', 'Tjekkiet'],
  ['DK', 'DNK', 'Denmark', 'Tanska', 'Danmark'],
  ['EE', 'EST', 'Estonia', 'Viro', 'Estland', 'Eesti'],
  ['FI', 'FIN', 'Finland', 'Suomi'],
  ['FR', 'FRA', 'France', 'Ranska', 'Frankrike', 'Frankrig'],
  ['DE', 'DEU', 'Germany', 'Saksa', 'Tyskland', 'Deutschland'],
  ['GR', 'GRC', 'Greece', 'Kreikka', 'Grekland', 'Hellas', 'Grækenland'],
  ['HU', 'HUN', 'Hungary', 'Unkari', 'Ungern', 'Ungarn'],
  ['IE', 'IRL', 'Ireland', 'Republic of Ireland', 'Irlanti', 'Irland'],
  ['IT', 'ITA', 'Italy', 'Italia', 'Italien'],
  ['LV', 'LVA', 'Latvia', 'Lettland', 'Letland'],
  ['LT', 'LTU', 'Lithuania', 'Liettua', 'Litauen'],
  ['LU', 'LUX', 'Luxembourg', 'Luxemburg'],
  ['MT', 'MLT', 'Malta'],
  ['NL', 'NLD', 'Netherlands', 'The Netherlands', 'Holland', 'Alankomaat', 'Hollanti', 'Nederländerna', 'Nederland',
    'Nederlandene'],
  ['PL', 'POL', 'Poland', 'Puola', 'Polen'],
  ['PT', 'PRT', 'Portugal', 'Portugali'],
  ['RO', 'ROU', 'Romania', 'Rumänien', 'Rumænien'],
  ['SK', 'SVK', 'Slovakia', 'Slovakien', 'Slovakiet'],
  ['SI', 'SVN', 'Slovenia', 'Slovenien'],
  ['ES', 'ESP', 'Spain', 'Espanja', 'Spanien', 'Spania', 'España'],
  ['SE', 'SWE', 'Sweden', 'Ruotsi', 'Sverige'],
  // EEA and the Nordic territories
  ['IS', 'ISL', 'Iceland', 'Islanti', 'Island'],
  ['LI', 'LIE', 'Liechtenstein'],
  ['NO', 'NOR', 'Norway', 'Norja', 'Norge', 'Noreg'],
  ['AX', 'ALA', 'Åland', 'Åland Islands', 'Ahvenanmaa'],
  ['FO', 'FRO', 'Faroe Islands', 'Färsaaret', 'Färöarna', 'Færøyene', 'Færøerne'],
  ['GL', 'GRL', 'Greenland', 'Grönlanti', 'Grönland', 'Grønland'],
  ['SJ', 'SJM', 'Svalbard and Jan Mayen', 'Huippuvuoret', 'Huippuvuoret ja Jan Mayen', 'Svalbard och Jan Mayen',
    'Svalbard og Jan Mayen'],
  // Rest of Europe
  ['GB', 'GBR', 'United Kingdom', 'UK', 'Great Britain', 'Britain', 'England', 'Scotland', 'Wales',
    'Northern Ireland', 'United Kingdom of Great Britain and Northern Ireland', 'Yhdistynyt kuningaskunta',
    'Iso-Britannia', 'Englanti', 'Storbritannien', 'Förenade kungariket', 'Storbritannia', 'Det forente kongerike'],
  ['CH', 'CHE', 'Switzerland', 'Sveitsi', 'Schweiz', 'Sveits'],
  ['AD', 'AND', 'Andorra'],
  ['MC', 'MCO', 'Monaco'],
  ['SM', 'SMR', 'San Marino'],
  ['VA', 'VAT', 'Vatican City', 'Holy See', 'Vatikaani', 'Vatikanstaten'],
  ['AL', 'ALB', 'Albania', 'Albanien'],
  ['BA', 'BIH', 'Bosnia and Herzegovina', 'Bosnia ja Hertsegovina', 'Bosnien och Hercegovina', 'Bosnia-Hercegovina',
    'Bosnien-Hercegovina'],
  ['ME', 'MNE', 'Montenegro'],
  ['MK', 'MKD', 'North Macedonia', 'Pohjois-Makedonia', 'Nordmakedonien', 'Nord-Makedonia'],
  ['RS', 'SRB', 'Serbia', 'Serbien'],
  ['MD', 'MDA', 'Moldova', 'Republic of Moldova', 'Moldavia', 'Moldavien'],
  ['UA', 'UKR', 'Ukraine', 'Ukraina'],
  ['BY', 'BLR', 'Belarus', 'Valko-Venäjä', 'Vitryssland', 'Hviterussland'],
  ['RU', 'RUS', 'Russia', 'Russian Federation', 'Venäjä', 'Ryssland', 'Russland', 'Rusland'],
  ['TR', 'TUR', 'Turkey', 'Türkiye', 'Turkki', 'Turkiet', 'Tyrkia', 'Tyrkiet'],
  ['GI', 'GIB', 'Gibraltar'],
  ['GG', 'GGY', 'Guernsey'],
  ['JE', 'JEY', 'Jersey'],
  ['IM', 'IMN', 'Isle of Man', 'Mansaari'],
  // Americas
  ['US', 'USA', 'United States', 'United States of America', 'Yhdysvallat', 'Amerikan yhdysvallat',
    'Förenta staterna', 'De forente stater'],
  ['CA', 'CAN', 'Canada', 'Kanada'],
  ['MX', 'MEX', 'Mexico', 'Meksiko', 'Mexiko'],
  ['BR', 'BRA', 'Brazil', 'Brasilia', 'Brasilien', 'Brasil'],
  ['AR', 'ARG', 'Argentina', 'Argentiina'],
  ['CL', 'CHL', 'Chile'],
  ['CO', 'COL', 'Colombia', 'Kolumbia'],
  ['PE', 'PER', 'Peru'],
  // Asia and Oceania
  ['CN', 'CHN', 'China', "People's Republic of China", 'Kiina', 'Kina'],
  ['HK', 'HKG', 'Hong Kong', 'Hongkong'],
  ['TW', 'TWN', 'Taiwan'],
  ['JP', 'JPN', 'Japan', 'Japani'],
  ['KR', 'KOR', 'South Korea', 'Korea, Republic of', 'Republic of Korea', 'Etelä-Korea', 'Sydkorea', 'Sør-Korea'],
  ['IN', 'IND', 'India', 'Intia', 'Indien'],
  ['SG', 'SGP', 'Singapore'],
  ['TH', 'THA', 'Thailand', 'Thaimaa'],
  ['VN', 'VNM', 'Vietnam', 'Viet Nam'],
  ['ID', 'IDN', 'Indonesia', 'Indonesien'],
  ['MY', 'MYS', 'Malaysia', 'Malesia'],
  ['PH', 'PHL', 'Philippines', 'Filippiinit', 'Filippinerna', 'Filippinene', 'Filippinerne'],
  ['AU', 'AUS', 'Australia', 'Australien'],
  ['NZ', 'NZL', 'New Zealand', 'Uusi-Seelanti', 'Nya Zeeland'],
  // Middle East and Africa
  ['IL', 'ISR', 'Israel'],
  ['AE', 'ARE', 'United Arab Emirates', 'UAE', 'Arabiemiirikunnat', 'Förenade Arabemiraten',
    'De forente arabiske emirater', 'De Forenede Arabiske Emirater'],
  ['SA', 'SAU', 'Saudi Arabia', 'Saudi-Arabia', 'Saudiarabien', 'Saudi-Arabien'],
  ['EG', 'EGY', 'Egypt', 'Egypti', 'Egypten'],
  ['MA', 'MAR', 'Morocco', 'Marokko', 'Marocko'],
  ['ZA', 'ZAF', 'South Africa', 'Etelä-Afrikka', 'Sydafrika', 'Sør-Afrika'],
];

/** Lower case, without accents or punctuation: "Etelä-Korea" and "ETELA_KOREA" both become "etela korea". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const codeByName = new Map<string, string>(
  countryNames.flatMap(([code, ...names]) => names.map((name) => [normaliseName(name), code ?? ''] as const)),
);

/** ISO 3166-1 alpha-2 code for a country code, alpha-3 code or name. */
export const countryToIsoCode = remembered((value: string): Result<string, string> => {
  const trimmed = value.trim();
  if (/^[A-Za-z]{2}$/.test(trimmed) && isoAlpha2Codes.has(trimmed.toUpperCase())) return ok(trimmed.toUpperCase());
  const code = codeByName.get(normaliseName(trimmed));
  return code === undefined ? err('is not a known country name or ISO 3166-1 code') : ok(code);
});
