import { getDb, targetFromEnv } from '#db/client.server'
import { migrateToLatest } from '#db/migrate.server'
import { describeTarget } from '#db/open.server'

const db = await getDb()
console.log(`Migrating ${describeTarget(targetFromEnv())}`)
const result = await migrateToLatest(db)
for (const r of result.results ?? []) console.log(`${r.status}: ${r.migrationName}`)
if (!result.results?.length) console.log('Already up to date')
await db.destroy()
