import { describe, expect, it } from 'vitest';
import { isEmpty, readSourcePath } from './source-value.js';

describe('isEmpty', () => {
  it('counts absent, null, blank text and empty lists as no value', () => {
    for (const value of [undefined, null, '', '   ', []]) expect(isEmpty(value), JSON.stringify(value)).toBe(true);
    for (const value of [0, false, 'x', [0], {}]) expect(isEmpty(value), JSON.stringify(value)).toBe(false);
  });
});

describe('readSourcePath', () => {
  const source = { a: { b: [{ c: 'deep' }] }, n: null };

  it('follows objects and list indexes', () => {
    expect(readSourcePath(source, 'a.b.0.c')).toBe('deep');
    expect(readSourcePath(source, 'a.b')).toEqual([{ c: 'deep' }]);
  });

  it('gives undefined for anything missing, including inherited properties', () => {
    expect(readSourcePath(source, 'a.b.1.c')).toBeUndefined();
    expect(readSourcePath(source, 'a.b.c')).toBeUndefined();
    expect(readSourcePath(source, 'n.x')).toBeUndefined();
    expect(readSourcePath(source, 'a.constructor')).toBeUndefined();
    expect(readSourcePath('text', 'length')).toBeUndefined();
  });
});
