import { data } from 'react-router'
import { searchText } from '~/modules/http/search-text'
import { searchNominableListings } from '~/modules/nominations/read.server'
import { forumContext } from '~/modules/nominations/route-context.server'
import type { Route } from './+types/api.nomination-listings'

/** Search-as-you-type for the council's listing picker: published listings of its own countries only. */
export async function loader({ request }: Route.LoaderArgs) {
  const { db, countries } = await forumContext(request)
  const raw = new URL(request.url).searchParams.get('q') ?? ''
  if (raw.length > 100) return data({ listings: [] }, { status: 400 })
  const q = searchText(raw, 100)
  const listings = await searchNominableListings(db, countries, q)
  return data(
    { listings: listings.map((l) => ({ ...l, country_code: l.country_code.trim() })) },
    { headers: { 'Cache-Control': 'private, no-store' } },
  )
}
