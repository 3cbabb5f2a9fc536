import ExcelJS from 'exceljs'
import { describe, expect, it } from 'vitest'
import { regionCountries } from '#db/reference/countries'
import { russianRegions } from '#db/reference/russian-regions'
import { sectors } from '#db/reference/sectors'
import { makeTranslator } from '~/modules/i18n/translate'
import { importColumns } from '~/modules/import/columns'
import { isFailure, MAX_IMPORT_ROWS, type ParsedTable, parseImportFile } from '~/modules/import/parse.server'
import { checkImportRows } from '~/modules/import/validate.server'

const codes = {
  countries: regionCountries.map((c) => c.code),
  sectors: sectors.map((s) => s.code),
  regions: russianRegions.map((r) => r.code),
}
const context = (locale: 'ru' | 'en' = 'ru') => ({
  t: makeTranslator(locale),
  locale,
  countryCode: 'JP',
  codes,
})

const header = [
  'external_id',
  'name_ru',
  'name_en',
  'name_local',
  'sectors',
  'city',
  'lat',
  'lon',
  'email',
  'phone',
  'regions',
  'consent',
]

function goodRow(i: number) {
  return [
    `jp-${i}`,
    `ООО «Компания ${i}»`,
    `Company ${i} K.K.`,
    `株式会社${i}`,
    'G;H',
    'Tokyo',
    '',
    '',
    `info${i}@example.jp`,
    '+81 3 1234 5678',
    'RU-PRI;RU-MOW',
    'да',
  ]
}

/** The start of a ZIP whose first entry has this name: enough for the sniffer. */
function zipNamed(name: string) {
  const header = new Uint8Array(30)
  header.set([0x50, 0x4b, 0x03, 0x04])
  return new Uint8Array([...header, ...new TextEncoder().encode(name)])
}

function csv(rows: string[][]) {
  const quote = (v: string) => (/[",\n;]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return new TextEncoder().encode(`\uFEFF${rows.map((r) => r.map(quote).join(',')).join('\r\n')}`)
}

async function table(bytes: Uint8Array): Promise<ParsedTable> {
  const parsed = await parseImportFile(bytes)
  if (isFailure(parsed)) throw new Error(parsed.code)
  return parsed
}

describe('reading import files', () => {
  it('reads UTF-8 CSV with a BOM, comma or semicolon separated', async () => {
    const comma = await table(csv([header, goodRow(1)]))
    expect(comma.headers[1]).toBe('name_ru')
    expect(comma.rows[0]?.[3]).toBe('株式会社1')
    const semi = await table(new TextEncoder().encode('name_ru;city;sectors\nООО «Тест»;Осака;G\n'))
    expect(semi.rows).toEqual([['ООО «Тест»', 'Осака', 'G']])
  })

  it.each([
    ['an empty file', new Uint8Array(), 'empty'],
    ['Windows-1251 text', new Uint8Array([0xcd, 0xe0, 0xe7, 0xe2, 0xe0, 0xed, 0xe8, 0xe5, 0x0a]), 'not_utf8'],
    ['binary junk', new Uint8Array([0x00, 0x01, 0x02, 0x41, 0x42, 0x00, 0x7f]), 'binary'],
    ['a broken zip', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]), 'unreadable'],
    // Sniffed by content, whatever the file was called.
    ['a ZIP that is not a workbook (a .docx)', zipNamed('word/document.xml'), 'unreadable'],
    [
      'an old binary .xls',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'legacy_xls',
    ],
    ['a PDF (its first bytes are text)', new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj'), 'binary'],
    ['a PNG', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), 'binary'],
    ['a gzip archive', new Uint8Array([0x1f, 0x8b, 0x08, 0x00]), 'binary'],
  ])('refuses %s', async (_label, bytes, code) => {
    const parsed = await parseImportFile(bytes)
    expect(isFailure(parsed) && parsed.code).toBe(code)
  })

  it('refuses more rows than the limit', async () => {
    const rows = [header, ...Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => goodRow(i))]
    const parsed = await parseImportFile(csv(rows))
    expect(isFailure(parsed) && parsed.code).toBe('too_many_rows')
  })

  it('reads XLSX and never keeps a formula as a formula', async () => {
    const book = new ExcelJS.Workbook()
    const sheet = book.addWorksheet('Компании')
    sheet.addRow(header)
    sheet.addRow(goodRow(1))
    const row = sheet.addRow(goodRow(2))
    row.getCell(2).value = { formula: 'HYPERLINK("http://evil.example","click")' }
    const bytes = new Uint8Array(await book.xlsx.writeBuffer())
    const parsed = await table(bytes)
    expect(parsed.rows[1]?.[1]).toBe('=HYPERLINK("http://evil.example","click")')
    const checked = checkImportRows(parsed, context())
    expect(checked.rows[1]?.errors).toEqual([
      { column: 'Название (рус.)', message: 'Формулы не допускаются: введите значение как текст.' },
    ])
  })
})

describe('checking rows with the editor schema', () => {
  it('reports exactly the 7 planted errors in 1,000 rows, by row and column, and keeps the 993 good ones', async () => {
    const rows = [header, ...Array.from({ length: 1000 }, (_, i) => goodRow(i + 1))]
    const plant = (row: number, column: string, value: string) => {
      const r = rows[row - 1] as string[]
      r[header.indexOf(column)] = value
    }
    plant(12, 'email', 'not-an-email')
    plant(101, 'lat', '95')
    plant(101, 'lon', '139.7')
    plant(250, 'sectors', 'Z')
    plant(333, 'consent', 'нет')
    plant(480, 'name_ru', '=HYPERLINK("http://evil.example","click")')
    plant(777, 'city', 'Атлантида')
    plant(901, 'external_id', 'jp-5')
    const checked = checkImportRows(await table(csv(rows)), context())
    expect(checked.problems).toEqual([])
    const bad = checked.rows.filter((r) => r.errors.length > 0)
    expect(bad.map((r) => [r.rowNumber, r.errors.map((e) => e.column)])).toEqual([
      [12, ['Эл. почта']],
      [101, ['Широта']],
      [250, ['Отрасли']],
      [333, ['Согласие на публикацию']],
      [480, ['Название (рус.)']],
      [777, ['Город']],
      [901, ['Внешний номер']],
    ])
    expect(checked.rows.filter((r) => r.value !== null)).toHaveLength(993)
    expect(bad.find((r) => r.rowNumber === 901)?.errors[0]?.message).toBe(
      'Внешний номер «jp-5» уже встречался в строке 6.',
    )
  })

  it('speaks English to an English-speaking coordinator and accepts English headers', async () => {
    const rows = [header, goodRow(1)]
    ;(rows[1] as string[])[8] = 'bad'
    const checked = checkImportRows(await table(csv(rows)), context('en'))
    expect(checked.rows[0]?.errors).toEqual([{ column: 'email', message: expect.stringMatching(/e-mail/i) }])
  })

  it('accepts Russian headers and names missing required columns', async () => {
    const russian = importColumns.filter((c) => ['name_ru', 'city'].includes(c.key)).map((c) => c.ru)
    const checked = checkImportRows(await table(csv([russian, ['ООО «Тест»', 'Осака']])), context())
    expect(checked.problems.map((p) => p.message)).toEqual([
      'Нет обязательного столбца «Отрасли».',
      'Нет обязательного столбца «Согласие на публикацию».',
    ])
  })

  it('fills the point from the gazetteer, in any of its languages', async () => {
    const rows = [header, goodRow(1), goodRow(2), goodRow(3)]
    ;(rows[1] as string[])[5] = 'Токио'
    ;(rows[2] as string[])[5] = '大阪'
    ;(rows[3] as string[])[5] = 'Sapporo'
    const checked = checkImportRows(await table(csv(rows)), context())
    expect(checked.rows.map((r) => [r.errors.length, Number(r.value?.lat).toFixed(0)])).toEqual([
      [0, '36'],
      [0, '35'],
      [0, '43'],
    ])
  })
})
