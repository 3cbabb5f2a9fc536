import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import type { ListingContent } from '~/modules/businesses/listing-fields.server'
import { rankCandidates } from '~/modules/duplicates/candidates.server'
import { NameIndex } from '~/modules/duplicates/name-index'
import { keysOf } from '~/modules/duplicates/name-match'

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
  // Names first (an exact filter, see NameIndex), then the place and the score: comparing every row
  // with every listing of its city was quadratic (10,000 rows into a city of 10,000 took minutes).
  const byName = new NameIndex<Row>()
  const bySite = new Map<string, Row>()
  for (const b of existing) {
    byName.add(b, keysOf(b))
    const site = websiteKey(b.website)
    if (site && !bySite.has(site)) bySite.set(site, b)
  }
  const byId = new Map(existing.map((b) => [b.id, b]))
  for (const row of rows) {
    const c = row.content
    const others = byName.candidates(keysOf(c)).filter((b) => b.external_id !== row.externalId)
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
