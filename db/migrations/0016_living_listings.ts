import { type Kysely, sql } from 'kysely'

/**
 * Living listings (decision 0021): `confirmed_at` is the last sign that a listing is current (its owner
 * confirmed or saved it, or its council verified it); `confirmation_requested_at` is when the owner was
 * last asked to confirm, so the yearly mail goes once per cycle. Existing listings count from their
 * last publication or edit.
 */
export async function up(db: Kysely<any>) {
  await db.schema
    .alterTable('businesses')
    .addColumn('confirmed_at', 'timestamptz')
    .addColumn('confirmation_requested_at', 'timestamptz')
    .execute()
  await sql`update businesses set confirmed_at = coalesce(published_at, updated_at)`.execute(db)
  await sql`alter table businesses alter column confirmed_at set default now()`.execute(db)
  await sql`alter table businesses alter column confirmed_at set not null`.execute(db)
  // The upkeep job and dashboard look for old confirmations and verifications of published listings.
  await db.schema
    .createIndex('businesses_confirmed_idx')
    .on('businesses')
    .columns(['status', 'confirmed_at'])
    .execute()
  await db.schema
    .createIndex('businesses_verified_idx')
    .on('businesses')
    .columns(['country_code', 'verified_at'])
    .where(sql.ref('verified_at'), 'is not', null)
    .execute()
}

export async function down() {
  throw new Error('Migrations are forward-only')
}
