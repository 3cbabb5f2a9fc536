import { data } from 'react-router'
import { suggestCities } from '~/modules/businesses/gazetteer.server'
import { getLocale } from '~/modules/i18n/locale.server'
import type { Route } from './+types/api.cities'

/** City autocomplete for the listing editor. Public reference data (the gazetteer ships with the app). */
export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url)
  const country = url.searchParams.get('country') ?? ''
  const q = url.searchParams.get('q') ?? ''
  if (!/^[A-Za-z]{2}$/.test(country) || q.length > 100) return data({ cities: [] }, { status: 400 })
  const cities = suggestCities(country, q, await getLocale(request))
  return data({ cities }, { headers: { 'Cache-Control': 'public, max-age=3600' } })
}
