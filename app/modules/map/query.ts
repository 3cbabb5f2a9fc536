import { z } from 'zod'
import {
  emptyFilters,
  listFacets,
  MAX_QUERY_LENGTH,
  parseSearchParams,
  type BBox as SearchBBox,
  type SearchFilters,
} from '~/modules/search/params'

/**
 * The map's URL parameters: the viewport (`bbox`, `zoom`) plus the search filters, parsed by the search
 * module's own parser (app/modules/search/params.ts), so a map request is the search page's query string
 * with a zoom added and means exactly the same there. Only the bbox's shape differs: [w, s, e, n] here
 * (supercluster's order), {west, south, east, north} in search.
 */

export const MAX_ZOOM = 20
export const MAX_Q_LENGTH = MAX_QUERY_LENGTH

/** [west, south, east, north] in degrees. west > east means the box crosses the antimeridian. */
export type BBox = [west: number, south: number, east: number, north: number]

export type MapFilters = { q: string } & SearchFilters

export type MapQuery = MapFilters & { bbox: BBox; zoom: number }

export const listParams = listFacets
export type MapParam = 'bbox' | 'zoom' | 'q' | 'verified' | (typeof listParams)[number]
export type MapQueryError = { param: MapParam }

const zoomSchema = z.coerce.number().int().min(0).max(MAX_ZOOM)

type Parsed<T> = { ok: true; value: T } | ({ ok: false } & MapQueryError)

/** The parameters the map shares with search; the rest (sort, page, zoom…) are not search's to judge here. */
const sharedParams = ['q', ...listFacets, 'verified', 'bbox'] as const

function parseShared(params: URLSearchParams): Parsed<{ filters: MapFilters; bbox: BBox | null }> {
  const shared = new URLSearchParams()
  for (const name of sharedParams) for (const v of params.getAll(name)) shared.append(name, v)
  const parsed = parseSearchParams(shared)
  if (!parsed.ok) return { ok: false, param: (parsed.issues[0]?.param ?? 'q') as MapParam }
  const { q, filters, bbox } = parsed.value
  return { ok: true, value: { filters: { q, ...filters }, bbox: bbox ? toBBox(bbox) : null } }
}

export function toBBox(b: SearchBBox): BBox {
  return [b.west, b.south, b.east, b.north]
}

export function toSearchBBox([west, south, east, north]: BBox): SearchBBox {
  return { west, south, east, north }
}

export function parseMapFilters(params: URLSearchParams): Parsed<MapFilters> {
  const shared = parseShared(params)
  return shared.ok ? { ok: true, value: shared.value.filters } : shared
}

/** An optional bbox (the list's "search this area"); absent or empty means everywhere. */
export function parseOptionalBBox(params: URLSearchParams): Parsed<BBox | null> {
  const bbox = params.getAll('bbox')
  const parsed = parseShared(new URLSearchParams(bbox.map((v) => ['bbox', v])))
  return parsed.ok ? { ok: true, value: parsed.value.bbox } : { ok: false, param: 'bbox' }
}

export function parseMapQuery(params: URLSearchParams): Parsed<MapQuery> {
  const shared = parseShared(params)
  if (!shared.ok) return shared
  const zoom = zoomSchema.safeParse(params.get('zoom') ?? '')
  if (!zoom.success || params.get('zoom') === null) return { ok: false, param: 'zoom' }
  return {
    ok: true,
    value: { ...shared.value.filters, bbox: shared.value.bbox ?? [-180, -90, 180, 90], zoom: zoom.data },
  }
}

/** A stable key for a filter set (viewport excluded): one cluster index per key. */
export function filterKey(f: MapFilters) {
  return JSON.stringify([f.q.toLowerCase(), ...listParams.map((name) => f[name]), f.verified])
}

/** Rounds a bbox to 4 decimals and formats it for a URL. */
export function formatBBox(b: BBox) {
  return b.map((v) => Math.round(v * 1e4) / 1e4).join(',')
}

/**
 * Turns a viewport's bounds (which Leaflet reports unwrapped, e.g. east = 200 or
 * west = -400 after panning) into a valid bbox: the whole world when wider than
 * 360°, otherwise both edges wrapped into [-180, 180] (west > east across the antimeridian).
 */
export function normalizeBounds(west: number, south: number, east: number, north: number): BBox {
  const clampLat = (v: number) => Math.max(-90, Math.min(90, v))
  if (east - west >= 360) return [-180, clampLat(south), 180, clampLat(north)]
  const wrap = (v: number) => {
    const w = ((((v + 180) % 360) + 360) % 360) - 180
    return w === -180 && v > 0 ? 180 : w
  }
  let w = wrap(west)
  let e = wrap(east)
  if (e === -180 && east > west) e = 180
  if (w === 180 && east > west) w = -180
  return [w, clampLat(south), e, clampLat(north)]
}

export function emptyMapFilters(): MapFilters {
  return { q: '', ...emptyFilters() }
}
