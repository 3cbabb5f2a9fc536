import { type Kysely, sql } from 'kysely'

/**
 * Site-wide settings an administrator changes at run time (which sites may embed the map, how long
 * a council's verification lasts): one row per setting, the value as JSON checked by the app.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('app_settings')
    .addColumn('key', 'text', (c) => c.primaryKey().check(sql`key ~ '^[a-z][a-zA-Z0-9]{1,60}$'`))
    .addColumn('value', 'jsonb', (c) => c.notNull())
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
