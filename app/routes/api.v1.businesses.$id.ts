import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { apiBusiness, apiLocale, apiNotFoundBody } from '~/modules/search/api.server'
import { contactAccessFor, viewerFromRequest } from '~/modules/search/viewer.server'
import type { Route } from './+types/api.v1.businesses.$id'

/** GET /api/v1/businesses/:id: one published listing; contacts only where the owner made them public. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const locale = await apiLocale(request)
  const id = /^\d{1,9}$/.test(params.id) ? Number(params.id) : Number.NaN
  if (!Number.isSafeInteger(id) || id < 1) return data(apiNotFoundBody(locale), { status: 404 })
  const db = await getDb()
  const card = await apiBusiness(db, id, contactAccessFor(await viewerFromRequest(db, request)))
  if (!card) return data(apiNotFoundBody(locale), { status: 404 })
  return data({ business: { ...card, url: `/businesses/${card.id}` } })
}
