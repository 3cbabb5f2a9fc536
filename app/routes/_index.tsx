import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { SearchPage } from '~/components/search/search-page'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { describeIssues } from '~/modules/search/errors'
import { parseSearchParams } from '~/modules/search/params'
import { searchBusinesses } from '~/modules/search/service.server'
import { audienceFor, viewerFromRequest } from '~/modules/search/viewer.server'
import { type ShareInfo, shareMeta } from '~/modules/seo/share-meta'
import { siteUrl } from '~/modules/seo/site-url.server'
import type { Route } from './+types/_index'

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [{ title: 'Карта российского бизнеса' }]
  return [{ title: data.title }, ...shareMeta(data.share)]
}

/** The home page is the search: every piece of state lives in the URL (bookmarkable, back/forward). */
export async function loader({ request }: Route.LoaderArgs) {
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const url = new URL(request.url)
  const origin = siteUrl(request)
  const share: ShareInfo = {
    title: t('app.title'),
    description: t('seo.siteSummary'),
    url: `${origin}/${url.search}`,
    image: `${origin}/og/site`,
    locale,
    siteName: t('app.title'),
  }
  const db = await getDb()
  const labels = await loadReferenceLabels(db, { regions: true })
  const parsed = parseSearchParams(url.searchParams)
  if (!parsed.ok) {
    const errors = describeIssues(t, parsed.issues)
    return data(
      {
        title: t('app.title'),
        share,
        q: parsed.raw.q ?? '',
        error: Object.values(errors).join(' '),
        errors,
        params: null,
        result: null,
        labels,
      },
      { status: 400 },
    )
  }
  const params = parsed.value
  const result = await searchBusinesses(db, {
    ...params,
    locale,
    audience: audienceFor(await viewerFromRequest(db, request)),
  })
  const title = params.q
    ? `${t('directory.resultsFor', { q: params.q })} — ${t('app.title')}`
    : t('app.title')
  return { title, share, q: params.q, error: null, errors: null, params, result, labels }
}

export default function Home({ loaderData }: Route.ComponentProps) {
  return <SearchPage {...loaderData} />
}
