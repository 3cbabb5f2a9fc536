import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { searchHealth } from '~/modules/search/service.server'

/**
 * GET /api/v1/search/health: the search engine's status for administrators (an admin status line
 * reads it once the admin area exists; access control arrives with the accounts issue).
 */
export async function loader() {
  const health = await searchHealth(await getDb())
  return data(health, { status: health.ok ? 200 : 503, headers: { 'Cache-Control': 'no-store' } })
}
