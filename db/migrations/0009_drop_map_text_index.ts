import { type Kysely, sql } from 'kysely'

/**
 * The map now finds listings through the search module (business_search, migrations 0006–0007), so
 * the map's own text indexes from 0008 are no longer read by any query: drop them rather than keep
 * paying for them on every write. (0008 stays as it was: migrations are forward-only.)
 */
export async function up(db: Kysely<any>) {
  await sql`drop index if exists businesses_published_text_idx`.execute(db)
  await sql`drop index if exists businesses_published_names_trgm_idx`.execute(db)
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
