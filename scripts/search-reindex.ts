/**
 * `npm run search:reindex`: rebuilds the PostgreSQL search data in one set-based pass and, when
 * MEILI_URL is set, the Meilisearch index too (built beside the live one and swapped in).
 */
import { getDb, targetFromEnv } from '#db/client.server'
import { migrateToLatest } from '#db/migrate.server'
import { describeTarget } from '#db/open.server'
import { meiliConfig } from '~/modules/search/config.server'
import { MeiliSearchEngine } from '~/modules/search/meili-engine.server'
import { PostgresSearchEngine } from '~/modules/search/pg-engine.server'

const db = await getDb()
console.log(`Database: ${describeTarget(targetFromEnv())}`)
await migrateToLatest(db)
let started = performance.now()
const pg = await new PostgresSearchEngine(db).reindexAll()
console.log(
  `PostgreSQL search data: ${pg.documents} listings in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)
const config = meiliConfig()
if (config) {
  started = performance.now()
  // Changes queued before this point are contained in the rebuilt index.
  const { max } = await db
    .selectFrom('search_outbox')
    .select((eb) => eb.fn.max('id').as('max'))
    .executeTakeFirstOrThrow()
  const meili = await new MeiliSearchEngine(db, config).reindexAll()
  if (max !== null) await db.deleteFrom('search_outbox').where('id', '<=', Number(max)).execute()
  console.log(
    `Meilisearch index "${config.index}": ${meili.documents} listings in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
} else {
  console.log('MEILI_URL is not set: only the PostgreSQL search data was rebuilt.')
}
await db.destroy()
