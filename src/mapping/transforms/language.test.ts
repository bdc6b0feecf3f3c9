import { describe, expect, it } from 'vitest';
import { languageNames, languageToIsoCode } from './language.js';
import { normaliseName } from './country.js';

describe('languageToIsoCode', () => {
  it.each([
    ['FINNISH', 'fi'],
    ['SWEDISH', 'sv'],
    ['ENGLISH', 'en'],
    ['NORWEGIAN', 'no'],
    ['DANISH', 'da'],
    ['GERMAN', 'de'],
    ['ESTONIAN', 'et'],
    ['suomi', 'fi'],
    ['Svenska', 'sv'],
    ['norsk', 'no'],
    ['Bokmål', 'nb'],
    ['englanti', 'en'],
    ['tyska', 'de'],
    ['FI', 'fi'],
    ['swe', 'sv'],
    ['ger', 'de'],
    ['sv-FI', 'sv'],
    ['en_GB', 'en'],
  ])('%j → %s', (input, code) => {
    expect(languageToIsoCode(input)).toEqual({ ok: true, value: code });
  });

  it.each(['KLINGON', 'xx', 'zz-ZZ'])('refuses %j', (input) => {
    expect(languageToIsoCode(input)).toEqual({ ok: false, error: 'is not a known language name or ISO 639 code' });
  });

  it('never gives one name to two languages', () => {
    const codeByName = new Map<string, string>();
    for (const [code = '', ...names] of languageNames) {
      for (const name of [code, ...names]) {
        const known = codeByName.get(normaliseName(name));
        expect(known === undefined || known === code, `${name}: ${known} and ${code}`).toBe(true);
        codeByName.set(normaliseName(name), code);
      }
    }
  });
});
