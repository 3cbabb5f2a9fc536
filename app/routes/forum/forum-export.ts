import { forbidden } from '~/modules/accounts/guard.server'
import { csvStream } from '~/modules/export/csv.server'
import { contentDisposition, exportFilename } from '~/modules/export/filename'
import { xlsxStream } from '~/modules/export/xlsx.server'
import { type NominationExportRow, nominationColumns } from '~/modules/nominations/export-columns'
import { readFilters } from '~/modules/nominations/filters'
import { exportRows, getForum } from '~/modules/nominations/read.server'
import { rankedNominations } from '~/modules/nominations/reviews.server'
import { forumContext, orRefuse, parseId } from '~/modules/nominations/route-context.server'
import type { Route } from './+types/forum-export'

/** The working group's table as CSV or XLSX, with the same filters as the page. Never drafts. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, t, actor, isReviewer } = await forumContext(request)
  if (!isReviewer) throw await forbidden(request)
  const id = parseId(t, params.id)
  const forum = await orRefuse(t, () => getForum(db, id))
  const url = new URL(request.url)
  const format = url.pathname.endsWith('.xlsx') ? 'xlsx' : 'csv'
  const filters = readFilters(url)
  const ranked = await rankedNominations(db, id, filters)
  const details = new Map(
    (
      await exportRows(
        db,
        actor,
        ranked.map((r) => r.id),
      )
    ).map((d) => [d.id, d]),
  )
  const rows: NominationExportRow[] = ranked.map((r) => {
    const d = details.get(r.id)
    return {
      ...r,
      businessNameRu: d?.business_name_ru ?? null,
      businessNameEn: d?.business_name_en ?? null,
      personPosition: d?.person_position ?? null,
      personEmail: d?.person_email ?? null,
      personPhone: d?.person_phone ?? null,
      justificationRu: d?.justification_ru ?? null,
      justificationEn: d?.justification_en ?? null,
      topics: d?.topics ?? null,
      submittedAt: d?.submitted_at ? new Date(d.submitted_at) : null,
    }
  })
  async function* source() {
    yield* rows
  }
  const filename = exportFilename(
    `nominations-${forum.year}`,
    new Date(),
    [filters.country ?? '', filters.status ?? ''],
    format,
  )
  const body =
    format === 'xlsx'
      ? xlsxStream(source(), nominationColumns, { locale: t.locale, sheetName: String(forum.year) })
      : csvStream(source(), nominationColumns, { locale: t.locale, delimiter: t.locale === 'ru' ? ';' : ',' })
  return new Response(body, {
    headers: {
      'Content-Type':
        format === 'xlsx'
          ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
          : 'text/csv; charset=utf-8',
      'Content-Disposition': contentDisposition(filename),
      'Cache-Control': 'private, no-store',
    },
  })
}
