import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import type { Locale } from '~/modules/i18n/locales'
import { pick } from '~/modules/i18n/locales'
import type { Audience } from '~/modules/search/engine'
import { searchDataVersion } from '~/modules/search/pg-engine.server'
import {
  buildClusterIndex,
  type ClusterIndex,
  IndexCache,
  MAX_FEATURES,
  MAX_NAME_LENGTH,
  type MapResponse,
  type PointFeature,
  queryClusters,
} from './cluster'
import { loadPointDetails, matchingListings } from './points.server'
import { emptyMapFilters, filterKey, type MapFilters, type MapQuery } from './query'

/**
 * One cluster index per filter set, refreshed after a minute (stale-while-revalidate).
 * Bounds: 32 indexes and 300,000 points in all (≈ 130 MB at the ≈ 440 B a point
 * measured with supercluster 9), so a crawler walking every filter combination
 * cannot grow the process without limit. See docs/decisions/0006-map-server-clusters.md.
 */
// On globalThis: the start script and the server build are two module graphs in one process.
const globalForMap = globalThis as typeof globalThis & { __cbmMapCache?: IndexCache<ClusterIndex> }
globalForMap.__cbmMapCache ??= new IndexCache<ClusterIndex>({
  maxEntries: 32,
  maxPoints: 300_000,
  ttlMs: 60_000,
})
const cache = globalForMap.__cbmMapCache

/**
 * Drop every cached index. Rarely needed: each entry remembers the version of the search data it was
 * built from, and a request that finds the data changed (in any process) rebuilds it first.
 */
export function invalidateMapCache() {
  cache.clear()
}

/** Builds the unfiltered public index ahead of the first visitor (called after the server starts). */
export async function warmMapCache(db: Kysely<Database>) {
  await getMapFeatures(db, { ...emptyMapFilters(), bbox: [-180, -90, 180, 90], zoom: 0 }, 'ru')
}

export function mapCacheStats() {
  return cache.stats
}

/**
 * The cluster index of a filter set and audience, from the cache or built now. The search module decides
 * which listings match (see points.server.ts); its in-memory copy is brought up to date first (one indexed
 * query), and an index built from an older copy is rebuilt before it is served.
 */
async function indexFor(
  db: Kysely<Database>,
  filters: MapFilters,
  audience: Audience,
): Promise<ClusterIndex> {
  const version = await searchDataVersion(db)
  // Each database gets its own cache key space (tests open many databases in one process).
  const key = `${dbKey(db)}:${audience}:${filterKey(filters)}`
  return cache.get(
    key,
    async () => {
      const { points, version: builtFrom } = await matchingListings(db, filters, audience)
      return { ...buildClusterIndex(points), version: builtFrom }
    },
    version,
  )
}

export async function getMapFeatures(
  db: Kysely<Database>,
  query: MapQuery,
  locale: Locale,
  { audience = 'public', limit = MAX_FEATURES }: { audience?: Audience; limit?: number } = {},
): Promise<MapResponse> {
  const entry = await indexFor(db, query, audience)
  const { clusters, points, total, truncated } = queryClusters(entry, query.bbox, query.zoom, limit)
  const details = await loadPointDetails(
    db,
    points.map((p) => p.id),
    audience,
  )
  const pointFeatures: PointFeature[] = []
  for (const p of points) {
    const d = details.get(p.id)
    if (!d) continue // withdrawn since the index was built
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
