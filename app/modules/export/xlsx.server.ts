import { PassThrough, Readable } from 'node:stream'
import ExcelJS from 'exceljs'
import type { Locale } from '~/modules/i18n/locales'
import { safeCell } from './cells'
import { type ExportColumn, headersFor } from './columns'

/** Excel forbids these in sheet names and caps them at 31 characters. */
function sheetTitle(name: string, used: Set<string>) {
  const base = name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Sheet'
  let title = base
  for (let i = 2; used.has(title); i++) title = `${base.slice(0, 28)} ${i}`
  used.add(title)
  return title
}

function xlsxValue(value: ReturnType<typeof safeCell>) {
  return value === null ? '' : value
}

/**
 * Streams an XLSX workbook: typed cells, frozen header, autofilter. Styles and shared
 * strings are off — with them a large export costs several times the time and memory —
 * and every row is committed as soon as it is written.
 */
export function xlsxStream<Row>(
  rows: AsyncIterable<Row>,
  columns: readonly ExportColumn<Row>[],
  options: { locale: Locale; sheetName: string; splitBy?: (row: Row) => string },
): ReadableStream<Uint8Array> {
  const output = new PassThrough()
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: output,
    useStyles: false,
    useSharedStrings: false,
  })
  const headers = headersFor(columns, options.locale)
  const used = new Set<string>()

  function openSheet(name: string) {
    const sheet = workbook.addWorksheet(sheetTitle(name, used), {
      views: [{ state: 'frozen', ySplit: 1 }],
    })
    sheet.columns = columns.map((c, i) => ({
      key: c.key,
      width: c.width ?? Math.min(60, Math.max(10, (headers[i] ?? '').length + 2)),
    }))
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } }
    sheet.addRow(headers).commit()
    return sheet
  }

  ;(async () => {
    let current: { key: string; sheet: ExcelJS.Worksheet } | null = null
    for await (const row of rows) {
      const key = options.splitBy ? options.splitBy(row) : options.sheetName
      if (!current || current.key !== key) {
        current?.sheet.commit()
        current = { key, sheet: openSheet(key) }
      }
      current.sheet.addRow(columns.map((c) => xlsxValue(safeCell(c.value(row, options.locale))))).commit()
      // Respect back-pressure: wait while the client is slower than the database.
      if (output.writableNeedDrain) await new Promise((resolve) => output.once('drain', resolve))
    }
    if (!current) openSheet(options.sheetName)
    else current.sheet.commit()
    await workbook.commit()
  })().catch((error: unknown) => output.destroy(error instanceof Error ? error : new Error(String(error))))

  return Readable.toWeb(output) as ReadableStream<Uint8Array>
}
