/** What one integration adds to a mapping run: its record label, settings and lookup tables. */
export interface MappingContext {
  /** Names the record in every issue, e.g. "order 1042"; defaults to the target's name. */
  record?: string;
  /** Per-integration settings, read by `setting` expressions. */
  settings?: Readonly<Record<string, unknown>>;
  /** Per-integration tables by name (source value → WMS value), read by `lookup` expressions. */
  lookups?: Readonly<Record<string, Readonly<Record<string, string>>>>;
}
