import { describe, expect, it } from 'vitest';
import { buildUrl, encodeQuery } from './url.js';

describe('buildUrl', () => {
  it('joins a path onto a base with a path of its own, with exactly one slash', () => {
    const base = new URL('https://shop.example.com/api/v1/');
    expect(buildUrl(base, '/products', undefined).href).toBe('https://shop.example.com/api/v1/products');
    expect(buildUrl(base, 'products/7', undefined).href).toBe('https://shop.example.com/api/v1/products/7');
    expect(buildUrl(new URL('https://shop.example.com/api'), '//orders', undefined).href).toBe('https://shop.example.com/api/orders');
    expect(buildUrl(base, '', undefined).href).toBe('https://shop.example.com/api/v1');
  });

  it('appends the query to one already in the path', () => {
    const url = buildUrl(new URL('https://a.example/'), '/orders?page=2', { limit: 50 });
    expect(url.href).toBe('https://a.example/orders?page=2&limit=50');
  });

  it('follows an absolute link on the same origin and refuses any other origin', () => {
    const base = new URL('https://a.example/api/');
    expect(buildUrl(base, 'https://a.example/api/orders?cursor=x', undefined).href).toBe('https://a.example/api/orders?cursor=x');
    expect(() => buildUrl(base, 'https://evil.example/api/orders', undefined)).toThrow(/refusing to send credentials/);
  });
});

describe('encodeQuery', () => {
  it('skips undefined and empty lists, joins lists with commas and encodes each item', () => {
    expect(
      encodeQuery({ ids: [1, 2, 3], q: 'a b,c&d', skip: undefined, none: [], active: true, 'sort by': 'name' }),
    ).toBe('ids=1,2,3&q=a%20b%2Cc%26d&active=true&sort%20by=name');
    expect(encodeQuery(undefined)).toBe('');
  });
});
