import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import type { Locale } from '~/modules/i18n/locales'
import { pick } from '~/modules/i18n/locales'
import {
  buildClusterIndex,
  type ClusterIndex,
  IndexCache,
  MAX_FEATURES,
  MAX_NAME_LENGTH,
  type MapPoint,
  type MapResponse,
  type PointFeature,
  queryClusters,
} from './cluster'
import { loadMapPoints, loadMatchingIds, loadPointDetails, loadPointsByIds } from './points.server'
import { emptyMapFilters, filterKey, type MapFilters, type MapQuery } from './query'

/**
 * One cluster index per filter set, refreshed after a minute (stale-while-revalidate).
 * Bounds: 32 indexes and 300,000 points in all (≈ 130 MB at the ≈ 440 B a point
 * measured with supercluster 9), so a crawler walking every filter combination
 * cannot grow the process without limit. See docs/decisions/0004-map-server-clusters.md.
 */
// On globalThis: the start script and the server build are two module graphs in one process.
const globalForMap = globalThis as typeof globalThis & { __cbmMapCache?: IndexCache<ClusterIndex> }
globalForMap.__cbmMapCache ??= new IndexCache<ClusterIndex>({
  maxEntries: 32,
  maxPoints: 300_000,
  ttlMs: 60_000,
})
const cache = globalForMap.__cbmMapCache

/** Drop every cached index (after a listing is published, moved or withdrawn in this process). */
export function invalidateMapCache() {
  cache.clear()
}

/** Builds the unfiltered index ahead of the first visitor (called after the server starts). */
export async function warmMapCache(db: Kysely<Database>) {
  await getMapFeatures(db, { ...emptyMapFilters(), bbox: [-180, -90, 180, 90], zoom: 0 }, 'ru')
}

export function mapCacheStats() {
  return cache.stats
}

const wholeMap = filterKey(emptyMapFilters())

/** The cluster index of a filter set, from the cache or built now. */
async function indexFor(db: Kysely<Database>, filters: MapFilters): Promise<ClusterIndex> {
  // Each database gets its own cache key space (tests open many databases in one process).
  const key = filterKey(filters)
  const whole = () =>
    cache.get(`${dbKey(db)}:${wholeMap}`, async () =>
      buildClusterIndex(await loadMapPoints(db, emptyMapFilters()), { keepPoints: true }),
    )
  if (key === wholeMap) return whole()
  return cache.get(`${dbKey(db)}:${key}`, async () => {
    // The database says which listings match; their points come from the whole-map index.
    const [base, ids] = await Promise.all([whole(), loadMatchingIds(db, filters)])
    const points: MapPoint[] = []
    const missing: number[] = []
    for (const id of ids) {
      const point = base.byId?.get(id)
      if (point) points.push(point)
      else missing.push(id)
    }
    // Published (or given a point) since the whole-map index was built.
    if (missing.length > 0) points.push(...(await loadPointsByIds(db, missing)))
    return buildClusterIndex(points)
  })
}

export async function getMapFeatures(
  db: Kysely<Database>,
  query: MapQuery,
  locale: Locale,
  limit = MAX_FEATURES,
): Promise<MapResponse> {
  const entry = await indexFor(db, query)
  const { clusters, points, total, truncated } = queryClusters(entry, query.bbox, query.zoom, limit)
  const details = await loadPointDetails(
    db,
    points.map((p) => p.id),
  )
  const pointFeatures: PointFeature[] = []
  for (const p of points) {
    const d = details.get(p.id)
    if (!d) continue // unpublished since the index was built
    pointFeatures.push({
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [p.lon, p.lat] },
      properties: {
        cluster: false,
        id: p.id,
        sector: p.sector,
        name: shorten(pick(locale, d.nameRu, d.nameEn) ?? d.nameLocal ?? '—'),
        verified: d.verified,
      },
    })
  }
  return { type: 'FeatureCollection', features: [...clusters, ...pointFeatures], total, truncated }
}

const dbKeys = new WeakMap<object, number>()
let nextDbKey = 0
function dbKey(db: object) {
  let key = dbKeys.get(db)
  if (key === undefined) {
    key = ++nextDbKey
    dbKeys.set(db, key)
  }
  return key
}

function shorten(name: string) {
  const chars = Array.from(name)
  return chars.length <= MAX_NAME_LENGTH ? name : `${chars.slice(0, MAX_NAME_LENGTH - 1).join('')}…`
}
