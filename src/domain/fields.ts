import { z } from 'zod';

/** Shared field types of the canonical model. */
export const text = (max = 500) => z.string().trim().max(max);
export const key = (max = 100) => z.string().trim().min(1, 'is required').max(max);
export const countryCode = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 code such as "FI"');
export const currencyCode = z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code such as "EUR"');
export const money = z.number().finite();
export const quantity = z.number().finite().positive('must be greater than 0');
export const nonNegative = z.number().finite().nonnegative('must not be negative');
/** A calendar date or a date-time, ISO 8601. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}([T ][\d:.]+(Z|[+-]\d{2}:?\d{2})?)?$/, 'must be an ISO 8601 date such as "2026-11-23"');
