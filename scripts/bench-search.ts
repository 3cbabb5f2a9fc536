/**
 * `npm run bench:search [-- --count 100000 --server --no-http --drop]`
 *
 * Seeds (or reuses) N demo listings into dedicated databases, then runs a fixed set of 200 realistic
 * searches (words, typos, prefixes, CJK, mixed filters, map boxes, sorts, pages; all with facets)
 * through the search engine and through the HTTP API, and prints p50/p95/p99 latency per engine and
 * database. Databases: PGlite in $DATA_DIR/bench/pglite always; the PostgreSQL server when
 * BENCH_DATABASE_URL is set or --server is given (database `cbm_bench` on 127.0.0.1 by default, created
 * here; --drop drops it afterwards). Meilisearch too when MEILI_URL is set (index `cbm_bench`).
 * Figures only: nothing here asserts timings.
 */
import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import type { Kysely } from 'kysely'
import pg from 'pg'
import { dataDir, setDb } from '#db/client.server'
import { migrateToLatest } from '#db/migrate.server'
import { openDatabase } from '#db/open.server'
import { cooperationKinds, sizeBands } from '#db/reference/cooperation'
import { federalDistricts } from '#db/reference/russian-regions'
import type { Database } from '#db/schema'
import type { SearchEngine } from '~/modules/search/engine'
import { MeiliSearchEngine } from '~/modules/search/meili-engine.server'
import { parseSearchParams } from '~/modules/search/params'
import { PostgresSearchEngine } from '~/modules/search/pg-engine.server'
import { reportFigure } from './lib/bench-report'
import { resetDemo, seedDemo } from './lib/demo/seed'
import { ensureBuilt } from './lib/ensure-built'
import { createHttpServer } from './lib/http-server'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    queries: { type: 'string', default: '200' },
    server: { type: 'boolean', default: false },
    'no-pglite': { type: 'boolean', default: false },
    'no-http': { type: 'boolean', default: false },
    drop: { type: 'boolean', default: false },
    fresh: { type: 'boolean', default: false },
  },
})
const COUNT = Number(values.count)
const QUERIES = Number(values.queries)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')

// ---- a fixed set of realistic queries (deterministic PRNG) ----
function prng(seed: number) {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
const words = [
  'логистика',
  'Байкал',
  'Сакура',
  'туризм',
  'logistics',
  'consulting',
  'software',
  'Tokyo',
  'Токио',
  'Сеул',
  'Seoul',
  'Bangkok',
  'Бангкок',
  'Шанхай',
  'импорт',
  'экспорт',
  'education',
  'строительство',
  'Камчатка',
  'Приморье',
  'медицина',
  'agro',
  'Аврора',
  'Volga',
  'рыба',
  'seafood',
  'IT',
  'перевозки',
  'ресторан',
  'Сидней',
  '東京',
  '上海',
  '서울',
  'กรุงเทพ',
  '株式会社',
  '物流',
  'Hà Nội',
  'Ханой',
  'Vostok',
  'Меридиан',
]
const typos = [
  'Байкол',
  'Камчадка',
  'Логистек',
  'Сакурра',
  'Tokio',
  'Bankok',
  'Владивасток',
  'sofware',
  'Сидней',
  'Аврара',
]
const prefixes = ['Бай', 'Лог', 'Сак', 'Tok', 'Sof', 'Тур', 'Кам', 'Мер']
const countries = ['JP', 'CN', 'KR', 'TH', 'VN', 'AU', 'SG', 'IN', 'MN', 'ID', 'MY', 'NZ', 'PH']
const sectorCodes = ['A', 'C', 'F', 'G', 'H', 'I', 'J', 'M', 'N', 'P', 'Q']
const regions = ['RU-PRI', 'RU-MOW', 'RU-SPE', 'RU-NVS', 'RU-KHA', 'RU-IRK', 'RU-SAK', 'RU-SVE', 'RU-TA']
const boxes = ['129,30,146,46', '100,0,125,25', '110,-45,155,-10', '170,-25,-170,-10', '95,15,110,25']

function makeQueries(n: number): URLSearchParams[] {
  const r = prng(20180531)
  const pickOne = <T>(list: readonly T[]): T => list[Math.floor(r() * list.length)] as T
  const out: URLSearchParams[] = []
  for (let i = 0; i < n; i++) {
    const p = new URLSearchParams()
    const kind = r()
    if (kind < 0.45) p.set('q', pickOne(words))
    else if (kind < 0.55) p.set('q', `${pickOne(words)} ${pickOne(words)}`)
    else if (kind < 0.65) p.set('q', pickOne(typos))
    else if (kind < 0.73) p.set('q', pickOne(prefixes))
    // else: no words, filters only (the home page and the map)
    if (r() < 0.45) p.append('country', pickOne(countries))
    if (r() < 0.1) p.append('country', pickOne(countries))
    if (r() < 0.3) p.append('sector', pickOne(sectorCodes))
    if (r() < 0.15) p.append('coop', pickOne(cooperationKinds).code)
    if (r() < 0.1) p.append('region', pickOne(regions))
    if (r() < 0.08) p.append('district', pickOne(federalDistricts).code)
    if (r() < 0.1) p.append('size', pickOne(sizeBands).code)
    if (r() < 0.12) p.set('verified', '1')
    if (r() < 0.1) p.set('bbox', pickOne(boxes))
    const sort = r()
    if (sort < 0.15) p.set('sort', 'name')
    else if (sort < 0.3) p.set('sort', 'newest')
    if (r() < 0.15) p.set('page', String(2 + Math.floor(r() * 3)))
    out.push(p)
  }
  return out
}

// ---- measurement ----
function percentile(sorted: number[], p: number) {
  const index = Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)
  return sorted[Math.max(0, index)] ?? Number.NaN
}
type Row = { target: string; n: number; p50: number; p95: number; p99: number; max: number; slowest: string }
const rows: Row[] = []

async function measure(
  target: string,
  queries: URLSearchParams[],
  run: (q: URLSearchParams) => Promise<Record<string, number> | undefined>,
) {
  for (const q of queries.slice(0, 10)) await run(q) // warm caches and plans
  const times: { ms: number; q: string }[] = []
  const steps = new Map<string, number[]>()
  for (const q of queries) {
    const started = performance.now()
    const timings = await run(q)
    times.push({ ms: performance.now() - started, q: q.toString() })
    for (const [name, ms] of Object.entries(timings ?? {})) steps.set(name, [...(steps.get(name) ?? []), ms])
  }
  const sorted = times.map((t) => t.ms).sort((a, b) => a - b)
  const slowest = times.reduce((a, b) => (b.ms > a.ms ? b : a))
  const row = {
    target,
    n: times.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: slowest.ms,
    slowest: decodeURIComponent(slowest.q),
  }
  rows.push(row)
  reportFigure({ bench: 'search', metric: `${target} p95`, value: row.p95, unit: 'ms' })
  reportFigure({ bench: 'search', metric: `${target} p99`, value: row.p99, unit: 'ms' })
  console.log(
    `  ${target.padEnd(34)} p50 ${row.p50.toFixed(1).padStart(7)} ms  p95 ${row.p95.toFixed(1).padStart(7)} ms  p99 ${row.p99.toFixed(1).padStart(7)} ms  (max ${row.max.toFixed(0)} ms: ${row.slowest})`,
  )
  if (steps.size > 0) {
    // Where the time goes: p50/p95 of each step, over the queries that had it.
    const parts = [...steps.entries()].map(([name, list]) => {
      const s = [...list].sort((a, b) => a - b)
      return `${name} ${percentile(s, 50).toFixed(1)}/${percentile(s, 95).toFixed(1)} (${list.length})`
    })
    console.log(`    steps p50/p95 ms (queries): ${parts.join(', ')}`)
  }
}

async function engineRun(engine: SearchEngine, q: URLSearchParams) {
  const parsed = parseSearchParams(q, { allowPerPage: true })
  if (!parsed.ok) throw new Error(`bench query rejected: ${q}`)
  const result = await engine.search({ ...parsed.value, locale: 'ru', audience: 'public' })
  return result.timings
}

async function httpRun(base: string, q: URLSearchParams) {
  const response = await fetch(`${base}/api/v1/businesses?${q}`)
  if (!response.ok) throw new Error(`HTTP ${response.status} for ${q}`)
  await response.arrayBuffer()
  return undefined
}

async function prepare(db: Kysely<Database>, label: string) {
  await migrateToLatest(db)
  const row = await db
    .selectFrom('businesses')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow()
  if (Number(row.n) === COUNT && !values.fresh) {
    const search = await db
      .selectFrom('business_search')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    if (Number(search.n) > 0) {
      console.log(`${label}: reusing ${COUNT} listings`)
      return
    }
  }
  if (Number(row.n) > 0) await resetDemo(db)
  const started = performance.now()
  const report = await seedDemo(db, { count: COUNT, seed: 20180531 })
  console.log(
    `${label}: seeded ${report.businesses} listings (${report.published} published) with search data in ${((performance.now() - started) / 1000).toFixed(1)} s`,
  )
}

async function benchDatabase(label: string, db: Kysely<Database>, queries: URLSearchParams[]) {
  await prepare(db, label)
  console.log(`${label}:`)
  const pgEngine = new PostgresSearchEngine(db)
  await measure(`postgres engine on ${label}`, queries, (q) => engineRun(pgEngine, q))
  if (process.env.MEILI_URL) {
    const meili = new MeiliSearchEngine(db, {
      host: process.env.MEILI_URL,
      apiKey: process.env.MEILI_MASTER_KEY,
      index: 'cbm_bench',
    })
    await meili.reindexAll()
    await measure(`meilisearch engine (docs from ${label})`, queries, (q) => engineRun(meili, q))
  }
  if (!values['no-http']) {
    await ensureBuilt(root)
    setDb(db)
    const server: http.Server = await createHttpServer(root)
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    await measure(`HTTP API on ${label}`, queries, (q) => httpRun(`http://127.0.0.1:${port}`, q))
    await new Promise<void>((resolve) => server.close(() => resolve()))
    setDb(undefined)
  }
}

const queries = makeQueries(QUERIES)
console.log(
  `Search benchmark: ${COUNT} listings, ${queries.length} queries with facets, ${new Date().toISOString()}`,
)

if (!values['no-pglite']) {
  const db = await openDatabase({ kind: 'pglite', dataDir: path.join(dataDir(), 'bench', 'pglite') })
  await benchDatabase('PGlite', db, queries)
  await db.destroy()
}

const serverUrl =
  process.env.BENCH_DATABASE_URL ?? (values.server ? 'postgres://postgres@127.0.0.1:5432/cbm_bench' : null)
if (serverUrl) {
  const url = new URL(serverUrl)
  const name = url.pathname.slice(1) || 'cbm_bench'
  const admin = new pg.Client({
    connectionString: Object.assign(new URL(serverUrl), { pathname: '/postgres' }).toString(),
  })
  await admin.connect()
  if (values.fresh) await admin.query(`drop database if exists "${name}" with (force)`)
  const exists = await admin.query('select 1 from pg_database where datname = $1', [name])
  if (exists.rowCount === 0) await admin.query(`create database "${name}"`)
  const db = await openDatabase({ kind: 'postgres', url: serverUrl })
  await benchDatabase('PostgreSQL server', db, queries)
  await db.destroy()
  if (values.drop) await admin.query(`drop database if exists "${name}" with (force)`)
  await admin.end()
}

console.log('\n| target | queries | p50 ms | p95 ms | p99 ms |\n| --- | --- | --- | --- | --- |')
for (const r of rows)
  console.log(`| ${r.target} | ${r.n} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.p99.toFixed(1)} |`)
