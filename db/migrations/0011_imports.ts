import { type Kysely, sql } from 'kysely'

/**
 * A council's bulk import: the checked file (its valid rows and the dry-run report) is kept between
 * the check and the commit, so the coordinator does not upload it twice, and afterwards it is the
 * record of who imported what and with what result.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .createTable('imports')
    .addColumn('id', 'serial', (c) => c.primaryKey())
    .addColumn('country_code', 'char(2)', (c) => c.notNull().references('countries.code'))
    .addColumn('actor_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('file_name', 'text', (c) => c.notNull().check(sql`length(file_name) <= 300`))
    .addColumn('file_bytes', 'integer', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('checked').check(sql`state in ('checked', 'running', 'done', 'failed')`),
    )
    .addColumn('target_status', 'text', (c) => c.check(sql`target_status in ('pending', 'published')`))
    .addColumn('skip_duplicates', 'boolean', (c) => c.notNull().defaultTo(true))
    .addColumn('report', 'jsonb', (c) => c.notNull())
    .addColumn('rows', 'jsonb', (c) => c.notNull())
    .addColumn('result', 'jsonb')
    .addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('started_at', 'timestamptz')
    .addColumn('finished_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('imports_country_idx')
    .on('imports')
    .columns(['country_code', 'created_at'])
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropTable('imports').execute()
}
