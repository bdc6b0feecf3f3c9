/** The character sets Specter's texts may be hashed and form-encoded in (research notes §1.2). */
export type Charset = 'latin1' | 'utf8';

/** Form values in the order they are sent; undefined ones are left out. */
export type FormValues = [name: string, value: string | undefined][];

const unreserved = /[A-Za-z0-9\-_.~]/;

/**
 * An `application/x-www-form-urlencoded` body in the given charset. The public clients
 * `utf8_decode` every value to ISO-8859-1 before url-encoding it [V S2, S3, S6], which
 * URLSearchParams (UTF-8 only) cannot do; a character outside Latin-1 is sent as "?", as
 * utf8_decode does.
 */
export function encodeForm(values: FormValues, charset: Charset): string {
  const encode = (text: string) => {
    const bytes = charset === 'latin1' ? Buffer.from(text.replace(/[^\u0000-\u00ff]/g, '?'), 'latin1') : Buffer.from(text, 'utf8');
    let out = '';
    for (const byte of bytes) {
      const char = String.fromCharCode(byte);
      out += byte < 0x80 && unreserved.test(char) ? char : byte === 0x20 ? '+' : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
    }
    return out;
  };
  return values.flatMap(([name, value]) => (value === undefined ? [] : [`${encode(name)}=${encode(value)}`])).join('&');
}
