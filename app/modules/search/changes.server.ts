import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'

/**
 * THE SEAM between listing writes and search (issue 3 owns the real version of this file).
 *
 * Every write that changes listings calls this inside its transaction with the changed ids. This
 * placeholder only queues an 'upsert' per listing in search_outbox, which an external engine's worker
 * drains; the search engineer's version replaces this body (and keeps the signature), so on merge
 * take theirs.
 */
export async function onBusinessesChanged(db: Kysely<Database>, ids: number[]): Promise<void> {
  if (ids.length === 0) return
  await db
    .insertInto('search_outbox')
    .values(ids.map((id) => ({ business_id: id, op: 'upsert' as const })))
    .execute()
}
