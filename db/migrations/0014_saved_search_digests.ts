import { type Kysely, sql } from 'kysely'

/**
 * Saved searches (0003 created the table) get a durable digest schedule (decision 0016): a search is
 * due when `next_digest_at` has passed, and its next digest lists what was published after
 * `last_digest_at`. 'none' keeps a saved search without mail (after an unsubscribe). Mail in the outbox
 * may carry headers (List-Unsubscribe) so that the SMTP delivery sends them.
 */
export async function up(db: Kysely<any>) {
  await sql`alter table saved_searches drop constraint if exists saved_searches_frequency_check`.execute(db)
  await db.schema
    .alterTable('saved_searches')
    .addCheckConstraint('saved_searches_frequency_check', sql`frequency in ('daily', 'weekly', 'none')`)
    .execute()
  await db.schema
    .alterTable('saved_searches')
    .dropColumn('last_notified_at')
    .addColumn('last_digest_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn('next_digest_at', 'timestamptz')
    .addColumn('updated_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
    .execute()
  // A search without mail has no next digest; one with mail always has one.
  await db.schema
    .alterTable('saved_searches')
    .addCheckConstraint('saved_searches_schedule_check', sql`(frequency = 'none') = (next_digest_at is null)`)
    .execute()
  await db.schema
    .createIndex('saved_searches_due_idx')
    .on('saved_searches')
    .column('next_digest_at')
    .where(sql.ref('next_digest_at'), 'is not', null)
    .execute()
  await db.schema.alterTable('mail_outbox').addColumn('headers', 'jsonb').execute()
  await db.schema
    .createIndex('mail_outbox_unsent_idx')
    .on('mail_outbox')
    .column('id')
    .where(sql.ref('sent_at'), 'is', null)
    .execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
