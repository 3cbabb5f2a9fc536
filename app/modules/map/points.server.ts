import { type ExpressionBuilder, type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import { type Audience, searchableStatuses } from '~/modules/search/engine'
import { matchingPoints } from '~/modules/search/pg-engine.server'
import { verifiedNowSql } from '~/modules/upkeep/verification-sql.server'
import type { MapPoint } from './cluster'
import type { BBox, MapFilters } from './query'

type B = ExpressionBuilder<Database & { b: Database['businesses'] }, 'b'>

/** A listing's point lies inside a bbox; west > east crosses the antimeridian. */
export function inBBox(eb: B, [w, s, e, n]: BBox) {
  const lat = eb.and([eb('b.lat', '>=', s), eb('b.lat', '<=', n)])
  if (w <= e) return eb.and([lat, eb('b.lon', '>=', w), eb('b.lon', '<=', e)])
  return eb.and([lat, eb.or([eb('b.lon', '>=', w), eb('b.lon', '<=', e)])])
}

/**
 * THE seam to the search module: which listings the map shows for a filter set. It asks the search
 * module's own matcher (app/modules/search/pg-engine.server.ts `matchingPoints`): the same text matching
 * (typo correction, CJK bigrams, keywords, city names in every language), the same filters and the same
 * audience rule as the list, so the map shows exactly what the list finds (those with a point).
 * The points come from the search module's in-memory facet index: no query of the listings table.
 */
export async function matchingListings(
  db: Kysely<Database>,
  filters: MapFilters,
  audience: Audience,
): Promise<{ points: MapPoint[]; version: string }> {
  const { q, country, sector, region, district, coop, offers, seeks, size, verified } = filters
  const { points, version } = await matchingPoints(db, {
    q,
    filters: { country, sector, region, district, coop, offers, seeks, size, verified },
    bbox: null,
    audience,
  })
  return { points, version }
}

/** Names and badges of the single points a response shows (a few hundred at most). */
export async function loadPointDetails(db: Kysely<Database>, ids: number[], audience: Audience) {
  if (ids.length === 0) return new Map<number, PointDetails>()
  const rows = await db
    .selectFrom('businesses')
    .select(['id', 'name_ru', 'name_en', 'name_local', verifiedNowSql(sql.ref('verified_at')).as('verified')])
    .where('id', 'in', ids)
    .where('status', 'in', searchableStatuses(audience))
    .execute()
  return new Map(
    rows.map((r) => [
      r.id,
      { nameRu: r.name_ru, nameEn: r.name_en, nameLocal: r.name_local, verified: r.verified },
    ]),
  )
}

export type PointDetails = {
  nameRu: string | null
  nameEn: string | null
  nameLocal: string | null
  verified: boolean
}
