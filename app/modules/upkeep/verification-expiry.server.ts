import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { verifiedNowSql } from './verification-sql.server'

/**
 * The search rows (and the facet index and Meilisearch behind them) hold "verified" as written when
 * the listing last changed; a verification that has since expired, or a validity period the admin has
 * changed, leaves them behind. This finds the listings whose flag no longer matches and refreshes them
 * (the scheduled upkeep job runs it, and the settings page after a change of the period).
 */
export async function syncVerificationFlags(db: Kysely<Database>): Promise<{ refreshed: number }> {
  const stale = await db
    .selectFrom('business_search as s')
    .innerJoin('businesses as b', 'b.id', 's.business_id')
    .select('b.id')
    .where(sql<boolean>`s.verified is distinct from ${verifiedNowSql(sql.ref('b.verified_at'))}`)
    .execute()
  const ids = stale.map((r) => r.id)
  for (let start = 0; start < ids.length; start += 1000) {
    const chunk = ids.slice(start, start + 1000)
    await db.transaction().execute((trx) => onBusinessesChanged(trx, chunk))
  }
  return { refreshed: ids.length }
}
