import { data } from 'react-router'

/**
 * GET /healthz: the process is alive and serving requests. Asks nothing of the database, so a database
 * outage does not make an orchestrator restart healthy app processes (that is /readyz's job).
 */
export function loader() {
  return data(
    { status: 'ok', uptimeSeconds: Math.round(process.uptime()) },
    { headers: { 'Cache-Control': 'no-store' } },
  )
}
