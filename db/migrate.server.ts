import { type Kysely, type Migration, type MigrationResultSet, Migrator, sql } from 'kysely'
import * as m0001 from './migrations/0001_reference_tables'
import * as m0002 from './migrations/0002_accounts'
import * as m0003 from './migrations/0003_businesses'
import * as m0004 from './migrations/0004_forums'
import * as m0005 from './migrations/0005_reference_data'
import * as m0006 from './migrations/0006_search'
import * as m0007 from './migrations/0007_search_facet_index'
import * as m0008 from './migrations/0008_map_text_index'
import * as m0009 from './migrations/0009_drop_map_text_index'
import * as m0010 from './migrations/0010_moderation'
import * as m0011 from './migrations/0011_imports'
import * as m0012 from './migrations/0012_api_token_details'
import * as m0013 from './migrations/0013_duplicates'
import * as m0014 from './migrations/0014_saved_search_digests'
import * as m0015 from './migrations/0015_app_settings'
import * as m0016 from './migrations/0016_living_listings'
import * as m0017 from './migrations/0017_offers_seeks'
import type { Database } from './schema'

// Listed statically so that the bundled server and the scripts see the same set.
export const migrations: Record<string, Migration> = {
  '0001_reference_tables': m0001,
  '0002_accounts': m0002,
  '0003_businesses': m0003,
  '0004_forums': m0004,
  '0005_reference_data': m0005,
  '0006_search': m0006,
  '0007_search_facet_index': m0007,
  '0008_map_text_index': m0008,
  '0009_drop_map_text_index': m0009,
  '0010_moderation': m0010,
  '0011_imports': m0011,
  '0012_api_token_details': m0012,
  '0013_duplicates': m0013,
  '0014_saved_search_digests': m0014,
  '0015_app_settings': m0015,
  '0016_living_listings': m0016,
  '0017_offers_seeks': m0017,
}

export function createMigrator(db: Kysely<Database>) {
  return new Migrator({
    db,
    provider: { getMigrations: async () => migrations },
  })
}

/**
 * One key for "someone is migrating this database". Any fixed bigint works; it only has to be the same
 * in every process of the app.
 */
export const MIGRATION_LOCK_KEY = 7_315_201_805_311

/**
 * Runs every pending migration; throws with the failing migration's name.
 *
 * Several app processes start at once behind a load balancer, and each migrates on start. A session
 * advisory lock, held on one connection for the whole run (creating Kysely's bookkeeping tables
 * included), lets the first one migrate while the others wait and then find nothing pending. On PGlite
 * (one session) the lock is taken and released at once: harmless.
 */
export async function migrateToLatest(db: Kysely<Database>): Promise<MigrationResultSet> {
  const result = await db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection)
    try {
      return await createMigrator(connection).migrateToLatest()
    } finally {
      await sql`select pg_advisory_unlock(${sql.lit(MIGRATION_LOCK_KEY)})`.execute(connection)
    }
  })
  if (result.error) {
    const failed = result.results?.find((r) => r.status === 'Error')
    const reason = result.error instanceof Error ? result.error.message : String(result.error)
    throw new Error(`Migration ${failed?.migrationName ?? '(unknown)'} failed: ${reason}`, {
      cause: result.error,
    })
  }
  return result
}

export async function pendingMigrations(db: Kysely<Database>) {
  const all = await createMigrator(db).getMigrations()
  return all.filter((m) => !m.executedAt).map((m) => m.name)
}

export async function databaseVersion(db: Kysely<Database>) {
  const { rows } = await sql<{ version: string }>`select version()`.execute(db)
  return rows[0]?.version ?? 'unknown'
}
