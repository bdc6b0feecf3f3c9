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
  for (let attempt = 1; ; attempt++) {
    const { error, results } = await migrator.migrateToLatest();
    if (!error) return;
    if (attempt < 10 && anotherSchemaWentAway(error, schema)) {
      await new Promise((resolve) => setTimeout(resolve, 10 * attempt));
      continue;
    }
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`database migration ${failed} failed: ${String(error)}`, { cause: error });
  }
}

/**
 * Before it migrates, Kysely looks for its tables in every schema of the database, checking its
 * access to each by name. A schema that another tenant (or test) drops at that moment fails the
 * look-up with "schema … does not exist" (3F000), before anything is migrated: looking again is
 * safe, and finds it gone.
 */
export function anotherSchemaWentAway(error: unknown, schema: string | undefined): boolean {
  const e = error as { code?: unknown; message?: unknown };
  return e.code === '3F000' && typeof e.message === 'string' && !(schema !== undefined && e.message.includes(`"${schema}"`));
}
