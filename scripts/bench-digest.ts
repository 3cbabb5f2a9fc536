import { parseArgs } from 'node:util'
import { freshBenchDatabase } from './lib/bench-database'
import { reportFigure } from './lib/bench-report'

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    count: { type: 'string', default: '10000' },
    searches: { type: 'string', default: '1000' },
    fresh: { type: 'string', default: '500' },
  },
})
const count = Number(values.count)
const searchCount = Number(values.searches)
const freshCount = Number(values.fresh)
const benchDb = await freshBenchDatabase('cbm_bench_digest', values.server)
// Mail stays in the outbox: the benchmark measures the job, not an SMTP server.
delete process.env.SMTP_URL

benchDb.seed(count)

const { sql } = await import('kysely')
const { getDb } = await import('#db/client.server')
const { runSearchDigests } = await import('~/modules/alerts/digest.server')
const { facetIndexFor } = await import('~/modules/search/facet-index.server')

const db = await getDb()
const now = new Date()
const HOUR = 60 * 60 * 1000

// Some published listings count as published an hour ago: what the digests have to find.
const { rows: freshRows } = await sql<{ id: number }>`
  update businesses set published_at = ${new Date(now.getTime() - HOUR)}
  where id in (select id from businesses where status = 'published' order by id desc limit ${freshCount})
  returning id`.execute(db)

// Saved searches shaped like people's: a country, a country and a sector, a word, a Russian region,
// a map area; taken from the data so that most of them match something.
const sample = await db
  .selectFrom('businesses')
  .select(['country_code', 'name_en', 'lat', 'lon'])
  .where('status', '=', 'published')
  .orderBy('id')
  .limit(2000)
  .execute()
const sectors = (await db.selectFrom('sectors').select('code').execute()).map((s) => s.code.trim())
const regions = (
  await db.selectFrom('business_regions').select('region_code').distinct().limit(50).execute()
).map((r) => r.region_code.trim())
const users = Math.ceil(searchCount / 10)
await db
  .insertInto('users')
  .values(
    Array.from({ length: users }, (_, i) => ({
      id: `bench-digest-${i}`,
      email: `bench-digest-${i}@bench.example.org`,
      name: `Bench ${i}`,
      email_verified: true,
      locale: i % 3 === 0 ? ('en' as const) : ('ru' as const),
    })),
  )
  .execute()
const queries = Array.from({ length: searchCount }, (_, i) => {
  const b = sample[(i * 7919) % sample.length]
  const country = b?.country_code.trim() ?? 'JP'
  const params = new URLSearchParams()
  switch (i % 5) {
    case 0:
      params.set('country', country)
      break
    case 1:
      params.set('country', country)
      params.set('sector', sectors[i % sectors.length] ?? 'G')
      break
    case 2:
      params.set('q', (b?.name_en ?? 'trade').split(/\s+/)[0] ?? 'trade')
      break
    case 3:
      params.set('region', regions[i % Math.max(regions.length, 1)] ?? 'RU-MOW')
      break
    default: {
      const lat = b?.lat ?? 35
      const lon = b?.lon ?? 139
      params.set('bbox', [lon - 5, lat - 5, lon + 5, lat + 5].map((n) => n.toFixed(2)).join(','))
    }
  }
  return params.toString()
})
for (let start = 0; start < searchCount; start += 500) {
  await db
    .insertInto('saved_searches')
    .values(
      queries.slice(start, start + 500).map((query, k) => ({
        user_id: `bench-digest-${Math.floor((start + k) / 10)}`,
        name: `Bench search ${start + k}`,
        query,
        frequency: (start + k) % 4 === 0 ? ('weekly' as const) : ('daily' as const),
        last_digest_at: new Date(now.getTime() - 24 * HOUR),
        next_digest_at: new Date(now.getTime() - 60_000),
      })),
    )
    .execute()
}

// The app loads the search index at start; the job finds it loaded.
let started = performance.now()
await facetIndexFor(db)
const indexMs = performance.now() - started

started = performance.now()
const run = await runSearchDigests(db, now)
const runMs = performance.now() - started
started = performance.now()
const again = await runSearchDigests(db, now)
const againMs = performance.now() - started
const { rows: outbox } = await sql<{ n: number }>`
  select count(*)::int as n from mail_outbox where kind = 'search_digest'`.execute(db)

const target = values.server ? 'PostgreSQL server' : 'PGlite'
console.log(
  `\nDigest job on ${target}: ${count} listings, ${freshRows.length} published since the last digest`,
)
console.log(`  search index load (once per process):  ${(indexMs / 1000).toFixed(2)} s`)
console.log(`  run, ${run.checked} due saved searches:      ${(runMs / 1000).toFixed(2)} s`)
console.log(`    per saved search:                     ${(runMs / Math.max(run.checked, 1)).toFixed(1)} ms`)
console.log(`    digests queued:                       ${run.queued} (outbox: ${outbox[0]?.n})`)
console.log(`  second run, nothing due:               ${againMs.toFixed(1)} ms (queued ${again.queued})`)

reportFigure({
  bench: 'digest',
  metric: `digest run, ${searchCount} saved searches`,
  value: Number((runMs / 1000).toFixed(2)),
  unit: 's',
})
reportFigure({ bench: 'digest', metric: 'digests queued in that run', value: run.queued, unit: 'mails' })
reportFigure({
  bench: 'digest',
  metric: 'run with nothing due',
  value: Number(againMs.toFixed(1)),
  unit: 'ms',
})

await db.destroy()
await benchDb.release({ dropServerDatabase: false })
