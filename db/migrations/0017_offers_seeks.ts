import { type Kysely, sql } from 'kysely'
import { sectorDivisions } from '../reference/sector-divisions'

// One stored code: a section letter or a two-digit division (the taxonomy is checked by the app).
const CODES = `'^([A-Z]|[0-9]{2})?(,([A-Z]|[0-9]{2}))*$'`

/**
 * What each listing offers and seeks (decision 0022): the divisions of the sector taxonomy, loaded as
 * they were when this migration was written (later label edits need a migration of their own); two
 * array columns on `businesses`, like `cooperation_kinds`; and their matching tokens in the search rows.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('sector_divisions')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[0-9]{2}$'`))
    .addColumn('section_code', 'text', (c) => c.notNull().references('sectors.code'))
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'smallint', (c) => c.notNull())
    .execute()
  await db
    .insertInto('sector_divisions')
    .values(
      sectorDivisions.map((d, position) => ({
        code: d.code,
        section_code: d.section,
        name_ru: d.nameRu,
        name_en: d.nameEn,
        position,
      })),
    )
    .execute()

  for (const column of ['offers', 'seeks']) {
    await db.schema
      .alterTable('businesses')
      .addColumn(column, sql`text[]`, (c) =>
        c
          .notNull()
          .defaultTo(sql`'{}'`)
          .check(
            sql`cardinality(${sql.ref(column)}) <= 10 and array_to_string(${sql.ref(column)}, ',') ~ ${sql.raw(CODES)}`,
          ),
      )
      .execute()
  }

  // Every existing listing offers and seeks nothing yet, so the empty default is already the right
  // search row for each: no rebuild is needed here (npm run search:reindex refreshes Meilisearch).
  await db.schema
    .alterTable('business_search')
    .addColumn('offer_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('seek_codes', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .execute()
  await sql`create index business_search_trade_idx on business_search using gin (offer_codes, seek_codes)`.execute(
    db,
  )
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
