import { parseArgs } from 'node:util'
import { freshBenchDatabase } from './lib/bench-database'
import { reportFigure } from './lib/bench-report'

const { values } = parseArgs({
  options: { server: { type: 'string' }, count: { type: 'string', default: '100000' } },
})
const count = Number(values.count)
const benchDb = await freshBenchDatabase('cbm_bench_export', values.server)

// Seeding runs in its own process, so the RSS measured here is the exporting app's alone.
benchDb.seed(count)

const { getDb } = await import('#db/client.server')
const { matchingIds } = await import('~/modules/search/pg-engine.server')
const { emptyFilters } = await import('~/modules/search/params')
const { businessExportColumns, exportRows, geoJsonStream } = await import(
  '~/modules/export/businesses.server'
)
const { csvStream } = await import('~/modules/export/csv.server')
const { xlsxStream } = await import('~/modules/export/xlsx.server')

const db = await getDb()
const filters = emptyFilters()
const ids = await matchingIds(db, { q: '', filters, bbox: null, audience: 'staff' })
console.log(`Exporting ${ids.length} listings (working-group view: every status and contact)\n`)

async function measure(
  name: string,
  secondsTarget: string | undefined,
  stream: () => ReadableStream<Uint8Array>,
) {
  global.gc?.()
  const baseline = process.memoryUsage().rss
  let peak = baseline
  const sampler = setInterval(() => {
    peak = Math.max(peak, process.memoryUsage().rss)
  }, 20)
  const started = performance.now()
  let bytes = 0
  const reader = stream().getReader()
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    bytes += value.byteLength
  }
  const seconds = (performance.now() - started) / 1000
  clearInterval(sampler)
  peak = Math.max(peak, process.memoryUsage().rss)
  reportFigure({ bench: 'export', metric: `${name} time`, value: seconds, unit: 's', target: secondsTarget })
  // The process holds the app's modules and the search index before any export starts (decision 0020):
  // the export's own cost is what it adds, and it must not grow with the number of rows.
  reportFigure({ bench: 'export', metric: `${name} peak RSS`, value: peak / 1024 / 1024, unit: 'MB' })
  reportFigure({
    bench: 'export',
    metric: `${name} RSS growth`,
    value: (peak - baseline) / 1024 / 1024,
    unit: 'MB',
    target: '<= 200',
  })
  console.log(
    `${name.padEnd(18)} ${seconds.toFixed(1).padStart(6)} s  ${(bytes / 1024 / 1024).toFixed(1).padStart(7)} MB  peak RSS ${(peak / 1024 / 1024).toFixed(0).padStart(5)} MB (start ${(baseline / 1024 / 1024).toFixed(0)} MB)`,
  )
}

const columns = businessExportColumns(true)
await measure('CSV', '<= 5', () =>
  csvStream(exportRows(db, ids, 'all'), columns, { locale: 'ru', delimiter: ',' }),
)
await measure('XLSX', '<= 20', () =>
  xlsxStream(exportRows(db, ids, 'all'), columns, { locale: 'ru', sheetName: 'Компании' }),
)
await measure('GeoJSON', undefined, () => geoJsonStream(exportRows(db, ids, 'all'), 'ru', true))

await db.destroy()
await benchDb.release({ dropServerDatabase: true })
