import { getDb } from '#db/client.server'
import { businessExportColumns, exportRows, geoJsonStream } from '~/modules/export/businesses.server'
import { csvStream } from '~/modules/export/csv.server'
import { contentDisposition, exportFilename } from '~/modules/export/filename'
import { xlsxStream } from '~/modules/export/xlsx.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { describeIssues } from '~/modules/search/errors'
import { parseSearchParams } from '~/modules/search/params'
import { matchingIds } from '~/modules/search/pg-engine.server'
import { audienceFor, contactAccessFor, viewerFromRequest } from '~/modules/search/viewer.server'
import type { Route } from './+types/export'

const types = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  geojson: 'application/geo+json; charset=utf-8',
} as const

/**
 * GET /export.csv|.xlsx|.geojson?<the search page's parameters>: exactly the listings the search shows,
 * streamed. `sep=semicolon` gives `;`-separated CSV (Russian-locale Excel), `sheets=country` one XLSX sheet
 * per country. Contacts are those the viewer may see.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const format = url.pathname.split('.').pop() as keyof typeof types
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const search = new URLSearchParams(url.searchParams)
  const sep = search.get('sep')
  const sheets = search.get('sheets')
  search.delete('sep')
  search.delete('sheets')
  const parsed = parseSearchParams(search)
  if (!parsed.ok || !(format in types) || (sep && sep !== 'semicolon') || (sheets && sheets !== 'country')) {
    const errors = parsed.ok ? {} : describeIssues(t, parsed.issues)
    if (sep && sep !== 'semicolon') errors.sep = t('export.error.sep')
    if (sheets && sheets !== 'country') errors.sheets = t('export.error.sheets')
    return Response.json({ error: { params: Object.keys(errors), messages: errors } }, { status: 400 })
  }
  const db = await getDb()
  const viewer = await viewerFromRequest(db, request)
  const staff = viewer.kind === 'staff'
  const { q, filters, bbox } = parsed.value
  let ids = await matchingIds(db, { q, filters, bbox, audience: audienceFor(viewer) })
  const rows = () => exportRows(db, ids, contactAccessFor(viewer))
  const filename = exportFilename(
    'businesses',
    new Date(),
    [q, ...filters.country, ...filters.sector, ...filters.region],
    format,
  )
  const headers = {
    'Content-Type': types[format],
    'Content-Disposition': contentDisposition(filename),
    'Cache-Control': 'private, no-store',
  }
  const columns = businessExportColumns(staff)
  if (format === 'csv') {
    return new Response(csvStream(rows(), columns, { locale, delimiter: sep === 'semicolon' ? ';' : ',' }), {
      headers,
    })
  }
  if (format === 'geojson') return new Response(geoJsonStream(rows(), locale, staff), { headers })
  if (sheets === 'country') {
    // One sheet per country needs the rows grouped by country (newest first within each).
    const countryOf = new Map(
      (
        await db
          .selectFrom('businesses')
          .select(['id', 'country_code'])
          .where('id', 'in', ids.length ? ids : [0])
          .execute()
      ).map((r) => [r.id, r.country_code]),
    )
    ids = [...ids].sort((a, b) => (countryOf.get(a) ?? '').localeCompare(countryOf.get(b) ?? ''))
  }
  return new Response(
    xlsxStream(rows(), columns, {
      locale,
      sheetName: t('export.sheet'),
      splitBy: sheets === 'country' ? (r) => (locale === 'ru' ? r.country_ru : r.country_en) : undefined,
    }),
    { headers },
  )
}
