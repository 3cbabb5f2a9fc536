import Supercluster, { type ClusterProperties } from 'supercluster'
import type { BBox } from './query'

/** One listing as the map index holds it: no names, so an index stays small (see docs/decisions). */
export type MapPoint = { id: number; lon: number; lat: number; sector: string | null }

type PointProps = { id: number; s: string }
type ClusterProps = { s: Record<string, number> }

/** Cluster radius in supercluster's 512-unit tile extent: 100 ≈ 50 screen px on 256-px web map tiles. */
export const CLUSTER_RADIUS = 100
/** Beyond this zoom every listing is shown on its own. */
export const CLUSTER_MAX_ZOOM = 16
/**
 * The most features one response carries. A feature is ≤ ~320 bytes (a 60-character name in a
 * three-byte script), so a response stays under 50 KB uncompressed even for a silly request
 * (a whole city at street zoom); a real viewport holds far fewer at 50-px cluster spacing.
 */
export const MAX_FEATURES = 150
/** Popup names are cut here (names may be 200 characters; the card has the full one). */
export const MAX_NAME_LENGTH = 60
export const TOP_SECTORS = 3

export type ClusterIndex = {
  index: Supercluster<PointProps, ClusterProps>
  size: number
  builtAt: number
  /** The version of the search data the points came from (see IndexCache). */
  version?: string
}

export function buildClusterIndex(
  points: MapPoint[],
  { now = Date.now() }: { now?: number } = {},
): ClusterIndex {
  const owned = new WeakSet<object>()
  const index = new Supercluster<PointProps, ClusterProps>({
    radius: CLUSTER_RADIUS,
    maxZoom: CLUSTER_MAX_ZOOM,
    // Per-cluster sector counts, for the cluster's tooltip ("mostly trade, logistics").
    map: (p) => ({ s: p.s ? { [p.s]: 1 } : {} }),
    reduce: (acc, p) => {
      // supercluster clones a child cluster's properties shallowly to seed its parent, so
      // acc.s may still be the child's own counts: copy it the first time this parent adds to it.
      if (!owned.has(acc)) {
        acc.s = { ...acc.s }
        owned.add(acc)
      }
      for (const k in p.s) acc.s[k] = (acc.s[k] ?? 0) + (p.s[k] ?? 0)
    },
  })
  index.load(
    points.map((p) => ({
      type: 'Feature' as const,
      geometry: { type: 'Point' as const, coordinates: [p.lon, p.lat] },
      properties: { id: p.id, s: p.sector ?? '' },
    })),
  )
  return {
    index,
    size: points.length,
    builtAt: now,
  }
}

export type ClusterFeature = {
  type: 'Feature'
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: {
    cluster: true
    id: number
    count: number
    /** The zoom at which this cluster splits: where a click on it zooms to. */
    expansionZoom: number
    /** The most common sectors inside, as [code, count], most first. */
    sectors: [string, number][]
  }
}

export type PointFeature = {
  type: 'Feature'
  geometry: { type: 'Point'; coordinates: [number, number] }
  properties: { cluster: false; id: number; sector: string | null; name: string; verified: boolean }
}

export type MapFeature = ClusterFeature | PointFeature

export type MapResponse = {
  type: 'FeatureCollection'
  features: MapFeature[]
  /** Listings matching the filters inside the bbox. */
  total: number
  /** True when more features matched than one response carries. */
  truncated: boolean
}

const round = (v: number) => Math.round(v * 1e5) / 1e5

export function topSectors(counts: Record<string, number>, n = TOP_SECTORS): [string, number][] {
  return Object.entries(counts)
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, n)
}

export type RawPoint = { id: number; lon: number; lat: number; sector: string | null }

/**
 * Clusters and single points of one index inside a bbox at a zoom. Clusters come
 * first, so a truncated answer still covers the whole view; names are added by the caller.
 */
export function queryClusters(entry: ClusterIndex, bbox: BBox, zoom: number, limit = MAX_FEATURES) {
  const found = entry.index.getClusters(bbox, Math.floor(zoom))
  const clusters: ClusterFeature[] = []
  const points: RawPoint[] = []
  let total = 0
  for (const f of found) {
    const [lon, lat] = f.geometry.coordinates as [number, number]
    const props = f.properties as Partial<ClusterProperties> & Partial<PointProps & ClusterProps>
    if (props.cluster) {
      const id = props.cluster_id as number
      total += props.point_count ?? 0
      clusters.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: [round(lon), round(lat)] },
        properties: {
          cluster: true,
          id,
          count: props.point_count ?? 0,
          expansionZoom: Math.min(entry.index.getClusterExpansionZoom(id), CLUSTER_MAX_ZOOM + 1),
          sectors: topSectors(props.s ?? {}),
        },
      })
    } else {
      total += 1
      points.push({ id: props.id as number, lon: round(lon), lat: round(lat), sector: props.s || null })
    }
  }
  clusters.sort((a, b) => b.properties.count - a.properties.count)
  const keptClusters = clusters.slice(0, limit)
  const keptPoints = points.slice(0, Math.max(0, limit - keptClusters.length))
  return {
    clusters: keptClusters,
    points: keptPoints,
    total,
    truncated: keptClusters.length + keptPoints.length < found.length,
  }
}

/**
 * A small LRU of cluster indexes, one per filter set. Bounded by entries and by
 * the points they hold together (≈ 250 bytes a point retained). An entry built from
 * an older version of the data than the caller's is rebuilt before it is served; one
 * without a version expires after `ttlMs`, so listings published elsewhere show up.
 */
type Entry<T> = {
  value: Promise<T>
  size: number
  at: number
  refreshing: boolean
  version?: string
  rebuilding?: Promise<T>
}

export class IndexCache<T extends { size: number; version?: string }> {
  private entries = new Map<string, Entry<T>>()
  private points = 0

  constructor(
    readonly options: { maxEntries: number; maxPoints: number; ttlMs: number },
    private now: () => number = Date.now,
  ) {}

  get stats() {
    return { entries: this.entries.size, points: this.points }
  }

  clear() {
    this.entries.clear()
    this.points = 0
  }

  /**
   * The cached value for `key`, or the one `build` makes; concurrent callers share one
   * build. When `version` (of the data now) differs from the one the entry was built
   * from, the caller waits for a rebuild: the answer must agree with the list it sits beside.
   * Otherwise an expired entry is still served while a fresh one is built in the background
   * (stale-while-revalidate), so only the very first request of a filter set waits.
   */
  async get(key: string, build: () => Promise<T>, version?: string): Promise<T> {
    const hit = this.entries.get(key)
    if (hit) {
      this.entries.delete(key)
      this.entries.set(key, hit)
      if (version !== undefined && hit.version !== undefined && hit.version !== version) {
        hit.rebuilding ??= this.store(key, build()).finally(() => {
          hit.rebuilding = undefined
        })
        return hit.rebuilding
      }
      if (this.now() - hit.at >= this.options.ttlMs && !hit.refreshing && !hit.rebuilding) {
        hit.refreshing = true
        this.store(key, build()).catch(() => {
          hit.refreshing = false
        })
      }
      return hit.value
    }
    return this.store(key, build())
  }

  private async store(key: string, value: Promise<T>): Promise<T> {
    const previous = this.entries.get(key)
    const entry: Entry<T> = { value, size: 0, at: this.now(), refreshing: false }
    // A refresh keeps serving the previous value until the new one is ready.
    if (!previous) this.entries.set(key, entry)
    try {
      const built = await value
      const current = this.entries.get(key)
      if (current === entry || (previous && current === previous)) {
        if (current === previous) this.remove(key)
        entry.value = Promise.resolve(built)
        entry.size = built.size
        entry.version = built.version
        this.entries.set(key, entry)
        this.points += built.size
        this.evict(key)
      }
      return built
    } catch (error) {
      if (this.entries.get(key) === entry) this.entries.delete(key)
      throw error
    }
  }

  private remove(key: string) {
    const entry = this.entries.get(key)
    if (!entry) return
    this.points -= entry.size
    this.entries.delete(key)
  }

  private evict(keep: string) {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.options.maxEntries && this.points <= this.options.maxPoints) break
      if (key !== keep) this.remove(key)
    }
  }
}
