import type { Locale } from '~/modules/i18n/locales'
import type { CellValue } from './cells'

export type ColumnType = 'string' | 'number' | 'date' | 'boolean'

/** One exported column: its header in each language, its type and how to read it from a row. */
export type ExportColumn<Row> = {
  key: string
  header: Record<Locale, string>
  type: ColumnType
  width?: number
  value: (row: Row, locale: Locale) => CellValue
}

export function headersFor<Row>(columns: readonly ExportColumn<Row>[], locale: Locale) {
  return columns.map((c) => c.header[locale])
}
