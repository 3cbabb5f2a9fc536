import { createHash } from 'node:crypto'
import { findCity } from '~/modules/businesses/gazetteer.server'
import { type ListingFormValue, listingSchema, MESSENGER_CODES } from '~/modules/businesses/listing-schema'
import type { Locale } from '~/modules/i18n/locales'
import type { MessageKey } from '~/modules/i18n/messages'
import type { Translator } from '~/modules/i18n/translate'
import { columnForHeader, columnHeader, type ImportColumn, importColumns } from './columns'
import type { ParsedTable } from './parse.server'

export type RowError = { column: string; message: string }

export type CheckedRow = {
  /** As a spreadsheet shows it: the header is row 1. */
  rowNumber: number
  /** The council's number, or one derived from the names and city when the file has none. */
  externalId: string
  value: ListingFormValue | null
  errors: RowError[]
}

export type FileProblem = { message: string; fatal: boolean }

export type CheckedFile = { problems: FileProblem[]; rows: CheckedRow[] }

const YES = new Set(['да', 'yes', 'y', '1', 'true', 'д', '+'])
const NO = new Set(['нет', 'no', 'n', '0', 'false', 'н', '-', ''])

/** Form field → import column, so a schema error lands on the column the council filled. */
const columnOfField: Record<string, string> = {
  nameRu: 'name_ru',
  nameEn: 'name_en',
  nameLocal: 'name_local',
  descriptionRu: 'description_ru',
  descriptionEn: 'description_en',
  sectors: 'sectors',
  keywords: 'keywords',
  city: 'city',
  address: 'address',
  lat: 'lat',
  lon: 'lon',
  foundedYear: 'founded_year',
  sizeBand: 'size_band',
  website: 'website',
  email: 'email',
  phone: 'phone',
  languages: 'languages',
  cooperationKinds: 'cooperation',
  offers: 'offers',
  seeks: 'seeks',
  regions: 'regions',
  consent: 'consent',
  publicEmail: 'public_email',
  publicPhone: 'public_phone',
  publicMessengers: 'public_messengers',
  publicAddress: 'public_address',
}

const squash = (v: string | undefined) =>
  (v ?? '').normalize('NFKC').toLowerCase().replace(/\s+/g, ' ').trim()

export function derivedExternalId(cell: Record<string, string>) {
  const basis = ['name_ru', 'name_en', 'name_local', 'city'].map((k) => squash(cell[k])).join('|')
  return `auto-${createHash('sha256').update(basis).digest('hex').slice(0, 20)}`
}

const list = (v: string | undefined, upper = false) =>
  (v ?? '')
    .split(/[;,\n]/)
    .map((s) => (upper ? s.trim().toUpperCase() : s.trim().toLowerCase()))
    .filter(Boolean)

/** Taxonomy codes of a cell: "10;H", or as the export writes them, "Food products (10); Transport (H)". */
const tradeList = (v: string | undefined) =>
  (v ?? '')
    .split(/[;\n]/)
    .map((part) => (/\(([A-Za-z]|\d{2})\)\s*$/.exec(part)?.[1] ?? part).trim().toUpperCase())
    .filter(Boolean)

/**
 * Checks every row of a council's file with the listing editor's own schema (as a submission:
 * everything a listing beyond draft needs), in the viewer's language. A bad row never stops the
 * others: each row gets its own list of errors, by column.
 */
export function checkImportRows(
  table: ParsedTable,
  context: {
    t: Translator
    locale: Locale
    countryCode: string
    codes: { countries: string[]; sectors: string[]; regions: string[] }
  },
): CheckedFile {
  const { t, locale } = context
  const problems: FileProblem[] = []
  const columns: (ImportColumn | undefined)[] = table.headers.map((h) => columnForHeader(h))
  table.headers.forEach((header, i) => {
    if (header && !columns[i])
      problems.push({ message: t('import.error.unknownColumn', { column: header }), fatal: false })
  })
  const present = new Set(columns.filter(Boolean).map((c) => c?.key))
  for (const required of importColumns.filter((c) => c.required && c.key !== 'name_ru')) {
    if (!present.has(required.key))
      problems.push({
        message: t('import.error.missingColumn', { column: columnHeader(required, locale) }),
        fatal: true,
      })
  }
  if (!['name_ru', 'name_en', 'name_local'].some((k) => present.has(k))) {
    const nameColumn = importColumns.find((c) => c.key === 'name_ru') as ImportColumn
    problems.push({
      message: t('import.error.missingColumn', { column: columnHeader(nameColumn, locale) }),
      fatal: true,
    })
  }
  const headerOf = (key: string) => {
    const column = importColumns.find((c) => c.key === key)
    return column ? columnHeader(column, locale) : key
  }

  const schema = listingSchema(t, { codes: context.codes })
  const seenExternal = new Map<string, number>()
  const rows: CheckedRow[] = []
  table.rows.forEach((cells, index) => {
    const rowNumber = index + 2
    if (cells.every((c) => !c?.trim())) return
    const errors: RowError[] = []
    const cell: Record<string, string> = {}
    columns.forEach((column, i) => {
      if (column) cell[column.key] = (cells[i] ?? '').trim()
    })
    for (const [key, value] of Object.entries(cell)) {
      // A cell that starts with "=" came from (or would become) a spreadsheet formula.
      if (value.startsWith('=')) errors.push({ column: headerOf(key), message: t('import.error.formula') })
    }
    const yesNo = (key: string, fallback: boolean) => {
      const raw = (cell[key] ?? '').toLowerCase()
      if (YES.has(raw)) return true
      if (NO.has(raw)) return raw === '' ? fallback : false
      errors.push({ column: headerOf(key), message: t('import.error.yesNo') })
      return fallback
    }
    const givenId = cell.external_id?.trim() || null
    // Without the council's own number, the row's names and city stand in for one, so re-importing
    // the same file still recognises the row instead of adding it twice.
    const externalId = givenId ?? derivedExternalId(cell)
    const earlier = seenExternal.get(externalId)
    if (earlier) {
      errors.push(
        givenId
          ? {
              column: headerOf('external_id'),
              message: t('import.error.duplicateExternalId', { id: givenId, row: earlier }),
            }
          : { column: headerOf('name_ru'), message: t('import.error.duplicateRow', { row: earlier }) },
      )
    } else seenExternal.set(externalId, rowNumber)
    const city = findCity(context.countryCode, cell.city)
    const hasPoint = Boolean(cell.lat?.trim() || cell.lon?.trim())
    const cityUnknown = Boolean(cell.city?.trim() && !city && !hasPoint)
    if (cityUnknown) errors.push({ column: headerOf('city'), message: t('import.error.cityUnknown') })
    const input = {
      intent: 'submit',
      nameRu: cell.name_ru,
      nameEn: cell.name_en,
      nameLocal: cell.name_local,
      descriptionRu: cell.description_ru,
      descriptionEn: cell.description_en,
      sectors: list(cell.sectors, true),
      keywords: cell.keywords,
      countryCode: context.countryCode,
      city: cell.city,
      cityGeonameId: city?.id,
      lat: hasPoint ? cell.lat : city ? String(city.lat) : undefined,
      lon: hasPoint ? cell.lon : city ? String(city.lon) : undefined,
      address: cell.address,
      foundedYear: cell.founded_year,
      sizeBand: cell.size_band ? cell.size_band.toLowerCase() : undefined,
      website: cell.website,
      email: cell.email,
      phone: cell.phone,
      messengers: Object.fromEntries(MESSENGER_CODES.map((code) => [code, cell[code]]).filter(([, v]) => v)),
      languages: list(cell.languages),
      cooperationKinds: list(cell.cooperation),
      offers: tradeList(cell.offers),
      seeks: tradeList(cell.seeks),
      regions: list(cell.regions, true),
      publicEmail: yesNo('public_email', false),
      publicPhone: yesNo('public_phone', false),
      publicMessengers: yesNo('public_messengers', false),
      publicAddress: yesNo('public_address', true),
      consent: yesNo('consent', false),
    }
    const parsed = schema.safeParse(input)
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = String(issue.path[0] ?? '')
        // "No point" is the same problem as the unknown city, already said on the city's column.
        if (cityUnknown && (field === 'lat' || field === 'lon')) continue
        const key =
          field === 'messengers' ? String(issue.path[1] ?? 'telegram') : (columnOfField[field] ?? field)
        errors.push({ column: headerOf(key), message: issue.message })
      }
    }
    // One message per column is enough to fix a cell.
    const unique = errors.filter((e, i) => errors.findIndex((o) => o.column === e.column) === i)
    rows.push({
      rowNumber,
      externalId,
      value: parsed.success && unique.length === 0 ? parsed.data : null,
      errors: unique,
    })
  })
  return { problems, rows }
}

export function failureMessage(t: Translator, failure: { code: string; max?: number }) {
  const keys: Record<string, MessageKey> = {
    empty: 'import.error.empty',
    too_large: 'import.error.tooLarge',
    too_many_rows: 'import.error.tooManyRows',
    not_utf8: 'import.error.notUtf8',
    binary: 'import.error.binary',
    legacy_xls: 'import.error.legacyXls',
    unreadable: 'import.error.unreadable',
    no_header: 'import.error.noHeader',
  }
  const max = failure.code === 'too_large' ? Math.round((failure.max ?? 0) / 1024 / 1024) : (failure.max ?? 0)
  return t(keys[failure.code] ?? 'import.error.unreadable', { max })
}
