import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'

import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from './limits'
import { sniffUpload } from './sniff'

export { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS }

export type ParseFailure =
  | { code: 'empty' }
  | { code: 'too_large'; max: number }
  | { code: 'too_many_rows'; max: number }
  | { code: 'not_utf8' }
  | { code: 'binary' }
  | { code: 'legacy_xls' }
  | { code: 'unreadable' }
  | { code: 'no_header' }

export type ParsedTable = { headers: string[]; rows: string[][] }

/** Excel for Windows saves "CSV" in the system code page unless told UTF-8: we refuse rather than guess. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes)
  } catch {
    return null
  }
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  if (typeof value === 'object') {
    // Formulas are never evaluated nor kept: only the text a person would read.
    if ('formula' in value || 'sharedFormula' in value) return `=${'formula' in value ? value.formula : ''}`
    if ('richText' in value) return value.richText.map((r) => r.text).join('')
    if ('text' in value) return String(value.text)
    if ('error' in value) return ''
    return ''
  }
  return String(value)
}

async function readXlsx(bytes: Uint8Array): Promise<ParsedTable | ParseFailure> {
  const book = new ExcelJS.Workbook()
  try {
    await book.xlsx.load(bytes as unknown as ArrayBuffer)
  } catch {
    return { code: 'unreadable' }
  }
  const sheet = book.worksheets[0]
  if (!sheet || sheet.rowCount === 0) return { code: 'empty' }
  if (sheet.rowCount - 1 > MAX_IMPORT_ROWS) return { code: 'too_many_rows', max: MAX_IMPORT_ROWS }
  const width = sheet.getRow(1).cellCount
  const table: string[][] = []
  sheet.eachRow({ includeEmpty: true }, (row) => {
    const cells: string[] = []
    for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim())
    table.push(cells)
  })
  const [headers, ...rows] = table
  if (!headers || headers.every((h) => !h)) return { code: 'no_header' }
  return { headers, rows }
}

function readCsv(text: string): ParsedTable | ParseFailure {
  const body = text.replace(/^\uFEFF/, '')
  // NUL and other C0 controls (besides tab and line breaks) mean this is not a text file.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: detecting binary content is the point
  if (/[\u0000-\u0008\u000e-\u001f]/.test(body)) return { code: 'binary' }
  const firstLine = body.slice(0, body.search(/\r?\n|$/))
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ','
  let table: string[][]
  try {
    table = parse(body, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
      to: MAX_IMPORT_ROWS + 2,
    }) as string[][]
  } catch {
    return { code: 'unreadable' }
  }
  const [headers, ...rows] = table
  if (!headers || headers.every((h) => !h)) return { code: 'no_header' }
  if (rows.length > MAX_IMPORT_ROWS) return { code: 'too_many_rows', max: MAX_IMPORT_ROWS }
  return { headers, rows }
}

/** Reads an uploaded CSV (UTF-8, `,` or `;`) or XLSX file into a header row and data rows. */
export async function parseImportFile(bytes: Uint8Array): Promise<ParsedTable | ParseFailure> {
  if (bytes.byteLength === 0) return { code: 'empty' }
  if (bytes.byteLength > MAX_IMPORT_BYTES) return { code: 'too_large', max: MAX_IMPORT_BYTES }
  const kind = sniffUpload(bytes)
  if (kind === 'xlsx') return readXlsx(bytes)
  // Another ZIP (a .docx, an archive) never reaches the spreadsheet reader.
  if (kind === 'zip-other') return { code: 'unreadable' }
  if (kind === 'legacy-xls') return { code: 'legacy_xls' }
  if (kind === 'binary') return { code: 'binary' }
  const text = decodeUtf8(bytes)
  if (text === null) return { code: 'not_utf8' }
  return readCsv(text)
}

export function isFailure(result: ParsedTable | ParseFailure): result is ParseFailure {
  return 'code' in result
}
