import { type Kysely, sql } from 'kysely'

/**
 * Full-text index for the map's text filter (`q`) over published listings. The
 * expression must equal `listingText` in app/modules/map/points.server.ts, or the
 * planner will not use it. The search module's own search table supersedes it;
 * a later migration may drop it then.
 */
export async function up(db: Kysely<any>) {
  await sql`create index businesses_published_text_idx on businesses using gin ((
  to_tsvector('russian'::regconfig, coalesce(name_ru, '') || ' ' || coalesce(description_ru, '') || ' ' || coalesce(city, ''))
  || to_tsvector('english'::regconfig, coalesce(name_en, '') || ' ' || coalesce(description_en, '') || ' ' || coalesce(city, ''))
  || to_tsvector('simple'::regconfig, coalesce(name_local, ''))
)) where status = 'published'`.execute(db)
  // The partial-name fallback (`ILIKE '%…%'` when full text finds nothing); must equal
  // `listingNames` in the same module.
  await sql`create index businesses_published_names_trgm_idx on businesses using gin ((
  coalesce(name_ru, '') || ' ' || coalesce(name_en, '') || ' ' || coalesce(name_local, '')
) gin_trgm_ops) where status = 'published'`.execute(db)
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
