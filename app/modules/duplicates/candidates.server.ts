import { type Kysely, sql } from 'kysely'
import type { BusinessStatus, Database } from '#db/schema'
import { keysOf, type ListingNames, listingSimilarity, MATCH_THRESHOLD, type NameKey } from './name-match'

/** Where a listing is: the same country, and the same city or within NEAR_METRES of its point. */
export type ListingPlace = {
  country_code: string
  city: string | null
  city_geoname_id: number | null
  lat: number | null
  lon: number | null
}

export const NEAR_METRES = 500
const METRES_PER_DEGREE = 111_320

export type DuplicateCandidate = ListingNames & {
  id: number
  city: string | null
  status: BusinessStatus
  score: number
  /** Metres between the two points, when both have one. */
  metres: number | null
}

export function metresBetween(a: { lat: number; lon: number }, b: { lat: number; lon: number }) {
  const toRad = Math.PI / 180
  const dLat = (b.lat - a.lat) * toRad
  const dLon = (b.lon - a.lon) * toRad
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * toRad) * Math.cos(b.lat * toRad) * Math.sin(dLon / 2) ** 2
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h))
}

type Row = ListingNames & ListingPlace & { id: number; status: BusinessStatus }

/** True when two listings are in the same place: same city (id or name) or close points. */
export function samePlace(a: ListingPlace, b: ListingPlace) {
  if (a.country_code.trim() !== b.country_code.trim()) return false
  if (a.city_geoname_id && a.city_geoname_id === b.city_geoname_id) return true
  if (a.city?.trim() && a.city.trim().toLowerCase() === b.city?.trim().toLowerCase()) return true
  if (a.lat !== null && a.lon !== null && b.lat !== null && b.lon !== null)
    return metresBetween({ lat: a.lat, lon: a.lon }, { lat: b.lat, lon: b.lon }) <= NEAR_METRES
  return false
}

// Transliterating a name is the costly part of a comparison: an import compares each of its rows
// with the same loaded listings, so each listing's keys are made once, not once per row.
const rowKeys = new WeakMap<object, NameKey[]>()
function cachedKeysOf(row: Row) {
  let keys = rowKeys.get(row)
  if (!keys) {
    keys = keysOf(row)
    rowKeys.set(row, keys)
  }
  return keys
}

/** Scores already-loaded listings against one new one; best first. */
export function rankCandidates(listing: ListingNames & ListingPlace, rows: Row[], limit = 5) {
  const keys: NameKey[] = keysOf(listing)
  if (keys.length === 0) return []
  const found: DuplicateCandidate[] = []
  for (const row of rows) {
    if (!samePlace(listing, row)) continue
    const score = listingSimilarity(keys, cachedKeysOf(row))
    if (score < MATCH_THRESHOLD) continue
    found.push({
      id: row.id,
      name_ru: row.name_ru,
      name_en: row.name_en,
      name_local: row.name_local,
      city: row.city,
      status: row.status,
      score,
      metres:
        listing.lat !== null && listing.lon !== null && row.lat !== null && row.lon !== null
          ? Math.round(metresBetween({ lat: listing.lat, lon: listing.lon }, { lat: row.lat, lon: row.lon }))
          : null,
    })
  }
  return found.sort((a, b) => b.score - a.score || a.id - b.id).slice(0, limit)
}

/**
 * Listings already in the directory that may be this one: SQL narrows to the same country and the
 * same city or a box around the point (indexed, migration 0013), the names are scored here.
 * Merged-away listings never count; `statuses` says which others the asker may see.
 */
export async function findDuplicateCandidates(
  db: Kysely<Database>,
  listing: ListingNames & ListingPlace,
  options: { statuses: readonly BusinessStatus[]; excludeId?: number | null; limit?: number },
): Promise<DuplicateCandidate[]> {
  if (keysOf(listing).length === 0) return []
  const country = listing.country_code.trim()
  const city = listing.city?.trim().toLowerCase() || null
  const { lat, lon } = listing
  if (!country || (!city && !listing.city_geoname_id && (lat === null || lon === null))) return []
  const rows = await db
    .selectFrom('businesses')
    .select([
      'id',
      'name_ru',
      'name_en',
      'name_local',
      'country_code',
      'city',
      'city_geoname_id',
      'lat',
      'lon',
    ])
    .select('status')
    .where('country_code', '=', country)
    .where('status', 'in', [...options.statuses])
    .$if(!!options.excludeId, (q) => q.where('id', '<>', options.excludeId as number))
    .where(({ eb, or }) => {
      const place = []
      if (listing.city_geoname_id) place.push(eb('city_geoname_id', '=', listing.city_geoname_id))
      if (city) place.push(eb(sql`lower(city)`, '=', city))
      if (lat !== null && lon !== null) {
        const dLat = NEAR_METRES / METRES_PER_DEGREE
        const dLon = dLat / Math.max(Math.cos((lat * Math.PI) / 180), 0.01)
        place.push(
          eb.and([
            eb('lat', '>=', lat - dLat),
            eb('lat', '<=', lat + dLat),
            eb('lon', '>=', lon - dLon),
            eb('lon', '<=', lon + dLon),
          ]),
        )
      }
      return or(place)
    })
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(selectFrom('business_redirects').select('from_id').whereRef('from_id', '=', 'businesses.id')),
      ),
    )
    .execute()
  return rankCandidates(listing, rows, options.limit)
}

/** Every status a moderator compares against: anything that left its owner's drafts. */
export const MODERATOR_STATUSES: readonly BusinessStatus[] = ['pending', 'published', 'returned', 'archived']

/** A moderator's view of one listing's possible duplicates (other listings, any non-draft status). */
export async function duplicatesOf(db: Kysely<Database>, id: number, limit = 5) {
  const listing = await db
    .selectFrom('businesses')
    .select([
      'id',
      'name_ru',
      'name_en',
      'name_local',
      'country_code',
      'city',
      'city_geoname_id',
      'lat',
      'lon',
    ])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!listing) return []
  return findDuplicateCandidates(db, listing, { statuses: MODERATOR_STATUSES, excludeId: id, limit })
}

/** Which of these listings have at least one possible duplicate: the queue's flag. */
export async function withPossibleDuplicates(db: Kysely<Database>, ids: number[]): Promise<Set<number>> {
  const flagged = new Set<number>()
  // One at a time: the queue shows at most a few hundred, and each check is one indexed query.
  for (const id of ids) if ((await duplicatesOf(db, id, 1)).length > 0) flagged.add(id)
  return flagged
}
