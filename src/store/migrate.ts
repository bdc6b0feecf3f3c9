import { Migrator } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './database.js';
import { migrations } from './migrations/index.js';

/**
 * Runs every migration not yet applied; called at start, so an upgrade needs no extra step.
 * On a PostgreSQL schema the migration tables are named in it: unqualified, Kysely finds another
 * schema's lock table in the same database, takes it for its own and never creates one here.
 */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect, schema?: string): Promise<void> {
  const all: Record<string, Migration> = {};
  for (const [name, make] of Object.entries(migrations)) all[name] = make(dialect);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => all }, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
