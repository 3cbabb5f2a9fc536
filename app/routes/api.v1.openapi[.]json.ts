import { data } from 'react-router'
import { openApiDocument } from '~/modules/search/openapi'

/** GET /api/v1/openapi.json */
export function loader() {
  return data(openApiDocument, { headers: { 'Cache-Control': 'public, max-age=3600' } })
}
