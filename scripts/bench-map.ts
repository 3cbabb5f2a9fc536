/**
 * `npm run bench:map`: latency and size of GET /api/v1/map at 100,000 listings,
 * through the real HTTP server (express, compression, the built app).
 *
 *   npm run bench:map                       # PGlite in a temporary data folder
 *   npm run bench:map -- --server postgres://postgres@127.0.0.1:5432/postgres
 *                                           # a server: creates cbm_bench_map, drops it after
 *   options: --count 100000  --runs 40  --keep (keep the database)  --reuse (skip seeding if filled)
 *
 * For each view (world, country, city) and filter set (none, filters, text) it prints the
 * first request's time (the cluster index for that filter set is built then), p50/p95
 * over `runs` warm requests at slightly different views, and the bytes on the wire
 * (gzip) and uncompressed. Text queries are also measured cold, each query once.
 * It prints figures and asserts nothing.
 */
import fs from 'node:fs'
import http from 'node:http'
import type { AddressInfo } from 'node:net'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import zlib from 'node:zlib'
import { sql } from 'kysely'
import pg from 'pg'
import { reportFigure } from './lib/bench-report'

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    count: { type: 'string', default: '100000' },
    runs: { type: 'string', default: '40' },
    keep: { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
  },
})
const count = Number(values.count)
const runs = Number(values.runs)
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const BENCH_DB = 'cbm_bench_map'

let tmpDir: string | null = null
if (values.server) {
  const admin = new pg.Client({ connectionString: values.server })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB])
  if (exists.rowCount && !values.reuse) await admin.query(`drop database "${BENCH_DB}" with (force)`)
  if (!exists.rowCount || !values.reuse) await admin.query(`create database "${BENCH_DB}"`)
  await admin.end()
  const url = new URL(values.server)
  url.pathname = `/${BENCH_DB}`
  process.env.DATABASE_URL = url.toString()
} else {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbm-bench-map-'))
  process.env.DATA_DIR = tmpDir
  delete process.env.DATABASE_URL
}
process.env.NODE_ENV = 'production'
process.env.MAP_TILE_URL = 'none'

// Imported after the environment is set: the database client reads it once.
const { getDb, targetFromEnv } = await import('#db/client.server')
const { migrateToLatest } = await import('#db/migrate.server')
const { describeTarget } = await import('#db/open.server')
const { seedDemo, resetDemo } = await import('./lib/demo/seed')
const { ensureBuilt } = await import('./lib/ensure-built')
const { createHttpServer } = await import('./lib/http-server')

await ensureBuilt(root)
const db = await getDb()
console.log(`Database: ${describeTarget(targetFromEnv())}`)
await migrateToLatest(db)
const existing = Number(
  (
    await db
      .selectFrom('businesses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
  ).n,
)
if (existing !== count || !values.reuse) {
  if (existing > 0) await resetDemo(db)
  const report = await seedDemo(db, { count, seed: 20180531 })
  console.log(
    `Seeded ${report.businesses} listings (${report.published} published) in ${(report.ms / 1000).toFixed(1)} s`,
  )
} else {
  console.log(`Reusing ${existing} listings`)
}

// Fresh statistics, as autovacuum would have them on a live database: without them the
// planner misjudges the text filter and scans.
await sql`analyze`.execute(db)

const server = await createHttpServer(root)
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
const port = (server.address() as AddressInfo).port

type Sample = { ms: number; wire: number; raw: number; status: number }

function get(pathAndQuery: string): Promise<Sample> {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = http.get(
      { host: '127.0.0.1', port, path: pathAndQuery, headers: { 'Accept-Encoding': 'gzip' } },
      (res) => {
        const chunks: Buffer[] = []
        res.on('data', (c: Buffer) => chunks.push(c))
        res.on('end', () => {
          const ms = performance.now() - started
          const body = Buffer.concat(chunks)
          const raw = res.headers['content-encoding'] === 'gzip' ? zlib.gunzipSync(body).length : body.length
          resolve({ ms, wire: body.length, raw, status: res.statusCode ?? 0 })
        })
      },
    )
    req.on('error', reject)
  })
}

const pct = (xs: number[], p: number) => {
  const sorted = [...xs].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? 0
}
const kb = (n: number) => `${(n / 1024).toFixed(1)} KB`

const views = {
  world: { bbox: [-180, -85, 180, 85], zoom: 2 },
  country: { bbox: [128, 30, 146, 46], zoom: 5 }, // Japan
  city: { bbox: [139.55, 35.55, 139.95, 35.82], zoom: 12 }, // Tokyo
  // Worst case for size: a whole city at street zoom, every listing single (no screen is this big).
  'city@z17': { bbox: [139.55, 35.55, 139.95, 35.82], zoom: 17 },
} as const
const filterSets = {
  none: '',
  filters: 'sector=G&sector=H&verified=1',
  'country+sector': 'country=JP&country=KR&sector=J',
  text: `q=${encodeURIComponent('логистика')}`,
  'text+filters': `q=software&country=JP`,
} as const

function viewQuery(view: (typeof views)[keyof typeof views], i: number) {
  // Pan a little each run, as a user does, so no two requests are the same view.
  const [w, s, e, n] = view.bbox
  const dx = ((i % 5) - 2) * (e - w) * 0.02
  const dy = ((i % 3) - 1) * (n - s) * 0.02
  const box = [Math.max(-180, w + dx), Math.max(-90, s + dy), Math.min(180, e + dx), Math.min(90, n + dy)]
  return `bbox=${box.map((v) => v.toFixed(4)).join(',')}&zoom=${view.zoom}`
}

console.log(`\nGET /api/v1/map, ${runs} warm requests per row after one cold request\n`)
console.log(
  [
    'view',
    'filter set',
    'cold ms',
    'p50 ms',
    'p95 ms',
    'max ms',
    'features',
    'wire (gzip)',
    'uncompressed',
  ].join(' | '),
)
const rows: string[][] = []
for (const [filterName, filters] of Object.entries(filterSets)) {
  for (const [viewName, view] of Object.entries(views)) {
    const cold = await get(`/api/v1/map?${viewQuery(view, 2)}${filters ? `&${filters}` : ''}`)
    const samples: Sample[] = []
    for (let i = 0; i < runs; i++)
      samples.push(await get(`/api/v1/map?${viewQuery(view, i)}${filters ? `&${filters}` : ''}`))
    const last = await fetch(
      `http://127.0.0.1:${port}/api/v1/map?${viewQuery(view, 2)}${filters ? `&${filters}` : ''}`,
    )
    const features = ((await last.json()) as { features: unknown[] }).features.length
    const ms = samples.map((s) => s.ms)
    const row = [
      viewName,
      filterName,
      cold.ms.toFixed(1),
      pct(ms, 50).toFixed(1),
      pct(ms, 95).toFixed(1),
      Math.max(...ms).toFixed(1),
      String(features),
      kb(Math.max(...samples.map((s) => s.wire))),
      kb(Math.max(...samples.map((s) => s.raw))),
    ]
    if (samples.some((s) => s.status !== 200)) row.push('(non-200!)')
    rows.push(row)
    reportFigure({ bench: 'map', metric: `${viewName}, ${filterName} p95`, value: pct(ms, 95), unit: 'ms' })
    console.log(row.join(' | '))
  }
}

// Text queries each seen once: the index for each is built on that request.
const words = [
  'логистика',
  'software',
  'ресторан',
  'туризм',
  'export',
  'строительство',
  'education',
  'импорт',
  'консалтинг',
  'design',
  'рыба',
  'medical',
  'перевозки',
  'consulting',
  'недвижимость',
  'wine',
  'агентство',
  'trade',
  'школа',
  'hotel',
]
const coldText: number[] = []
for (const [i, w] of words.entries()) {
  const view = Object.values(views)[i % 4] as (typeof views)[keyof typeof views]
  coldText.push(
    (await get(`/api/v1/map?${viewQuery(view, i)}&q=${encodeURIComponent(w)}&verified=${i % 2}`)).ms,
  )
}
console.log(
  `\nText queries never seen before (${words.length}, index built per request): p50 ${pct(coldText, 50).toFixed(1)} ms, p95 ${pct(coldText, 95).toFixed(1)} ms, max ${Math.max(...coldText).toFixed(1)} ms`,
)
reportFigure({ bench: 'map', metric: 'unseen text query p95', value: pct(coldText, 95), unit: 'ms' })
const mem = process.memoryUsage()
console.log(
  `Process memory after the run: rss ${(mem.rss / 1e6).toFixed(0)} MB, heap used ${(mem.heapUsed / 1e6).toFixed(0)} MB`,
)

server.close()
await db.destroy()
if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
if (values.server && !values.keep) {
  const admin = new pg.Client({ connectionString: values.server })
  await admin.connect()
  await admin.query(`drop database if exists "${BENCH_DB}" with (force)`)
  await admin.end()
}
process.exit(0)
