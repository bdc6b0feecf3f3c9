import { z } from 'zod';
import { isoAlpha2Codes } from './countries.js';

/**
 * No text holds a control character but tab, line feed and carriage return (PostgreSQL refuses
 * NUL outright, and none of them belongs in a name or an address); a key (article number, order
 * number) holds none at all, not even a tab.
 */
const noTextControl = /^[^\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]*$/;
const noKeyControl = /^[^\u0000-\u001F\u007F]*$/;
const controlMessage = 'must not contain control characters (such as NUL)';
/** Half of a UTF-16 surrogate pair is no character: UTF-8 (files, PostgreSQL) cannot hold it. */
export const loneSurrogate = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const surrogateMessage = 'must not contain half of a UTF-16 surrogate pair (it is not valid Unicode)';
/** A "." or ".." path segment: keys travel in the systems' URLs, where one would climb out of its path. */
const dotSegment = /(^|[/\\])\.\.?([/\\]|$)/;

/** Shared field types of the canonical model. */
export const text = (max = 500) => z.string().trim().max(max).regex(noTextControl, controlMessage).refine((s) => !loneSurrogate.test(s), surrogateMessage);
export const key = (max = 100) =>
  z
    .string()
    .trim()
    .min(1, 'is required')
    .max(max)
    .regex(noKeyControl, controlMessage)
    .refine((s) => !loneSurrogate.test(s), surrogateMessage)
    .refine((s) => !dotSegment.test(s), 'must not be or contain a "." or ".." path segment');
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "FI"')
  .refine((code) => isoAlpha2Codes.has(code), 'is not an assigned ISO 3166-1 alpha-2 code');
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"');
export const money = z.number().finite();
export const quantity = z.number().finite().positive('must be greater than 0');
export const nonNegative = z.number().finite().nonnegative('must not be negative');
/** A calendar date or a date-time, ISO 8601. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date such as "2026-11-23"');
