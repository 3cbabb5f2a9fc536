import { type Kysely, sql } from 'kysely'

/**
 * API tokens (0002 created the table) get what the account page shows and the API checks: a short
 * visible prefix to tell tokens apart (the token itself is only stored as its SHA-256), an optional
 * expiry, and an index for "my tokens".
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .alterTable('api_tokens')
    .addColumn('token_prefix', 'text', (c) =>
      c.notNull().defaultTo('').check(sql`length(token_prefix) <= 20`),
    )
    .addColumn('expires_at', 'timestamptz')
    .execute()
  await db.schema
    .createIndex('api_tokens_user_idx')
    .on('api_tokens')
    .columns(['user_id', 'created_at'])
    .execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
