import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { getMapFeatures } from '~/modules/map/map.server'
import { MAX_Q_LENGTH, MAX_ZOOM, parseMapQuery } from '~/modules/map/query'
import { audienceFor, viewerFromRequest } from '~/modules/search/viewer.server'
import type { Route } from './+types/api.v1.map'

/** GET /api/v1/map?bbox=w,s,e,n&zoom=z&q=&country=&sector=&verified= → GeoJSON clusters and points. */
export async function loader({ request }: Route.LoaderArgs) {
  const locale = await getLocale(request)
  const parsed = parseMapQuery(new URL(request.url).searchParams)
  if (!parsed.ok) {
    const t = makeTranslator(locale)
    const message = t(`map.error.${parsed.param}`, { max: parsed.param === 'zoom' ? MAX_ZOOM : MAX_Q_LENGTH })
    return Response.json({ error: { param: parsed.param, message } }, { status: 400 })
  }
  const db = await getDb()
  const audience = audienceFor(await viewerFromRequest(db, request))
  const body = await getMapFeatures(db, parsed.value, locale, { audience })
  // The working group's map includes unpublished listings: never cache it where others could get it.
  return data(body, {
    headers: {
      'Cache-Control': audience === 'public' ? 'public, max-age=30' : 'private, no-store',
      Vary: 'Cookie',
    },
  })
}
