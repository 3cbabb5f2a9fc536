import { parseArgs } from 'node:util'
import ExcelJS from 'exceljs'
import { freshBenchDatabase } from './lib/bench-database'
import { reportFigure } from './lib/bench-report'
import { IMPORT_HEADER, importRows, toCsv } from './lib/import-sample'

const { values } = parseArgs({
  options: {
    server: { type: 'string' },
    rows: { type: 'string', default: '10000' },
    count: { type: 'string', default: '20000' },
  },
})
const benchDb = await freshBenchDatabase('cbm_bench_import', values.server)

benchDb.seed(values.count)

const { getDb } = await import('#db/client.server')
const { checkImport, claimImport, loadImport, runImport } = await import('~/modules/import/imports.server')
const { makeTranslator } = await import('~/modules/i18n/translate')
const db = await getDb()
const coordinator = 'demo-council-jp'
const user = { id: coordinator } as Parameters<typeof checkImport>[1]['user']
const t = makeTranslator('ru')

let peak = 0
const sampler = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss)
}, 20)

async function timed<T>(work: () => Promise<T>): Promise<[T, number]> {
  const started = performance.now()
  const result = await work()
  return [result, (performance.now() - started) / 1000]
}

async function bench(format: 'CSV' | 'XLSX', prefix: string) {
  const { rows } = importRows(Number(values.rows), prefix)
  let bytes: Uint8Array
  if (format === 'CSV') bytes = new TextEncoder().encode(toCsv(rows))
  else {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Компании')
    sheet.addRow(IMPORT_HEADER)
    for (const row of rows) sheet.addRow(row)
    bytes = new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer)
  }
  const check = () =>
    checkImport(db, { user, countryCode: 'JP', fileName: `bench.${format}`, bytes, t, locale: 'ru' })
  const [checked, checkSeconds] = await timed(check)
  if (!('id' in checked)) throw new Error(checked.failure)
  const record = await loadImport(db, checked.id)
  await claimImport(db, checked.id, { status: 'published', skipDuplicates: true })
  const [result, importSeconds] = await timed(() => runImport(db, checked.id, coordinator))
  const [again, recheckSeconds] = await timed(check)
  if (!('id' in again)) throw new Error(again.failure)
  await claimImport(db, again.id, { status: 'published', skipDuplicates: true })
  const [unchanged, reimportSeconds] = await timed(() => runImport(db, again.id, coordinator))
  reportFigure({
    bench: 'import',
    metric: `${format} check ${rows.length} rows`,
    value: checkSeconds,
    unit: 's',
  })
  reportFigure({
    bench: 'import',
    metric: `${format} import ${rows.length} rows`,
    value: importSeconds,
    unit: 's',
  })
  reportFigure({
    bench: 'import',
    metric: `${format} unchanged re-import`,
    value: reimportSeconds,
    unit: 's',
  })
  console.log(
    `${format.padEnd(5)} ${(bytes.byteLength / 1024 / 1024).toFixed(1)} MB, ${rows.length} rows (${record?.validRows} valid): ` +
      `check ${checkSeconds.toFixed(1)} s, import ${importSeconds.toFixed(1)} s (${result.created} created), ` +
      `re-check ${recheckSeconds.toFixed(1)} s, re-import ${reimportSeconds.toFixed(1)} s (${unchanged.unchanged} unchanged)`,
  )
}

console.log(`Importing ${values.rows} rows (${values.server ? 'PostgreSQL server' : 'PGlite'})\n`)
await bench('CSV', 'bench-csv')
await bench('XLSX', 'bench-xlsx')
clearInterval(sampler)
reportFigure({ bench: 'import', metric: 'peak RSS', value: peak / 1024 / 1024, unit: 'MB' })
console.log(`\npeak RSS ${(peak / 1024 / 1024).toFixed(0)} MB`)

await db.destroy()
await benchDb.release({ dropServerDatabase: true })
