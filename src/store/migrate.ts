import { Migrator } from 'kysely';
import type { Kysely, Migration } from 'kysely';
import type { Dialect } from './database.js';
import { migrations } from './migrations/index.js';

/** Runs every migration not yet applied; called at start, so an upgrade needs no extra step. */
export async function migrateToLatest(db: Kysely<any>, dialect: Dialect): Promise<void> {
  const all: Record<string, Migration> = {};
  for (const [name, make] of Object.entries(migrations)) all[name] = make(dialect);
  const migrator = new Migrator({ db, provider: { getMigrations: async () => all } });
  const { error, results } = await migrator.migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}
