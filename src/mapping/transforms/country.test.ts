import { describe, expect, it } from 'vitest';
import { countryNames, countryToIsoCode, normaliseName } from './country.js';

describe('countryToIsoCode', () => {
  it.each([
    ['FINLAND', 'FI'],
    ['UNITED_KINGDOM', 'GB'],
    ['SWEDEN', 'SE'],
    ['UNITED_STATES', 'US'],
    ['CZECH_REPUBLIC', 'CZ'],
    ['Suomi', 'FI'],
    ['Ruotsi', 'SE'],
    ['Saksa', 'DE'],
    ['Yhdysvallat', 'US'],
    ['Etelä-Korea', 'KR'],
    ['Sverige', 'SE'],
    ['Tyskland', 'DE'],
    ['Storbritannien', 'GB'],
    ['Norge', 'NO'],
    ['Østerrike', 'AT'],
    ['Færøyene', 'FO'],
    ['Sveits', 'CH'],
    ['Danmark', 'DK'],
    ['Nederländerna', 'NL'],
    ['Holland', 'NL'],
    ['Åland Islands', 'AX'],
    ['Switzerland', 'CH'],
    ['China', 'CN'],
    ['Japan', 'JP'],
    ['Australia', 'AU'],
    ['canada', 'CA'],
    ['fi', 'FI'],
    ['se', 'SE'],
    ['KE', 'KE'],
    ['UK', 'GB'],
    ['DEU', 'DE'],
    ['nor', 'NO'],
    ['  Italia  ', 'IT'],
  ])('%j → %s', (input, code) => {
    expect(countryToIsoCode(input)).toEqual({ ok: true, value: code });
  });

  it.each(['Atlantis', 'XX', 'Finlandia Republic', ''])('refuses %j', (input) => {
    expect(countryToIsoCode(input)).toEqual({ ok: false, error: 'is not a known country name or ISO 3166-1 code' });
  });

  it('covers the EU, the EEA, the Nordics and the main trading partners', () => {
    const covered = new Set(countryNames.map(([code]) => code));
    const eu = 'AT BE BG HR CY CZ DK EE FI FR DE GR HU IE IT LV LT LU MT NL PL PT RO SK SI ES SE'.split(' ');
    for (const code of [...eu, 'IS', 'LI', 'NO', 'AX', 'FO', 'GL', 'GB', 'US', 'CA', 'CH', 'CN', 'JP', 'AU']) {
      expect(covered, code).toContain(code);
    }
  });

  it('never gives one name to two countries', () => {
    const codeByName = new Map<string, string>();
    for (const [code = '', ...names] of countryNames) {
      for (const name of names) {
        const known = codeByName.get(normaliseName(name));
        expect(known === undefined || known === code, `${name}: ${known} and ${code}`).toBe(true);
        codeByName.set(normaliseName(name), code);
      }
    }
  });
});

describe('normaliseName', () => {
  it('ignores case, accents and punctuation', () => {
    expect(normaliseName('ETELÄ_KOREA')).toBe('etela korea');
    expect(normaliseName('Færøyene')).toBe('faeroyene');
    expect(normaliseName("Korea, Republic of")).toBe('korea republic of');
  });
});
