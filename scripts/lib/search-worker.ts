import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { meiliConfig } from '~/modules/search/config.server'
import { MeiliSearchEngine } from '~/modules/search/meili-engine.server'
import { startSearchOutboxWorker } from '~/modules/search/outbox.server'

/**
 * With MEILI_URL set, the app process drains the search outbox into Meilisearch. An empty index
 * (first start, or a new Meilisearch) is filled from PostgreSQL first.
 */
export async function startSearchWorkerIfConfigured(db: Kysely<Database>) {
  const config = meiliConfig()
  if (!config) return null
  const engine = new MeiliSearchEngine(db, config)
  const health = await engine.health()
  if (health.ok && health.documents === 0) {
    console.log('Meilisearch index is empty: building it from PostgreSQL…')
    const { documents } = await engine.reindexAll()
    console.log(`Meilisearch: ${documents} listings indexed`)
  } else if (health.ok && (await engine.syncSettings())) {
    console.log('Meilisearch: index settings brought up to date')
  } else if (!health.ok) {
    console.warn(
      `Meilisearch is not reachable (${health.message}); changes wait in the outbox, search answers from PostgreSQL.`,
    )
  }
  console.log(`Search: Meilisearch at ${config.host}, index "${config.index}"`)
  return startSearchOutboxWorker(db, engine)
}
