import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import type { ListingContent } from '~/modules/businesses/listing-fields.server'

export type DuplicateMatch = { businessId: number; businessName: string; by: 'name' | 'website' }

/** Case, quotes, punctuation and spacing do not make two names different. */
export function nameKey(name: string | null | undefined) {
  if (!name) return ''
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[«»"'“”„`’.,()]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
}

/** The site's host without "www.": http/https and paths do not make two sites different. */
export function websiteKey(url: string | null | undefined) {
  if (!url) return ''
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, '')
  } catch {
    return ''
  }
}

const cityKey = (geonameId: number | null, city: string | null) =>
  geonameId ? `#${geonameId}` : nameKey(city)

/**
 * Finds, for each new row, a listing of the same country already in the directory with the same
 * name (in any of its three languages) in the same city, or the same website. Archived listings
 * count too: a council re-importing a closed business should see that it was there.
 */
export async function findDuplicates(
  db: Kysely<Database>,
  countryCode: string,
  rows: { key: number; externalId: string; content: ListingContent }[],
): Promise<Map<number, DuplicateMatch>> {
  const existing = await db
    .selectFrom('businesses')
    .select(['id', 'external_id', 'name_ru', 'name_en', 'name_local', 'city', 'city_geoname_id', 'website'])
    .where('country_code', '=', countryCode)
    .execute()
  const byName = new Map<string, (typeof existing)[number]>()
  const bySite = new Map<string, (typeof existing)[number]>()
  for (const b of existing) {
    const cities = new Set([cityKey(b.city_geoname_id, b.city), nameKey(b.city)])
    for (const name of [b.name_ru, b.name_en, b.name_local]) {
      const key = nameKey(name)
      if (!key) continue
      for (const city of cities) if (!byName.has(`${key}|${city}`)) byName.set(`${key}|${city}`, b)
    }
    const site = websiteKey(b.website)
    if (site && !bySite.has(site)) bySite.set(site, b)
  }
  const found = new Map<number, DuplicateMatch>()
  for (const row of rows) {
    const c = row.content
    const cities = [cityKey(c.city_geoname_id, c.city), nameKey(c.city)]
    let match: { b: (typeof existing)[number]; by: 'name' | 'website' } | undefined
    for (const name of [c.name_ru, c.name_en, c.name_local]) {
      const key = nameKey(name)
      if (!key || match) continue
      for (const city of cities) {
        const b = byName.get(`${key}|${city}`)
        if (b && b.external_id !== row.externalId) {
          match = { b, by: 'name' }
          break
        }
      }
    }
    if (!match) {
      const b = bySite.get(websiteKey(c.website))
      if (b && b.external_id !== row.externalId) match = { b, by: 'website' }
    }
    if (match)
      found.set(row.key, {
        businessId: match.b.id,
        businessName: match.b.name_ru ?? match.b.name_en ?? match.b.name_local ?? `#${match.b.id}`,
        by: match.by,
      })
  }
  return found
}
