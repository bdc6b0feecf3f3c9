import type { Result } from '../../kernel/result.js';
import { err, ok } from '../../kernel/result.js';
import { normaliseName } from './country.js';
import { remembered } from './remembered.js';

/**
 * Language names as the seed systems send them: English (also Procountor's enums such as
 * `FINNISH`), Finnish, Swedish, Norwegian and Danish, and ISO 639-2 codes. Each row: the ISO 639-1
 * code the WMS keeps, then the names. Norwegian is "no"; the written standards keep their own codes.
 */
export const languageNames: readonly (readonly string[])[] = [
  ['fi', 'fin', 'Finnish', 'suomi', 'finska', 'finsk'],
  ['sv', 'swe', 'Swedish', 'ruotsi', 'svenska', 'svensk'],
  ['en', 'eng', 'English', 'englanti', 'engelska', 'engelsk'],
  ['no', 'nor', 'Norwegian', 'norja', 'norska', 'norsk'],
  ['nb', 'nob', 'Norwegian Bokmål', 'Bokmål', 'norjan bokmål', 'norskt bokmål', 'norsk bokmål'],
  ['nn', 'nno', 'Norwegian Nynorsk', 'Nynorsk', 'norjan nynorsk', 'nynorska', 'norsk nynorsk'],
  ['da', 'dan', 'Danish', 'tanska', 'danska', 'dansk'],
  ['is', 'isl', 'ice', 'Icelandic', 'islanti', 'isländska', 'islandsk'],
  ['et', 'est', 'Estonian', 'viro', 'estniska', 'estisk'],
  ['de', 'deu', 'ger', 'German', 'saksa', 'tyska', 'tysk', 'Deutsch'],
  ['fr', 'fra', 'fre', 'French', 'ranska', 'franska', 'fransk', 'Français'],
  ['es', 'spa', 'Spanish', 'espanja', 'spanska', 'spansk', 'Español'],
  ['it', 'ita', 'Italian', 'italia', 'italienska', 'italiensk'],
  ['nl', 'nld', 'dut', 'Dutch', 'hollanti', 'nederlandska', 'nederländska', 'nederlandsk'],
  ['pt', 'por', 'Portuguese', 'portugali', 'portugisiska', 'portugisisk'],
  ['pl', 'pol', 'Polish', 'puola', 'polska', 'polsk'],
  ['ru', 'rus', 'Russian', 'venäjä', 'ryska', 'russisk'],
  ['lv', 'lav', 'Latvian', 'latvia', 'lettiska', 'latvisk', 'lettisk'],
  ['lt', 'lit', 'Lithuanian', 'liettua', 'litauiska', 'litauisk'],
  ['uk', 'ukr', 'Ukrainian', 'ukraina', 'ukrainska', 'ukrainsk'],
  ['cs', 'ces', 'cze', 'Czech', 'tšekki', 'tjeckiska', 'tsjekkisk', 'tjekkisk'],
  ['hu', 'hun', 'Hungarian', 'unkari', 'ungerska', 'ungarsk'],
  ['el', 'ell', 'gre', 'Greek', 'kreikka', 'grekiska', 'gresk', 'græsk'],
  ['tr', 'tur', 'Turkish', 'turkki', 'turkiska', 'tyrkisk'],
  ['ar', 'ara', 'Arabic', 'arabia', 'arabiska', 'arabisk'],
  ['zh', 'zho', 'chi', 'Chinese', 'kiina', 'kinesiska', 'kinesisk'],
  ['ja', 'jpn', 'Japanese', 'japani', 'japanska', 'japansk'],
  ['ko', 'kor', 'Korean', 'korea', 'koreanska', 'koreansk'],
  ['se', 'sme', 'Northern Sami', 'pohjoissaame', 'nordsamiska', 'nordsamisk'],
];

const codeByName = new Map<string, string>(
  languageNames.flatMap(([code = '', ...names]) =>
    [code, ...names].map((name) => [normaliseName(name), code] as const),
  ),
);

/**
 * ISO 639-1 code for a language name or code. A locale tag ("sv-FI", "en_GB") yields its language,
 * since the canonical `language` field holds the language only.
 */
export const languageToIsoCode = remembered((value: string): Result<string, string> => {
  const locale = /^([A-Za-z]{2,3})[-_][A-Za-z0-9]{2,8}$/.exec(value.trim());
  const code = codeByName.get(normaliseName(locale?.[1] ?? value));
  return code === undefined ? err('is not a known language name or ISO 639 code') : ok(code);
});
