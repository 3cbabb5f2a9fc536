import { data } from 'react-router'
import { searchNominableListings } from '~/modules/nominations/read.server'
import { forumContext } from '~/modules/nominations/route-context.server'
import type { Route } from './+types/api.nomination-listings'

/** Search-as-you-type for the council's listing picker: published listings of its own countries only. */
export async function loader({ request }: Route.LoaderArgs) {
  const { db, countries } = await forumContext(request)
  const q = new URL(request.url).searchParams.get('q') ?? ''
  if (q.length > 100) return data({ listings: [] }, { status: 400 })
  const listings = await searchNominableListings(db, countries, q)
  return data(
    { listings: listings.map((l) => ({ ...l, country_code: l.country_code.trim() })) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}
