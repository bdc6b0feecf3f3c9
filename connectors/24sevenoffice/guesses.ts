/**
 * What this connector guesses, in one place: the research notes mark these [U] or say nothing.
 * Each is a setting's default or an option, and README.md lists them under "to confirm" with the
 * guesses that are behaviour rather than a value (rows without a ProductNo are completed from
 * GetProducts, since whether GetInvoices fills it is not known).
 */
export const guesses = {
  /** The status an order gets on import when "update status on import" is on: the seed names none; Pack is the picking list [U B4]. */
  importedOrderStatus: 'Pack',
  /** Which companies are suppliers: those of type Supplier [U: the seed says "suppliers (companies)"]. */
  supplierCompanyTypes: 'Supplier',
  /** A kept session is checked with HasSession anyway; this only dates the stored copy (ASP.NET's idle default) [U B2]. */
  sessionLifetimeMinutes: 20,
} as const;
