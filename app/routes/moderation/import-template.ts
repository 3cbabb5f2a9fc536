import { loadEditorOptions } from '~/modules/businesses/editor.server'
import { contentDisposition } from '~/modules/export/filename'
import { makeTranslator } from '~/modules/i18n/translate'
import { importScope } from '~/modules/import/route-helpers.server'
import { templateCsv, templateXlsx } from '~/modules/import/template.server'
import type { Route } from './+types/import-template'

/** `/moderation/import/template.xlsx?lang=ru&country=JP` (and `.csv`): the file a council fills. */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const { db, locale, country } = await importScope(request, url.searchParams.get('country'))
  const lang =
    url.searchParams.get('lang') === 'en' ? 'en' : url.searchParams.get('lang') === 'ru' ? 'ru' : locale
  const name = `import-template-${country.code.toLowerCase()}-${lang}`
  if (url.pathname.endsWith('.csv')) {
    return new Response(templateCsv(country.code, lang), {
      headers: {
        'Content-Type': 'text/csv; charset=utf-8',
        'Content-Disposition': contentDisposition(`${name}.csv`),
      },
    })
  }
  const bytes = await templateXlsx(country.code, lang, makeTranslator(lang), await loadEditorOptions(db))
  return new Response(bytes, {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': contentDisposition(`${name}.xlsx`),
    },
  })
}
