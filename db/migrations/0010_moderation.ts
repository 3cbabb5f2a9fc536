import { type Kysely, sql } from 'kysely'

/**
 * Moderation notifications: each coordinator chooses one e-mail per submitted listing ('each') or a
 * daily digest ('daily'); the digest remembers when it last went out so nothing is sent twice.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .alterTable('users')
    .addColumn('moderation_mail', 'text', (c) =>
      c.notNull().defaultTo('each').check(sql`moderation_mail in ('each', 'daily')`),
    )
    .addColumn('moderation_digest_at', 'timestamptz')
    .execute()
  // The queue is read by country and status, oldest submission first.
  await db.schema
    .createIndex('businesses_queue_idx')
    .on('businesses')
    .columns(['country_code', 'status', 'submitted_at'])
    .execute()
}

export async function down(db: Kysely<any>) {
  await db.schema.dropIndex('businesses_queue_idx').execute()
  await db.schema
    .alterTable('users')
    .dropColumn('moderation_digest_at')
    .dropColumn('moderation_mail')
    .execute()
}
