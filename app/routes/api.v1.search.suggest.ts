import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { pick } from '~/modules/i18n/locales'
import { apiLocale } from '~/modules/search/api.server'
import { emptyFilters, MAX_QUERY_LENGTH } from '~/modules/search/params'
import { searchBusinesses } from '~/modules/search/service.server'
import { audienceFor, viewerFromRequest } from '~/modules/search/viewer.server'
import type { Route } from './+types/api.v1.search.suggest'

/** GET /api/v1/search/suggest?q=: names to complete the search box while typing. */
export async function loader({ request }: Route.LoaderArgs) {
  const locale = await apiLocale(request)
  const q = (new URL(request.url).searchParams.get('q') ?? '').trim().slice(0, MAX_QUERY_LENGTH)
  if (q.length < 2) return data({ suggestions: [] })
  const db = await getDb()
  const result = await searchBusinesses(db, {
    q,
    filters: emptyFilters(),
    bbox: null,
    sort: 'relevance',
    page: 1,
    perPage: 8,
    locale,
    audience: audienceFor(await viewerFromRequest(db, request)),
  })
  const seen = new Set<string>()
  const suggestions = result.hits.flatMap((h) => {
    const label = pick(locale, h.nameRu, h.nameEn) ?? h.nameLocal ?? ''
    if (!label || seen.has(label)) return []
    seen.add(label)
    return [{ id: h.id, label }]
  })
  return data({ suggestions }, { headers: { 'Cache-Control': 'private, max-age=60' } })
}
