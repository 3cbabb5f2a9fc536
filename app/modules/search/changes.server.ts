import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { meiliConfigured } from './config.server'
import { refreshSearchRows } from './search-data.server'

/**
 * Every write that changes listings calls this, with the same database handle (a transaction object
 * inside a transaction), so the search data commits or rolls back with the change itself:
 * the PostgreSQL search rows are updated directly, and when Meilisearch is configured an outbox row per
 * listing is queued for the worker (app/modules/search/outbox.server.ts), so a Meilisearch outage
 * loses nothing. It takes a row lock on `search_state` until the caller's transaction ends, so writes of
 * listings are serialised (that keeps the facet index's `seq` in commit order; see migration 0007): keep
 * transactions that call it short, and call it once with all the ids of a bulk change.
 */
export async function onBusinessesChanged(db: Kysely<Database>, ids: number[]): Promise<void> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id) && id > 0)
  if (unique.length === 0) return
  await refreshSearchRows(db, unique)
  if (meiliConfigured()) {
    // The worker looks the listing up when it runs: upsert if still searchable, delete otherwise.
    for (let start = 0; start < unique.length; start += 5000) {
      await db
        .insertInto('search_outbox')
        .values(
          unique.slice(start, start + 5000).map((business_id) => ({ business_id, op: 'upsert' as const })),
        )
        .execute()
    }
  }
}
