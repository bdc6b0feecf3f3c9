import { describe, expect, it } from 'vitest';
import { WmsyncError } from '../../kernel/errors.js';
import { isAmbiguous, remoteMessage, wasNeverSent } from './http-errors.js';

describe('remoteMessage', () => {
  it('finds the message in the fields APIs commonly use', () => {
    expect(remoteMessage({ message: 'Product not found' })).toBe('Product not found');
    expect(remoteMessage({ error: 'invalid_token' })).toBe('invalid_token');
    expect(remoteMessage({ error: { code: 7, message: 'Quota exceeded' } })).toBe('Quota exceeded');
    expect(remoteMessage({ errors: [{ message: 'sku is required' }, { message: 'second' }] })).toBe('sku is required');
    expect(remoteMessage({ errors: ['plain string'] })).toBe('plain string');
    expect(remoteMessage({ error: 'invalid_grant', error_description: 'Code expired' })).toBe('Code expired');
  });

  it('falls back to the body text, squeezed and cut short, and to undefined', () => {
    expect(remoteMessage('<h1>Bad\n   Gateway</h1>')).toBe('<h1>Bad Gateway</h1>');
    expect(remoteMessage('x'.repeat(1000))?.length).toBe(301);
    expect(remoteMessage({ unrelated: 1 })).toBeUndefined();
    expect(remoteMessage(undefined)).toBeUndefined();
  });
});

describe('isAmbiguous', () => {
  it('is true only for a transient error whose cause says ambiguous', () => {
    expect(isAmbiguous(new WmsyncError('transient', 'x', [], { cause: { ambiguous: true } }))).toBe(true);
    expect(isAmbiguous(new WmsyncError('transient', 'x'))).toBe(false);
    expect(isAmbiguous(new WmsyncError('record', 'x', [], { cause: { ambiguous: true } }))).toBe(false);
    expect(isAmbiguous(new Error('x', { cause: { ambiguous: true } }))).toBe(false);
  });
});

describe('wasNeverSent', () => {
  it('recognises connection errors anywhere in the cause chain', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    expect(wasNeverSent(new TypeError('fetch failed', { cause: refused }))).toBe(true);
    expect(wasNeverSent(new TypeError('fetch failed', { cause: new AggregateError([refused]) }))).toBe(true);
    const reset = Object.assign(new Error('other side closed'), { code: 'UND_ERR_SOCKET' });
    expect(wasNeverSent(new TypeError('fetch failed', { cause: reset }))).toBe(false);
  });
});
