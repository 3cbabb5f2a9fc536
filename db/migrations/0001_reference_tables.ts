import { type Kysely, sql } from 'kysely'

// Reference tables: countries of the region, councils, sectors, Russian regions.
export async function up(db: Kysely<any>) {
  await sql`create extension if not exists pg_trgm`.execute(db)
  await sql`create extension if not exists unaccent`.execute(db)

  await db.schema
    .createTable('countries')
    .addColumn('code', 'char(2)', (c) => c.primaryKey().check(sql`code ~ '^[A-Z]{2}$'`))
    .addColumn('name_ru', 'text', (c) => c.notNull().check(sql`length(trim(name_ru)) > 0`))
    .addColumn('name_en', 'text', (c) => c.notNull().check(sql`length(trim(name_en)) > 0`))
    .addColumn('in_region', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('councils')
    .addColumn('id', 'integer', (c) => c.primaryKey().generatedByDefaultAsIdentity())
    .addColumn('country_code', 'char(2)', (c) => c.notNull().unique().references('countries.code'))
    .addColumn('name_ru', 'text', (c) => c.notNull().check(sql`length(trim(name_ru)) > 0`))
    .addColumn('name_en', 'text', (c) => c.notNull().check(sql`length(trim(name_en)) > 0`))
    .addColumn('email', 'text', (c) => c.check(sql`email is null or email ~ '^[^@\\s]+@[^@\\s]+$'`))
    .addColumn('phone', 'text')
    .addColumn('website', 'text', (c) => c.check(sql`website is null or website ~ '^https?://'`))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()

  await db.schema
    .createTable('sectors')
    .addColumn('code', 'text', (c) => c.primaryKey().check(sql`code ~ '^[A-Z]$'`))
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('short_ru', 'text', (c) => c.notNull())
    .addColumn('short_en', 'text', (c) => c.notNull())
    .addColumn('position', 'smallint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('federal_districts')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('position', 'smallint', (c) => c.notNull())
    .execute()

  await db.schema
    .createTable('russian_regions')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_ru', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('district_code', 'text', (c) => c.notNull().references('federal_districts.code'))
    .execute()
  await db.schema
    .createIndex('russian_regions_district_idx')
    .on('russian_regions')
    .column('district_code')
    .execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
