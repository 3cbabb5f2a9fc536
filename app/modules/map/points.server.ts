import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import type { Database, SizeBand } from '#db/schema'
import type { MapPoint } from './cluster'
import type { BBox, MapFilters } from './query'

/**
 * The text a listing is found by on the map. The same expression is indexed
 * (GIN, published rows only) by migration 0008, so it must stay byte-for-byte equal.
 */
export const listingText = sql`(
  to_tsvector('russian'::regconfig, coalesce(b.name_ru, '') || ' ' || coalesce(b.description_ru, '') || ' ' || coalesce(b.city, ''))
  || to_tsvector('english'::regconfig, coalesce(b.name_en, '') || ' ' || coalesce(b.description_en, '') || ' ' || coalesce(b.city, ''))
  || to_tsvector('simple'::regconfig, coalesce(b.name_local, ''))
)`

/** A listing's names in one string, trigram-indexed by migration 0008 for the partial-name fallback. */
const listingNames = sql`(coalesce(b.name_ru, '') || ' ' || coalesce(b.name_en, '') || ' ' || coalesce(b.name_local, ''))`

function textQuery(q: string) {
  return sql`(websearch_to_tsquery('russian'::regconfig, ${q}) || websearch_to_tsquery('english'::regconfig, ${q}) || websearch_to_tsquery('simple'::regconfig, ${q}))`
}

function escapeLike(s: string) {
  return `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
}

type B = ExpressionBuilder<Database & { b: Database['businesses'] }, 'b'>

/** A listing's point lies inside a bbox; west > east crosses the antimeridian. */
export function inBBox(eb: B, [w, s, e, n]: BBox) {
  const lat = eb.and([eb('b.lat', '>=', s), eb('b.lat', '<=', n)])
  if (w <= e) return eb.and([lat, eb('b.lon', '>=', w), eb('b.lon', '<=', e)])
  return eb.and([lat, eb.or([eb('b.lon', '>=', w), eb('b.lon', '<=', e)])])
}

/**
 * THE seam to the search module: which published listings match a filter set.
 * Everything the map shows goes through here; when the search module's filter
 * builder lands, this function's `where` clauses become a call to it.
 * `textMode` "names" is the fallback when full-text finds nothing (a partial name, a typo of case).
 */
export function matchingListings(
  db: Kysely<Database>,
  filters: MapFilters,
  options: { bbox?: BBox | null; textMode?: 'fulltext' | 'names' } = {},
) {
  let query = db
    .selectFrom('businesses as b')
    .where('b.status', '=', 'published')
    .where('b.lat', 'is not', null)
  if (filters.country.length > 0) query = query.where('b.country_code', 'in', filters.country)
  if (filters.size.length > 0) query = query.where('b.size_band', 'in', filters.size as SizeBand[])
  if (filters.verified !== null)
    query = query.where('b.verified_at', filters.verified ? 'is not' : 'is', null)
  if (filters.coop.length > 0)
    query = query.where(sql<boolean>`b.cooperation_kinds && array[${sql.join(filters.coop)}]::text[]`)
  if (filters.region.length > 0) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('business_regions as fr')
          .select(sql`1`.as('one'))
          .whereRef('fr.business_id', '=', 'b.id')
          .where('fr.region_code', 'in', filters.region),
      ),
    )
  }
  if (filters.district.length > 0) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('business_regions as fd')
          .innerJoin('russian_regions as rr', 'rr.code', 'fd.region_code')
          .select(sql`1`.as('one'))
          .whereRef('fd.business_id', '=', 'b.id')
          .where('rr.district_code', 'in', filters.district),
      ),
    )
  }
  if (filters.sector.length > 0) {
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('business_sectors as fs')
          .select(sql`1`.as('one'))
          .whereRef('fs.business_id', '=', 'b.id')
          .where('fs.sector_code', 'in', filters.sector),
      ),
    )
  }
  if (options.bbox) {
    const bbox = options.bbox
    query = query.where((eb) => inBBox(eb as unknown as B, bbox))
  }
  if (filters.q) {
    const q = filters.q
    if (options.textMode === 'names') {
      const like = escapeLike(q)
      query = query.where(sql<boolean>`${listingNames} ilike ${like}`)
    } else {
      query = query.where(sql<boolean>`${listingText} @@ ${textQuery(q)}`)
    }
  }
  return query
}

function withPoints(query: ReturnType<typeof matchingListings>) {
  return query
    .leftJoin('business_sectors as ms', (join) =>
      join.onRef('ms.business_id', '=', 'b.id').on('ms.position', '=', 0),
    )
    .select(['b.id', 'b.lon', 'b.lat', 'ms.sector_code'])
}

function toPoints(
  rows: { id: number; lon: number | null; lat: number | null; sector_code: string | null }[],
) {
  return rows.map((r) => ({ id: r.id, lon: r.lon as number, lat: r.lat as number, sector: r.sector_code }))
}

/** Every point matching a filter set, with its main sector: what a cluster index is built from. */
export async function loadMapPoints(db: Kysely<Database>, filters: MapFilters): Promise<MapPoint[]> {
  let rows = await withPoints(matchingListings(db, filters, { textMode: 'fulltext' })).execute()
  if (rows.length === 0 && filters.q)
    rows = await withPoints(matchingListings(db, filters, { textMode: 'names' })).execute()
  return toPoints(rows)
}

/**
 * Only the ids matching a filter set: the points themselves are taken from the
 * whole-map index already in memory, which makes a new filter set several times cheaper.
 */
export async function loadMatchingIds(db: Kysely<Database>, filters: MapFilters): Promise<number[]> {
  let rows = await matchingListings(db, filters, { textMode: 'fulltext' }).select('b.id').execute()
  if (rows.length === 0 && filters.q)
    rows = await matchingListings(db, filters, { textMode: 'names' }).select('b.id').execute()
  return rows.map((r) => r.id)
}

/** Points by id (those published after the whole-map index was built). */
export async function loadPointsByIds(db: Kysely<Database>, ids: number[]): Promise<MapPoint[]> {
  if (ids.length === 0) return []
  const rows = await withPoints(
    db.selectFrom('businesses as b').where('b.status', '=', 'published').where('b.id', 'in', ids),
  ).execute()
  return toPoints(rows)
}

/** Names and badges of the single points a response shows (a few hundred at most). */
export async function loadPointDetails(db: Kysely<Database>, ids: number[]) {
  if (ids.length === 0) return new Map<number, PointDetails>()
  const rows = await db
    .selectFrom('businesses')
    .select(['id', 'name_ru', 'name_en', 'name_local', 'verified_at'])
    .where('id', 'in', ids)
    .where('status', '=', 'published')
    .execute()
  return new Map(
    rows.map((r) => [
      r.id,
      { nameRu: r.name_ru, nameEn: r.name_en, nameLocal: r.name_local, verified: r.verified_at !== null },
    ]),
  )
}

export type PointDetails = {
  nameRu: string | null
  nameEn: string | null
  nameLocal: string | null
  verified: boolean
}
