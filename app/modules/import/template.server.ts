import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'
import { cooperationKinds, sizeBands, workingLanguages } from '#db/reference/cooperation'
import type { EditorOptions } from '~/modules/businesses/editor.server'
import { suggestCities } from '~/modules/businesses/gazetteer.server'
import { taxonomy } from '~/modules/businesses/taxonomy'
import type { Locale } from '~/modules/i18n/locales'
import type { Translator } from '~/modules/i18n/translate'
import { columnHeader, importColumns } from './columns'

/** One filled row, so a council sees the expected shape of every cell. */
function exampleRow(countryCode: string, locale: Locale): Record<string, string> {
  const city = suggestCities(countryCode, '', locale, 1)[0]
  return {
    external_id: `${countryCode.toLowerCase()}-0001`,
    name_ru: 'ООО «Пример»',
    name_en: 'Example Ltd.',
    name_local: '',
    description_ru: 'Поставки оборудования и сервис',
    description_en: 'Equipment supply and service',
    sectors: 'G;H',
    keywords: locale === 'ru' ? 'оборудование, логистика' : 'equipment, logistics',
    city: city?.name ?? '',
    address: '',
    lat: '',
    lon: '',
    founded_year: '2015',
    size_band: 'small',
    website: 'https://example.com',
    email: 'info@example.com',
    phone: '',
    telegram: '',
    whatsapp: '',
    wechat: '',
    line: '',
    kakaotalk: '',
    zalo: '',
    languages: 'ru;en',
    cooperation: 'export_to_russia;logistics',
    offers: '46;52',
    seeks: '10;H',
    regions: 'RU-PRI;RU-MOW',
    public_email: locale === 'ru' ? 'да' : 'yes',
    public_phone: locale === 'ru' ? 'нет' : 'no',
    public_messengers: locale === 'ru' ? 'нет' : 'no',
    public_address: locale === 'ru' ? 'да' : 'yes',
    consent: locale === 'ru' ? 'да' : 'yes',
  }
}

/** The template as CSV (UTF-8 with BOM, so Excel opens Cyrillic): headers and one example row. */
export function templateCsv(countryCode: string, locale: Locale) {
  const example = exampleRow(countryCode, locale)
  return `\uFEFF${stringify([
    importColumns.map((c) => columnHeader(c, locale)),
    importColumns.map((c) => example[c.key] ?? ''),
  ])}`
}

/**
 * The template as XLSX: the sheet to fill (headers, one example row), a sheet explaining every
 * column, and one sheet per list of allowed codes with their names in the council's language.
 */
export async function templateXlsx(
  countryCode: string,
  locale: Locale,
  t: Translator,
  options: EditorOptions,
): Promise<Uint8Array<ArrayBuffer>> {
  const book = new ExcelJS.Workbook()
  const ru = locale === 'ru'
  const main = book.addWorksheet(t('import.template.sheetMain'), { views: [{ state: 'frozen', ySplit: 1 }] })
  main.addRow(importColumns.map((c) => columnHeader(c, locale)))
  const example = exampleRow(countryCode, locale)
  main.addRow(importColumns.map((c) => example[c.key] ?? ''))
  main.getRow(1).font = { bold: true }
  main.columns.forEach((column) => {
    column.width = 22
    // Text cells, so Excel keeps phone numbers and codes as typed.
    column.numFmt = '@'
  })

  const hints = book.addWorksheet(t('import.template.sheetHints'))
  hints.addRow([t('import.template.column'), t('import.template.required'), t('import.template.how')])
  hints.getRow(1).font = { bold: true }
  for (const column of importColumns) {
    hints.addRow([
      columnHeader(column, locale),
      column.required ? t('import.template.yes') : '',
      ru ? column.hintRu : column.hintEn,
    ])
  }
  hints.columns = [{ width: 28 }, { width: 14 }, { width: 80 }]

  const codeSheet = (title: string, rows: [string, string][]) => {
    const sheet = book.addWorksheet(title)
    sheet.addRow([t('import.template.code'), t('import.template.name')])
    sheet.getRow(1).font = { bold: true }
    for (const row of rows) sheet.addRow(row)
    sheet.columns = [{ width: 22 }, { width: 70 }]
  }
  codeSheet(
    t('import.template.sheetSectors'),
    options.sectors.map((s) => [s.code, ru ? s.titleRu : s.titleEn]),
  )
  codeSheet(
    t('import.template.sheetRegions'),
    options.districts.flatMap((d) =>
      d.regions.map((r): [string, string] => [
        r.code,
        `${ru ? r.nameRu : r.nameEn} (${ru ? d.nameRu : d.nameEn})`,
      ]),
    ),
  )
  codeSheet(
    t('import.template.sheetCooperation'),
    cooperationKinds.map((k) => [k.code, ru ? k.nameRu : k.nameEn]),
  )
  codeSheet(
    t('import.template.sheetTrade'),
    taxonomy.flatMap((s) => [
      [s.code, ru ? s.titleRu : s.titleEn] as [string, string],
      ...s.divisions.map((d): [string, string] => [d.code, `${ru ? d.nameRu : d.nameEn} (${s.code})`]),
    ]),
  )
  codeSheet(
    t('import.template.sheetSizes'),
    sizeBands.map((s) => [s.code, ru ? s.nameRu : s.nameEn]),
  )
  codeSheet(
    t('import.template.sheetLanguages'),
    workingLanguages.map((l) => [l.code, ru ? l.nameRu : l.nameEn]),
  )
  return new Uint8Array((await book.xlsx.writeBuffer()) as ArrayBuffer)
}
