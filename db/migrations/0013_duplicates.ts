import { type Kysely, sql } from 'kysely'

/**
 * Duplicates across scripts (decision 0017): the place filter of the duplicate check reads one
 * country's listings by city id, city name or a small box around a point; merged listings leave a
 * redirect so links to the removed one reach the kept one.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createIndex('businesses_country_city_id_idx')
    .on('businesses')
    .columns(['country_code', 'city_geoname_id'])
    .execute()
  await db.schema
    .createIndex('businesses_country_city_name_idx')
    .on('businesses')
    .expression(sql`country_code, lower(city)`)
    .execute()
  await db.schema
    .createIndex('businesses_country_lat_idx')
    .on('businesses')
    .columns(['country_code', 'lat'])
    .execute()
  await db.schema
    .createTable('business_redirects')
    // No foreign key on the removed id: the redirect outlives whatever happens to that row.
    .addColumn('from_id', 'integer', (c) => c.primaryKey())
    .addColumn('to_id', 'integer', (c) => c.notNull().references('businesses.id').onDelete('cascade'))
    .addColumn('merged_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addCheckConstraint('business_redirects_not_self', sql`from_id <> to_id`)
    .execute()
  await db.schema.createIndex('business_redirects_to_idx').on('business_redirects').column('to_id').execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
