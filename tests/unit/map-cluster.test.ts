import { describe, expect, it } from 'vitest'
import {
  buildClusterIndex,
  CLUSTER_MAX_ZOOM,
  IndexCache,
  type MapPoint,
  queryClusters,
  topSectors,
} from '~/modules/map/cluster'

const WORLD: [number, number, number, number] = [-180, -90, 180, 90]

/** n points scattered deterministically around a centre, `spread` degrees wide. */
function around(
  startId: number,
  n: number,
  lon: number,
  lat: number,
  spread: number,
  sector: string,
): MapPoint[] {
  return Array.from({ length: n }, (_, i) => ({
    id: startId + i,
    lon: lon + (((i * 7919) % 1000) / 1000) * spread - spread / 2,
    lat: lat + (((i * 104729) % 1000) / 1000) * spread - spread / 2,
    sector,
  }))
}

describe('cluster index', () => {
  const points = [
    ...around(1, 300, 139.7, 35.7, 0.2, 'H'), // Tokyo
    ...around(1001, 100, 139.7, 35.7, 0.2, 'G'),
    ...around(2001, 200, 151.2, -33.9, 0.2, 'G'), // Sydney
    { id: 9001, lon: 179.9, lat: -17, sector: 'I' }, // Fiji, east of...
    { id: 9002, lon: -179.9, lat: -17.1, sector: 'I' }, // ...and just across the antimeridian
  ]
  const entry = buildClusterIndex(points)

  it('clusters a world view into a few features that account for every point', () => {
    const r = queryClusters(entry, WORLD, 1)
    expect(r.clusters.length + r.points.length).toBeLessThan(10)
    expect(r.total).toBe(points.length)
    expect(r.truncated).toBe(false)
  })

  it('counts the top sectors inside a cluster', () => {
    const r = queryClusters(entry, [130, 30, 145, 40], 3)
    const tokyo = r.clusters.find((c) => c.properties.count === 400)
    expect(tokyo?.properties.sectors).toEqual([
      ['H', 300],
      ['G', 100],
    ])
  })

  it('splits a cluster at its expansion zoom, and shows single points past the max zoom', () => {
    const r = queryClusters(entry, [130, 30, 145, 40], 3)
    const cluster = r.clusters[0]
    if (!cluster) throw new Error('no cluster')
    const next = queryClusters(entry, [130, 30, 145, 40], cluster.properties.expansionZoom)
    expect(next.clusters.length + next.points.length).toBeGreaterThan(1)
    const close = queryClusters(entry, [139.5, 35.5, 139.9, 35.9], CLUSTER_MAX_ZOOM + 1, 10_000)
    expect(close.clusters).toHaveLength(0)
    expect(close.points).toHaveLength(400)
  })

  it('answers a bbox across the antimeridian', () => {
    const r = queryClusters(entry, [179, -20, -179, -15], 10)
    expect(r.points.map((p) => p.id).sort()).toEqual([9001, 9002])
    expect(queryClusters(entry, [170, -20, 178, -15], 10).total).toBe(0)
  })

  it('limits a response, clusters first, and says so', () => {
    const r = queryClusters(entry, [139.5, 35.5, 139.9, 35.9], CLUSTER_MAX_ZOOM + 1, 50)
    expect(r.points).toHaveLength(50)
    expect(r.truncated).toBe(true)
    expect(r.total).toBe(400)
  })

  it('keeps every cluster’s sector counts equal to its size at every zoom', () => {
    // Many levels of clusters of clusters: a parent must not add into its child's counts.
    const sectors = ['A', 'C', 'G', 'H', 'J']
    const many: MapPoint[] = Array.from({ length: 3000 }, (_, i) => ({
      id: i + 1,
      lon: 100 + ((i * 7919) % 5000) / 100,
      lat: -10 + ((i * 104729) % 5000) / 100,
      sector: sectors[i % 5] ?? null,
    }))
    const index = buildClusterIndex(many)
    for (let zoom = 0; zoom <= CLUSTER_MAX_ZOOM; zoom++) {
      const found = index.index.getClusters(WORLD, zoom)
      for (const f of found) {
        const p = f.properties as { cluster?: boolean; point_count?: number; s?: Record<string, number> }
        if (!p.cluster) continue
        const total = Object.values(p.s ?? {}).reduce((a, b) => a + b, 0)
        expect(total).toBe(p.point_count)
      }
    }
  })

  it('orders top sectors by count, then code', () => {
    expect(topSectors({ G: 2, H: 5, A: 2, C: 1 })).toEqual([
      ['H', 5],
      ['A', 2],
      ['G', 2],
    ])
  })
})

describe('index cache', () => {
  const item = (size: number) => ({ size })

  it('builds once per key, sharing a build between concurrent callers', async () => {
    const cache = new IndexCache<{ size: number }>({ maxEntries: 5, maxPoints: 100, ttlMs: 1000 })
    let builds = 0
    const build = async () => {
      builds++
      return item(1)
    }
    await Promise.all([cache.get('a', build), cache.get('a', build)])
    await cache.get('a', build)
    expect(builds).toBe(1)
  })

  it('evicts the least recently used entries beyond its bounds', async () => {
    const cache = new IndexCache<{ size: number }>({ maxEntries: 2, maxPoints: 100, ttlMs: 1000 })
    await cache.get('a', async () => item(1))
    await cache.get('b', async () => item(1))
    await cache.get('a', async () => item(1)) // a is now the most recent
    await cache.get('c', async () => item(1))
    expect(cache.stats.entries).toBe(2)
    let rebuilt = false
    await cache.get('b', async () => {
      rebuilt = true
      return item(1)
    })
    expect(rebuilt).toBe(true)

    const bySize = new IndexCache<{ size: number }>({ maxEntries: 10, maxPoints: 100, ttlMs: 1000 })
    await bySize.get('x', async () => item(60))
    await bySize.get('y', async () => item(60))
    expect(bySize.stats).toEqual({ entries: 1, points: 60 })
  })

  it('serves a stale entry while it refreshes, then the fresh one', async () => {
    let now = 0
    const cache = new IndexCache<{ size: number; v: number }>(
      { maxEntries: 5, maxPoints: 100, ttlMs: 10 },
      () => now,
    )
    await cache.get('a', async () => ({ size: 1, v: 1 }))
    now = 50
    let release: () => void = () => {}
    const gate = new Promise<void>((r) => {
      release = r
    })
    const stale = await cache.get('a', async () => {
      await gate
      return { size: 1, v: 2 }
    })
    expect(stale.v).toBe(1)
    release()
    await new Promise((r) => setTimeout(r, 0))
    const fresh = await cache.get('a', async () => ({ size: 1, v: 3 }))
    expect(fresh.v).toBe(2)
    expect(cache.stats).toEqual({ entries: 1, points: 1 })
  })

  it('rebuilds, and waits for it, when the data changed since the entry was built', async () => {
    const cache = new IndexCache<{ size: number; version?: string }>({
      maxEntries: 5,
      maxPoints: 100,
      ttlMs: 60_000,
    })
    let builds = 0
    const build = (version: string) => async () => {
      builds++
      return { size: builds, version }
    }
    expect((await cache.get('a', build('1:5'), '1:5')).size).toBe(1)
    expect((await cache.get('a', build('1:5'), '1:5')).size).toBe(1)
    // A newer version: concurrent callers share one rebuild and all get the fresh index.
    const [x, y] = await Promise.all([
      cache.get('a', build('1:6'), '1:6'),
      cache.get('a', build('1:6'), '1:6'),
    ])
    expect([x.size, y.size, builds]).toEqual([2, 2, 2])
    expect(cache.stats).toEqual({ entries: 1, points: 2 })
    expect((await cache.get('a', build('1:6'), '1:6')).size).toBe(2)
  })

  it('forgets a failed build', async () => {
    const cache = new IndexCache<{ size: number }>({ maxEntries: 5, maxPoints: 100, ttlMs: 1000 })
    await expect(cache.get('a', async () => Promise.reject(new Error('db down')))).rejects.toThrow('db down')
    expect((await cache.get('a', async () => item(2))).size).toBe(2)
  })
})
