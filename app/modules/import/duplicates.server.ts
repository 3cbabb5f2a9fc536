import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import type { ListingContent } from '~/modules/businesses/listing-fields.server'
import { rankCandidates } from '~/modules/duplicates/candidates.server'

export type DuplicateMatch = { businessId: number; businessName: string; by: 'name' | 'website' }

/** The site's host without "www.": http/https and paths do not make two sites different. */
export function websiteKey(url: string | null | undefined) {
  if (!url) return ''
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return ''
  }
}

// Grid cells of 0.01° hold the listings near a point; a row looks in its cell and the eight around.
const CELL = 0.01
const cellOf = (lat: number, lon: number) => `${Math.floor(lat / CELL)}:${Math.floor(lon / CELL)}`
const cellsAround = (lat: number, lon: number) => {
  const [y, x] = [Math.floor(lat / CELL), Math.floor(lon / CELL)]
  const cells: string[] = []
  for (let dy = -1; dy <= 1; dy++) for (let dx = -1; dx <= 1; dx++) cells.push(`${y + dy}:${x + dx}`)
  return cells
}

/**
 * Finds, for each new row, a listing of the same country already in the directory that may be the
 * same business: a similar name in any script (the editor's matcher, decision 0017) in the same city
 * or within a few hundred metres, or the same website. Archived listings count too: a council
 * re-importing a closed business should see that it was there; merged-away ones do not.
 */
export async function findDuplicates(
  db: Kysely<Database>,
  countryCode: string,
  rows: { key: number; externalId: string; content: ListingContent }[],
): Promise<Map<number, DuplicateMatch>> {
  const found = new Map<number, DuplicateMatch>()
  if (rows.length === 0) return found
  const existing = await db
    .selectFrom('businesses')
    .select(['id', 'external_id', 'name_ru', 'name_en', 'name_local', 'status', 'website'])
    .select(['country_code', 'city', 'city_geoname_id', 'lat', 'lon'])
    .where('country_code', '=', countryCode)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('business_redirects').select('from_id').whereRef('from_id', '=', 'businesses.id')),
      ),
    )
    .execute()
  type Row = (typeof existing)[number]
  const byPlace = new Map<string, Row[]>()
  const add = (key: string, b: Row) => {
    const list = byPlace.get(key)
    if (list) list.push(b)
    else byPlace.set(key, [b])
  }
  const bySite = new Map<string, Row>()
  for (const b of existing) {
    if (b.city_geoname_id) add(`#${b.city_geoname_id}`, b)
    if (b.city?.trim()) add(`=${b.city.trim().toLowerCase()}`, b)
    if (b.lat !== null && b.lon !== null) add(cellOf(b.lat, b.lon), b)
    const site = websiteKey(b.website)
    if (site && !bySite.has(site)) bySite.set(site, b)
  }
  const byId = new Map(existing.map((b) => [b.id, b]))
  for (const row of rows) {
    const c = row.content
    const keys = [
      c.city_geoname_id ? `#${c.city_geoname_id}` : '',
      c.city?.trim() ? `=${c.city.trim().toLowerCase()}` : '',
      ...(c.lat !== null && c.lon !== null ? cellsAround(c.lat, c.lon) : []),
    ]
    const near = new Set(keys.flatMap((k) => (k ? (byPlace.get(k) ?? []) : [])))
    const others = [...near].filter((b) => b.external_id !== row.externalId)
    const best = rankCandidates(c, others, 1)[0]
    const match = best
      ? { b: byId.get(best.id) as Row, by: 'name' as const }
      : (() => {
          const b = bySite.get(websiteKey(c.website))
          return b && b.external_id !== row.externalId ? { b, by: 'website' as const } : undefined
        })()
    if (match)
      found.set(row.key, {
        businessId: match.b.id,
        businessName: match.b.name_ru ?? match.b.name_en ?? match.b.name_local ?? `#${match.b.id}`,
        by: match.by,
      })
  }
  return found
}
