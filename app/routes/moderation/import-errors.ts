import { stringify } from 'csv-stringify/sync'
import { neutralizeFormula } from '~/modules/export/cells'
import { contentDisposition } from '~/modules/export/filename'
import { loadImport } from '~/modules/import/imports.server'
import { importIdScope } from '~/modules/import/route-helpers.server'
import type { Route } from './+types/import-errors'

/** Every error of a checked file, to fix the file row by row in a spreadsheet. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, t, id } = await importIdScope(request, params.id)
  const record = await loadImport(db, id)
  if (!record) return new Response(t('import.error.notFound'), { status: 404 })
  const rows = record.report.errors.map((e) => [
    e.rowNumber,
    neutralizeFormula(e.column),
    neutralizeFormula(e.message),
  ])
  const body = `\uFEFF${stringify([
    [t('import.report.row'), t('import.report.column'), t('import.report.message')],
    ...rows,
  ])}`
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(`import-${id}-errors.csv`),
    },
  })
}
