import { z } from 'zod';
import { countryCode, key, text } from './fields.js';

export const supplierFields = {
  supplierName: text().optional(),
  address: text().optional(),
  address2: text().optional(),
  address3: text().optional(),
  postCode: text(20).optional(),
  city: text(100).optional(),
  countryCode: countryCode.optional(),
  email: z.email('must be an e-mail address').optional(),
};

/** A supplier, keyed by goods owner + supplierNumber. */
export const supplierSchema = z.strictObject({ supplierNumber: key(), ...supplierFields });
export type Supplier = z.infer<typeof supplierSchema>;
