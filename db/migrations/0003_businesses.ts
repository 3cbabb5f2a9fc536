import { type Kysely, sql } from 'kysely'

export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('businesses')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('owner_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    // Set by council bulk imports so that re-importing a file updates instead of duplicating.
    .addColumn('external_id', 'text', (c) => c.check(sql`length(external_id) between 1 and 100`))
    .addColumn('name_ru', 'text', (c) => c.check(sql`length(name_ru) <= 200`))
    .addColumn('name_en', 'text', (c) => c.check(sql`length(name_en) <= 200`))
    .addColumn('name_local', 'text', (c) => c.check(sql`length(name_local) <= 200`))
    .addColumn('local_lang', 'text', (c) => c.check(sql`local_lang ~ '^[a-z]{2,3}$'`))
    .addColumn('description_ru', 'text', (c) => c.check(sql`length(description_ru) <= 5000`))
    .addColumn('description_en', 'text', (c) => c.check(sql`length(description_en) <= 5000`))
    .addColumn('keywords', sql`text[]`, (c) =>
      c.notNull().defaultTo(sql`'{}'`).check(sql`cardinality(keywords) <= 30`),
    )
    .addColumn('country_code', 'char(2)', (c) => c.notNull().references('countries.code'))
    .addColumn('city', 'text', (c) => c.check(sql`length(trim(city)) between 1 and 120`))
    .addColumn('city_geoname_id', 'integer')
    .addColumn('address', 'text', (c) => c.check(sql`length(address) <= 300`))
    .addColumn('lat', 'double precision', (c) => c.check(sql`lat between -90 and 90`))
    .addColumn('lon', 'double precision', (c) => c.check(sql`lon between -180 and 180`))
    .addColumn('founded_year', 'smallint', (c) => c.check(sql`founded_year between 1800 and 2100`))
    .addColumn('size_band', 'text', (c) => c.check(sql`size_band in ('micro', 'small', 'medium', 'large')`))
    .addColumn('website', 'text', (c) =>
      c.check(sql`website ~ '^https?://[^\\s]+$' and length(website) <= 300`),
    )
    .addColumn('email', 'text', (c) =>
      c.check(sql`email ~ '^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$' and length(email) <= 254`),
    )
    // E.164: validated per country in the editor, stored normalised.
    .addColumn('phone', 'text', (c) => c.check(sql`phone ~ '^\\+[1-9][0-9]{6,14}$'`))
    .addColumn('messengers', 'jsonb', (c) =>
      c.notNull().defaultTo(sql`'{}'::jsonb`).check(sql`jsonb_typeof(messengers) = 'object'`),
    )
    .addColumn('languages', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    .addColumn('cooperation_kinds', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
    // Contact details are public only where the owner chose so.
    .addColumn('public_email', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('public_phone', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('public_messengers', 'boolean', (c) => c.notNull().defaultTo(false))
    .addColumn('public_address', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('consent_at', 'timestamptz')
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('draft')
        .check(sql`status in ('draft', 'pending', 'published', 'returned', 'archived')`),
    )
    .addColumn('moderator_reason', 'text', (c) => c.check(sql`length(moderator_reason) <= 2000`))
    .addColumn('verified_at', 'timestamptz')
    .addColumn('verified_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('submitted_at', 'timestamptz')
    .addColumn('published_at', 'timestamptz')
    .addColumn('archived_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1).check(sql`version >= 1`))
    .addCheckConstraint(
      'businesses_has_name',
      sql`coalesce(nullif(trim(name_ru), ''), nullif(trim(name_en), ''), nullif(trim(name_local), '')) is not null`,
    )
    .addCheckConstraint('businesses_point_complete', sql`(lat is null) = (lon is null)`)
    .addCheckConstraint(
      'businesses_returned_has_reason',
      sql`status <> 'returned' or moderator_reason is not null`,
    )
    // Anything beyond a private draft needs the owner's consent and a place on the map.
    .addCheckConstraint(
      'businesses_submitted_complete',
      sql`status = 'draft' or (consent_at is not null and city is not null and lat is not null)`,
    )
    .addUniqueConstraint('businesses_external_id_key', ['country_code', 'external_id'])
    .execute()
  await db.schema.createIndex('businesses_owner_idx').on('businesses').column('owner_id').execute()
  await db.schema
    .createIndex('businesses_country_status_idx')
    .on('businesses')
    .columns(['country_code', 'status'])
    .execute()
  await db.schema
    .createIndex('businesses_status_created_idx')
    .on('businesses')
    .columns(['status', 'created_at'])
    .execute()

  await db.schema
    .createTable('business_sectors')
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('sector_code', 'text', (c) => c.notNull().references('sectors.code'))
    .addColumn('position', 'smallint', (c) => c.notNull().defaultTo(0).check(sql`position between 0 and 2`))
    .addPrimaryKeyConstraint('business_sectors_pkey', ['business_id', 'sector_code'])
    .execute()
  await db.schema
    .createIndex('business_sectors_sector_idx')
    .on('business_sectors')
    .column('sector_code')
    .execute()

  await db.schema
    .createTable('business_regions')
    .addColumn('business_id', 'integer', (c) => c.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('region_code', 'text', (c) => c.notNull().references('russian_regions.code'))
    .addPrimaryKeyConstraint('business_regions_pkey', ['business_id', 'region_code'])
    .execute()
  await db.schema
    .createIndex('business_regions_region_idx')
    .on('business_regions')
    .column('region_code')
    .execute()

  // One history table for every change of every entity: who, when, before/after.
  await db.schema
    .createTable('history')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('entity_type', 'text', (c) =>
      c
        .notNull()
        .check(
          sql`entity_type in ('business', 'user', 'role_grant', 'council', 'country', 'sector', 'forum', 'nomination')`,
        ),
    )
    .addColumn('entity_id', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull().check(sql`action ~ '^[a-z_]+$'`))
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('before', 'jsonb')
    .addColumn('after', 'jsonb')
    .addColumn('note', 'text', (c) => c.check(sql`length(note) <= 2000`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('history_entity_idx')
    .on('history')
    .columns(['entity_type', 'entity_id', 'id'])
    .execute()
  await db.schema.createIndex('history_actor_idx').on('history').column('actor_id').execute()

  // Listing changes waiting for an external search engine (Meilisearch); drained by a worker.
  await db.schema
    .createTable('search_outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('business_id', 'integer', (c) => c.notNull())
    .addColumn('op', 'text', (c) => c.notNull().check(sql`op in ('upsert', 'delete')`))
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0).check(sql`attempts >= 0`))
    .addColumn('last_error', 'text')
    .addColumn('available_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema
    .createIndex('search_outbox_available_idx')
    .on('search_outbox')
    .columns(['available_at', 'id'])
    .execute()

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'bigint', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('to_email', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull().check(sql`locale in ('ru', 'en')`))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('sent_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('mail_outbox_created_idx').on('mail_outbox').column('created_at').execute()

  await db.schema
    .createTable('saved_searches')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('user_id', 'text', (c) => c.notNull().references('users.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull().check(sql`length(trim(name)) between 1 and 120`))
    // The search page's URL query string, so a saved search is exactly what the user saw.
    .addColumn('query', 'text', (c) => c.notNull().check(sql`length(query) <= 2000`))
    .addColumn('frequency', 'text', (c) =>
      c.notNull().defaultTo('weekly').check(sql`frequency in ('daily', 'weekly')`),
    )
    .addColumn('last_notified_at', 'timestamptz')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  await db.schema.createIndex('saved_searches_user_idx').on('saved_searches').column('user_id').execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
