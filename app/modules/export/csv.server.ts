import { type Options, stringify } from 'csv-stringify/sync'
import type { Locale } from '~/modules/i18n/locales'
import { safeCell } from './cells'
import { type ExportColumn, headersFor } from './columns'

export type CsvOptions = {
  locale: Locale
  /** `;` for Excel set to a Russian locale, where `,` is the decimal separator. */
  delimiter: ',' | ';'
}

function csvValue(value: ReturnType<typeof safeCell>) {
  if (value === null) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'boolean') return value ? '1' : '0'
  return value
}

/** Rows per chunk: one chunk per row made the stream machinery, not the CSV, the cost of a big export. */
const ROWS_PER_CHUNK = 256

/**
 * Streams rows as CSV: UTF-8 with a byte-order mark (so Excel on Windows reads Cyrillic
 * and CJK correctly) and a header row in the viewer's language. Rows are pulled from the
 * source only as fast as the client reads, so memory stays flat whatever the size.
 */
export function csvStream<Row>(
  rows: AsyncIterable<Row>,
  columns: readonly ExportColumn<Row>[],
  options: CsvOptions,
): ReadableStream<Uint8Array> {
  const format: Options = {
    delimiter: options.delimiter,
    record_delimiter: 'windows',
    quoted_match: /[\r\n"]/,
    cast: { number: (n) => (options.delimiter === ';' ? String(n).replace('.', ',') : String(n)) },
  }
  const encoder = new TextEncoder()
  const iterator = rows[Symbol.asyncIterator]()
  let started = false
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const records: unknown[][] = []
      const first = !started
      if (first) {
        started = true
        records.push(headersFor(columns, options.locale))
      }
      let done = false
      while (records.length < ROWS_PER_CHUNK) {
        const next = await iterator.next()
        if (next.done) {
          done = true
          break
        }
        records.push(columns.map((c) => csvValue(safeCell(c.value(next.value, options.locale)))))
      }
      if (records.length > 0)
        controller.enqueue(encoder.encode(stringify(records, { ...format, bom: first })))
      if (done) controller.close()
    },
    async cancel() {
      await iterator.return?.()
    },
  })
}
