/**
 * `npm run bench:duplicates`: the duplicate check the editor runs before a submission, against a
 * directory of 100,000 listings. About 200 names are checked: half the names of listings already
 * there, written in another script or with a legal form, half new names; each check is the place
 * filter in SQL plus the name scoring (decision 0017). Prints p50/p95/max; asserts nothing.
 *
 *   npm run bench:duplicates                  # PGlite in a temporary folder
 *   npm run bench:duplicates -- --server postgres://postgres@127.0.0.1:5432/postgres
 *   options: --count 100000 --checks 200
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import pg from 'pg'
import { reportFigure } from './lib/bench-report'

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    count: { type: 'string', default: '100000' },
    checks: { type: 'string', default: '200' },
  },
})
const count = Number(values.count)
const checks = Number(values.checks)
const BENCH_DB = 'cbm_bench_duplicates'
let tmpDir: string | null = null
if (values.server) {
  const admin = new pg.Client({ connectionString: values.server })
  await admin.connect()
  await admin.query(`drop database if exists "${BENCH_DB}" with (force)`)
  await admin.query(`create database "${BENCH_DB}"`)
  await admin.end()
  const url = new URL(values.server)
  url.pathname = `/${BENCH_DB}`
  process.env.DATABASE_URL = url.toString()
} else {
  tmpDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cbm-bench-duplicates-'))
  process.env.DATA_DIR = tmpDir
  delete process.env.DATABASE_URL
}

console.log(`Seeding ${count} listings…`)
execFileSync(process.execPath, ['--import', 'tsx', 'scripts/seed-demo.ts', '--count', String(count)], {
  stdio: 'inherit',
  env: process.env,
})

const { getDb } = await import('#db/client.server')
const { findDuplicateCandidates } = await import('~/modules/duplicates/candidates.server')
const db = await getDb()

// Listings spread over the directory: their names, re-typed, are the "already listed" half.
const sample = await db
  .selectFrom('businesses')
  .select(['name_ru', 'name_en', 'name_local', 'country_code', 'city', 'city_geoname_id', 'lat', 'lon'])
  .where('status', '=', 'published')
  .orderBy('id')
  .where((eb) => eb(eb.fn('mod', ['id', eb.val(Math.max(1, Math.floor(count / checks)))]), '=', 0))
  .limit(checks)
  .execute()
const inputs = sample.map((s, i) =>
  i % 2 === 0
    ? // The same business, typed under its other name with a legal form.
      {
        ...s,
        name_ru: s.name_en ? `ООО «${s.name_ru ?? ''}»` : null,
        name_en: s.name_en ? `${s.name_en} Co., Ltd.` : null,
        name_local: null,
      }
    : // A new business in the same city.
      { ...s, name_ru: `Новая компания ${i}`, name_en: `Brand New Venture ${i}`, name_local: null },
)

const times: number[] = []
let found = 0
for (const input of inputs) {
  const started = performance.now()
  const candidates = await findDuplicateCandidates(db, input, { statuses: ['published'] })
  times.push(performance.now() - started)
  if (candidates.length > 0) found++
}
const sorted = [...times].sort((a, b) => a - b)
const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
const cityCounts = await db
  .selectFrom('businesses')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .groupBy(['country_code', 'city'])
  .orderBy('n', 'desc')
  .limit(1)
  .executeTakeFirst()

console.log(`\n${inputs.length} checks against ${count} listings (largest city: ${cityCounts?.n} listings)`)
console.log(`  with candidates: ${found} (about half are re-typed names of listed businesses)`)
console.log(
  `  p50 ${at(0.5).toFixed(1)} ms · p95 ${at(0.95).toFixed(1)} ms · max ${sorted.at(-1)?.toFixed(1)} ms`,
)
reportFigure({ bench: 'duplicates', metric: 'check p50', value: at(0.5), unit: 'ms' })
reportFigure({ bench: 'duplicates', metric: 'check p95', value: at(0.95), unit: 'ms', target: '<= 500' })
reportFigure({ bench: 'duplicates', metric: 'check max', value: sorted.at(-1) ?? 0, unit: 'ms' })
reportFigure({
  bench: 'duplicates',
  metric: 'checks with candidates',
  value: found,
  unit: `of ${inputs.length}`,
})

await db.destroy()
if (tmpDir) fs.rmSync(tmpDir, { recursive: true, force: true })
