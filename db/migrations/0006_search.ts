import { type Kysely, sql } from 'kysely'
import { cities } from '../reference/cities'

/**
 * PostgreSQL search data (see docs/decisions/0004-search-engine.md): a denormalised row per searchable
 * listing, maintained on write by app/modules/search/changes.server.ts, so that `unaccent()` (not
 * IMMUTABLE) and joins never appear in index expressions and no search query reads `businesses`
 * beyond the page it shows.
 */
export async function up(db: Kysely<any>) {
  // The city gazetteer in every name we know, so «Токио», «Tokyo» and «東京» all find Tokyo.
  await db.schema
    .createTable('search_cities')
    .addColumn('geoname_id', 'integer', (c) => c.primaryKey())
    .addColumn('country_code', 'char(2)', (c) => c.notNull())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('name_local', 'text', (c) => c.notNull())
    .execute()
  for (let start = 0; start < cities.length; start += 500) {
    await db
      .insertInto('search_cities')
      .values(
        cities.slice(start, start + 500).map((c) => ({
          geoname_id: c.id,
          country_code: c.country,
          name_ru: c.nameRu,
          name_en: c.nameEn,
          name_local: c.nameLocal,
        })),
      )
      .execute()
  }

  // Character bigrams of CJK, Hangul and Thai runs: PostgreSQL does not segment these scripts, so a
  // substring of two or more characters is found through bigram containment on a GIN index.
  await sql`
    create function search_grams(t text) returns text[]
    language sql immutable parallel safe strict as $$
      select coalesce(array_agg(distinct g), '{}')
      from (
        select case when length(m[1]) = 1 then m[1] else substr(m[1], i, 2) end as g
        from regexp_matches(t, '([\\u0e00-\\u0e7f\\u3040-\\u30ff\\u3400-\\u4dbf\\u4e00-\\u9fff\\uac00-\\ud7af\\uf900-\\ufaff]+)', 'g') as m,
          generate_series(1, greatest(length(m[1]) - 1, 1)) as i
      ) as grams
    $$`.execute(db)

  // Sort key for names in a collation-independent form (docs/decisions/0005-search-name-collation.md):
  // lower case, no accents, no legal form or quotes in front.
  await sql`
    create function search_sort_key(t text) returns text
    language sql immutable parallel safe as $$
      select regexp_replace(
        regexp_replace(lower(coalesce(t, '')),
          '^[^[:alnum:]]*(ооо|оао|зао|пао|ао|ип|тоо|llc|ltd|co|inc|pte|jsc|k\\.k\\.|株式会社|有限会社)?[^[:alnum:]]+', ''),
        '[«»"''“”„<>]', '', 'g')
    $$`.execute(db)

  await db.schema
    .createTable('business_search')
    .addColumn('business_id', 'integer', (c) =>
      c.primaryKey().references('businesses.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('country_code', 'char(2)', (c) => c.notNull())
    .addColumn('sector_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('region_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('district_codes', sql`text[]`, (c) => c.notNull())
    .addColumn('cooperation_kinds', sql`text[]`, (c) => c.notNull())
    .addColumn('verified', 'boolean', (c) => c.notNull())
    .addColumn('size_band', 'text')
    .addColumn('geo', sql`point`)
    .addColumn('sort_date', 'timestamptz', (c) => c.notNull())
    .addColumn('name_sort_ru', 'text', (c) => c.notNull())
    .addColumn('name_sort_en', 'text', (c) => c.notNull())
    .addColumn('doc', sql`tsvector`, (c) => c.notNull())
    .addColumn('grams', sql`text[]`, (c) => c.notNull())
    .execute()
  await sql`create index business_search_doc_idx on business_search using gin (doc)`.execute(db)
  await sql`create index business_search_grams_idx on business_search using gin (grams)`.execute(db)
  await sql`create index business_search_arrays_idx on business_search using gin (sector_codes, region_codes, district_codes, cooperation_kinds)`.execute(
    db,
  )
  await sql`create index business_search_geo_idx on business_search using gist (geo)`.execute(db)
  await sql`create index business_search_status_date_idx on business_search (status, sort_date desc, business_id desc)`.execute(
    db,
  )
  await sql`create index business_search_status_country_idx on business_search (status, country_code)`.execute(
    db,
  )
  await sql`create index business_search_name_ru_idx on business_search (status, name_sort_ru collate "C", business_id)`.execute(
    db,
  )
  await sql`create index business_search_name_en_idx on business_search (status, name_sort_en collate "C", business_id)`.execute(
    db,
  )

  // Vocabulary of names, cities and keywords: typo correction looks words up here by trigram
  // similarity (small and short), never across the listings themselves.
  await db.schema
    .createTable('search_words')
    .addColumn('word', 'text', (c) => c.primaryKey())
    .execute()
  await sql`create index search_words_trgm_idx on search_words using gin (word gin_trgm_ops)`.execute(db)

  await sql`create index search_outbox_business_idx on search_outbox (business_id)`.execute(db)
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
