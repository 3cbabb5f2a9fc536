import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { readiness } from '~/modules/health/readiness.server'

/**
 * GET /readyz: 200 when this process should receive traffic (database reachable, migrations current),
 * 503 otherwise; every check's status in the body. Public on purpose, and says no more than which
 * dependency is down: load balancers ask without credentials.
 */
export async function loader() {
  const report = await readiness(await getDb())
  return data(report, {
    status: report.status === 'unready' ? 503 : 200,
    headers: { 'Cache-Control': 'no-store' },
  })
}
