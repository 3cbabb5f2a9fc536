import { Readable } from 'node:stream'
import { stringify } from 'csv-stringify'
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
  const stringifier = stringify({
    delimiter: options.delimiter,
    bom: true,
    record_delimiter: 'windows',
    quoted_match: /[\r\n"]/,
    cast: { number: (n) => (options.delimiter === ';' ? String(n).replace('.', ',') : String(n)) },
  })
  const source = Readable.from(
    (async function* () {
      yield headersFor(columns, options.locale)
      for await (const row of rows) yield columns.map((c) => csvValue(safeCell(c.value(row, options.locale))))
    })(),
  )
  source.on('error', (error) => stringifier.destroy(error))
  source.pipe(stringifier)
  return Readable.toWeb(stringifier) as ReadableStream<Uint8Array>
}
