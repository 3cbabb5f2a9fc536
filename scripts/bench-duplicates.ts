import { parseArgs } from 'node:util'
import { freshBenchDatabase } from './lib/bench-database'
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
const benchDb = await freshBenchDatabase('cbm_bench_duplicates', values.server)

benchDb.seed(count)

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
await benchDb.release({ dropServerDatabase: false })
