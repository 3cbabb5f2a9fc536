import { getDb } from '#db/client.server'
import { baseMapTopology } from '~/modules/map/base-map.server'

/** GET /map/countries.json: the offline base map (Natural Earth shapes), cached by browsers for a day. */
export async function loader() {
  const body = JSON.stringify(await baseMapTopology(await getDb()))
  return new Response(body, {
    headers: { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  })
}
