import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { apiErrorBody, apiLocale, apiSearchBody, serverTiming } from '~/modules/search/api.server'
import { parseSearchParams, toSearchParams } from '~/modules/search/params'
import { searchBusinesses } from '~/modules/search/service.server'
import { audienceFor, viewerFromRequest } from '~/modules/search/viewer.server'
import type { Route } from './+types/api.v1.businesses'

/** GET /api/v1/businesses: the search page's parameters (plus perPage and lang), as JSON. */
export async function loader({ request }: Route.LoaderArgs) {
  const locale = await apiLocale(request)
  const parsed = parseSearchParams(new URL(request.url).searchParams, { allowPerPage: true })
  if (!parsed.ok) return data(apiErrorBody(locale, parsed), { status: 400 })
  const db = await getDb()
  const result = await searchBusinesses(db, {
    ...parsed.value,
    locale,
    audience: audienceFor(await viewerFromRequest(db, request)),
  })
  return data(apiSearchBody(result, toSearchParams(parsed.value, { keepPerPage: true })), {
    headers: { 'Cache-Control': 'no-store', 'Server-Timing': serverTiming(result.timings) },
  })
}
