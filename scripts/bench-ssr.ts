/**
 * `npm run bench:ssr`: server-rendered pages and the search API under load, the way a visitor's
 * browser hits them. Seeds N listings (100,000 by default) into a dedicated database, starts the
 * built app as production does (`scripts/start.ts`, NODE_ENV=production) in its own process, and
 * drives it with autocannon: requests/s and latency percentiles for `/`, a listing card and
 * `/api/v1/search`. Figures only: nothing here asserts timings.
 *
 *   npm run bench:ssr                                   # PostgreSQL server, database cbm_bench_ssr
 *   npm run bench:ssr -- --pglite                       # embedded PGlite in a temporary folder
 *   options: --count 100000 --duration 10 --connections 10 --reuse (keep an already seeded database)
 *            --no-page-cache (measure rendering itself: every request renders)
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { parseArgs } from 'node:util'
import autocannon from 'autocannon'
import pg from 'pg'
import { reportFigure } from './lib/bench-report'
import { ensureBuilt } from './lib/ensure-built'

const { values } = parseArgs({
  options: {
    count: { type: 'string', default: '100000' },
    duration: { type: 'string', default: '10' },
    connections: { type: 'string', default: '10' },
    server: { type: 'string', default: 'postgres://postgres@127.0.0.1:5432/postgres' },
    pglite: { type: 'boolean', default: false },
    'no-page-cache': { type: 'boolean', default: false },
    reuse: { type: 'boolean', default: false },
    port: { type: 'string', default: '3990' },
  },
})
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..')
const count = Number(values.count)
const duration = Number(values.duration)
const connections = Number(values.connections)
const port = Number(values.port)
const BENCH_DB = 'cbm_bench_ssr'

await ensureBuilt(root)

const env: NodeJS.ProcessEnv = {
  ...process.env,
  NODE_ENV: 'production',
  PORT: String(port),
  MAP_TILE_URL: 'none',
  // A fixed secret: the bench signs nobody in, but production mode refuses to start without one.
  SESSION_SECRET: process.env.SESSION_SECRET ?? 'bench-only-secret-bench-only-secret-0123456789',
  // The load stands for many visitors: each request names its own client address (X-Forwarded-For
  // below), as a proxy would, so the per-IP rate limits apply to each as in production.
  TRUST_PROXY: '1',
  LOG_LEVEL: 'warn',
}
if (values['no-page-cache']) env.PAGE_CACHE_SECONDS = '0'
let tmpDir: string | null = null
if (values.pglite) {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbm-bench-ssr-'))
  env.DATA_DIR = tmpDir
  delete env.DATABASE_URL
} else {
  const admin = new pg.Client({ connectionString: values.server })
  await admin.connect()
  const exists = await admin.query('select 1 from pg_database where datname = $1', [BENCH_DB])
  if (!values.reuse || exists.rowCount === 0) {
    await admin.query(`drop database if exists "${BENCH_DB}" with (force)`)
    await admin.query(`create database "${BENCH_DB}"`)
  }
  await admin.end()
  const url = new URL(values.server)
  url.pathname = `/${BENCH_DB}`
  env.DATABASE_URL = url.toString()
}

async function listingCount(): Promise<number> {
  if (!env.DATABASE_URL) return 0
  const client = new pg.Client({ connectionString: env.DATABASE_URL })
  await client.connect()
  try {
    const tables = await client.query("select to_regclass('public.businesses') as t")
    if (!tables.rows[0]?.t) return 0
    const result = await client.query('select count(*)::int as n from businesses')
    return result.rows[0].n as number
  } finally {
    await client.end()
  }
}

if ((await listingCount()) !== count) {
  console.log(`Seeding ${count} listings…`)
  execFileSync(
    process.execPath,
    ['--import', 'tsx', 'scripts/seed-demo.ts', '--count', String(count), '--reset'],
    {
      stdio: 'inherit',
      env,
      cwd: root,
    },
  )
} else {
  console.log(`Reusing ${count} listings in ${BENCH_DB}`)
}

function startApp(): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/start.ts'], {
      cwd: root,
      env,
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let output = ''
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString()
      if (/Ready in/.test(output)) resolve(child)
    })
    child.once('exit', (code) =>
      reject(new Error(`The app exited with ${code} before it was ready:\n${output}`)),
    )
  })
}

const base = `http://127.0.0.1:${port}`
let visitors = 0
/** 2,000 visitors in turn, each from its own address. */
function visitor(request: autocannon.Request) {
  visitors = (visitors + 1) % 2000
  return {
    ...request,
    headers: {
      ...request.headers,
      'x-forwarded-for': `10.${visitors >> 8}.${visitors & 255}.${(visitors % 250) + 1}`,
    },
  }
}
const app = await startApp()
try {
  // The map's cluster index warms up after listen; let it finish before measuring.
  await fetch(`${base}/api/v1/map?zoom=2`).then((r) => r.arrayBuffer())
  const first = (await (await fetch(`${base}/api/v1/businesses?perPage=1`)).json()) as {
    hits?: { id: string }[]
  }
  const cardId = first.hits?.[0]?.id
  if (!cardId) throw new Error('No published listing to open as a card')

  const targets: { name: string; path: string; rps?: string; p99?: string }[] = [
    { name: 'SSR /', path: '/', rps: '>= 300', p99: '<= 150' },
    { name: 'SSR card page', path: `/businesses/${cardId}` },
    { name: 'search API', path: '/api/v1/businesses?q=%D1%82%D1%80%D0%B5%D0%B9%D0%B4&country=JP' },
  ]

  console.log(
    `\n${count} listings, ${connections} connections, ${duration} s per target (after a 2 s warm-up), ${os.cpus().length} cores, page cache ${values['no-page-cache'] ? 'off' : 'on (production default)'}\n`,
  )
  console.log('| target | req/s | p50 ms | p99 ms | non-2xx |\n| --- | --- | --- | --- | --- |')
  for (const target of targets) {
    const options = {
      url: base + target.path,
      connections,
      requests: [{ setupRequest: visitor }],
    }
    await autocannon({ ...options, duration: 2 })
    const result = await autocannon({ ...options, duration })
    const non2xx = result.non2xx + result.errors + result.timeouts
    console.log(
      `| ${target.name} | ${result.requests.average.toFixed(0)} | ${result.latency.p50} | ${result.latency.p99} | ${non2xx} |`,
    )
    const label = values['no-page-cache'] ? `${target.name} (no page cache)` : target.name
    reportFigure({
      bench: 'ssr',
      metric: `${label} req/s`,
      value: result.requests.average,
      unit: 'req/s',
      target: target.rps,
    })
    reportFigure({
      bench: 'ssr',
      metric: `${label} p99`,
      value: result.latency.p99,
      unit: 'ms',
      target: target.p99,
    })
  }
} finally {
  app.kill('SIGTERM')
  await new Promise((resolve) => app.once('exit', resolve))
  if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
}
