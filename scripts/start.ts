/**
 * `npm start`: prepares the database (migrations, demo data on an empty one) and
 * serves the built app. With no DATABASE_URL it runs on the embedded PGlite. The production image runs
 * the same file bundled (`npm run build:start` → build/start/start.js), without tsx or the sources.
 */
import fs from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { getDb, targetFromEnv } from '#db/client.server'
import { migrateToLatest } from '#db/migrate.server'
import { describeTarget } from '#db/open.server'
import { sessionSecretProblem } from '~/modules/accounts/secret.server'
import { runDigestJob } from '~/modules/alerts/digest.server'
import { warmMapCache } from '~/modules/map/map.server'
import { sendModerationDigests } from '~/modules/moderation/notify.server'
import { facetIndexFor } from '~/modules/search/facet-index.server'
import { runUpkeepJob } from '~/modules/upkeep/job.server'
import { seedDemoIfEmpty } from './lib/demo-on-start'
import { ensureBuilt } from './lib/ensure-built'
import { createHttpServer } from './lib/http-server'
import { startSearchWorkerIfConfigured } from './lib/search-worker'

// Production refuses to start on a missing or weak session secret, before touching anything.
const secretProblem = sessionSecretProblem()
if (secretProblem) {
  console.error(secretProblem)
  process.exit(1)
}

const started = performance.now()
// The project root holds package.json: one level up from scripts/, two from the image's build/start/.
let root = path.dirname(fileURLToPath(import.meta.url))
while (!fs.existsSync(path.join(root, 'package.json')) && path.dirname(root) !== root)
  root = path.dirname(root)
const port = Number(process.env.PORT ?? 3000)

await ensureBuilt(root)
const target = targetFromEnv()
console.log(`Database: ${describeTarget(target)}`)
const db = await getDb()
const migrated = await migrateToLatest(db)
const applied = migrated.results?.filter((r) => r.status === 'Success').length ?? 0
if (applied) console.log(`Applied ${applied} migration(s)`)
await seedDemoIfEmpty(db)
const searchWorker = await startSearchWorkerIfConfigured(db)
// Load the search facet index now rather than on the first visitor's request.
await facetIndexFor(db)

const server = await createHttpServer(root)
server.listen(port, () => {
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  console.log(`Ready in ${seconds} s: http://localhost:${port}`)
  // The whole map's cluster index takes a second at 100,000 listings: build it before the first visitor asks.
  warmMapCache(db).catch((error) => console.error('Map cache warm-up failed:', error))
})

// Coordinators on the daily digest: checked hourly, each gets at most one a day.
const digests = setInterval(
  () => {
    sendModerationDigests(db, new Date()).catch((error) => console.error('Moderation digest failed:', error))
  },
  60 * 60 * 1000,
)
digests.unref()

// Saved-search digests (decision 0016): the schedule lives in the database, so a restart only delays
// what is due until this first run; a run never overlaps the previous one in this process.
let digestRun: Promise<unknown> | null = null
function runSearchDigestJob() {
  if (digestRun) return
  digestRun = runDigestJob(db)
    .catch((error) => console.error('Saved-search digest failed:', error))
    .finally(() => {
      digestRun = null
    })
}
runSearchDigestJob()
const searchDigests = setInterval(runSearchDigestJob, 10 * 60 * 1000)
searchDigests.unref()

// Living listings (decision 0021): expired verifications leave the search's "verified" filter, and
// owners are asked yearly to confirm; both are idempotent, so an hourly run after any restart is enough.
let upkeepRun: Promise<unknown> | null = null
function runUpkeep() {
  if (upkeepRun) return
  upkeepRun = runUpkeepJob(db)
    .catch((error) => console.error('Listing upkeep failed:', error))
    .finally(() => {
      upkeepRun = null
    })
}
runUpkeep()
const upkeep = setInterval(runUpkeep, 60 * 60 * 1000)
upkeep.unref()

async function shutdown() {
  clearInterval(digests)
  clearInterval(searchDigests)
  clearInterval(upkeep)
  await digestRun
  await upkeepRun
  // A replica being replaced finishes the requests it has (up to 10 s) before the database goes.
  const closed = new Promise<void>((resolve) => server.close(() => resolve()))
  server.closeIdleConnections()
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 10_000).unref())])
  searchWorker?.stop()
  await db.destroy()
  process.exit(0)
}
process.once('SIGINT', shutdown)
process.once('SIGTERM', shutdown)
