import { z } from 'zod'
import { cooperationKinds, sizeBands } from '#db/reference/cooperation'
import { federalDistricts } from '#db/reference/russian-regions'

/**
 * The map's URL parameters: the viewport (`bbox`, `zoom`) plus the search filters.
 * Filter names and values follow the search page's URL (app/modules/search/params.ts on the
 * search branch: q, country, sector, region, district, coop, size, verified, bbox), so a map
 * request is the search page's query string with a zoom added. When that shared parser
 * lands, `parseMapFilters` becomes a call to it.
 */

export const MAX_ZOOM = 20
export const MAX_Q_LENGTH = 200
const MAX_LIST = 30

/** [west, south, east, north] in degrees. west > east means the box crosses the antimeridian. */
export type BBox = [west: number, south: number, east: number, north: number]

export type MapFilters = {
  q: string
  country: string[]
  sector: string[]
  /** Russian federal subjects sought for cooperation (RU-PRI). */
  region: string[]
  /** Federal districts (FEFD). */
  district: string[]
  /** Kinds of cooperation sought (export_to_russia). */
  coop: string[]
  size: string[]
  /** true: verified only; false: not verified only; null: both. */
  verified: boolean | null
}

export type MapQuery = MapFilters & { bbox: BBox; zoom: number }

export const listParams = ['country', 'sector', 'region', 'district', 'coop', 'size'] as const
export type MapParam = 'bbox' | 'zoom' | 'q' | 'verified' | (typeof listParams)[number]
export type MapQueryError = { param: MapParam }

const finite = z
  .string()
  .trim()
  .regex(/^-?\d+(\.\d+)?$/)
  .transform(Number)

export const bboxSchema = z
  .string()
  .transform((s) => s.split(','))
  .pipe(z.tuple([finite, finite, finite, finite]))
  .refine(
    ([w, s, e, n]) =>
      w >= -180 && w <= 180 && e >= -180 && e <= 180 && s >= -90 && s <= 90 && n >= -90 && n <= 90 && s <= n,
  )
  .transform((t) => t as BBox)

const codeList = (valid: (v: string) => boolean, upper: boolean) =>
  z
    .array(z.string())
    .transform((values) =>
      values
        .flatMap((v) => v.split(','))
        .map((v) => (upper ? v.trim().toUpperCase() : v.trim()))
        .filter(Boolean),
    )
    .pipe(z.array(z.string().refine(valid)).max(MAX_LIST))
    .transform((values) => [...new Set(values)].sort())

export const mapFiltersSchema = z.object({
  q: z
    .string()
    .trim()
    .max(MAX_Q_LENGTH)
    // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point
    .transform((s) => s.replace(/[\u0000-\u001f\u007f]/g, ' ').trim())
    .default(''),
  country: codeList((v) => /^[A-Z]{2}$/.test(v), true).default([]),
  sector: codeList((v) => /^[A-Z]$/.test(v), true).default([]),
  region: codeList((v) => /^RU-[A-Z]{2,4}$/.test(v), true).default([]),
  district: codeList((v) => federalDistricts.some((d) => d.code === v), false).default([]),
  coop: codeList((v) => cooperationKinds.some((k) => k.code === v), false).default([]),
  size: codeList((v) => sizeBands.some((b) => b.code === v), false).default([]),
  verified: z
    .enum(['', '0', '1', 'true', 'false'])
    .transform((v) => (v === '' ? null : v === '1' || v === 'true'))
    .default(null),
})

const zoomSchema = z.coerce.number().int().min(0).max(MAX_ZOOM)

function rawFilters(params: URLSearchParams) {
  return {
    q: params.get('q') ?? undefined,
    ...Object.fromEntries(listParams.map((name) => [name, params.getAll(name)])),
    verified: params.get('verified') ?? undefined,
  }
}

type Parsed<T> = { ok: true; value: T } | ({ ok: false } & MapQueryError)

export function parseMapFilters(params: URLSearchParams): Parsed<MapFilters> {
  const result = mapFiltersSchema.safeParse(rawFilters(params))
  if (result.success) return { ok: true, value: result.data }
  const param = (result.error.issues[0]?.path[0] ?? 'q') as MapQueryError['param']
  return { ok: false, param }
}

/** An optional bbox (the list's "search this area"); absent or empty means everywhere. */
export function parseOptionalBBox(params: URLSearchParams): Parsed<BBox | null> {
  const raw = params.get('bbox')
  if (!raw) return { ok: true, value: null }
  const result = bboxSchema.safeParse(raw)
  return result.success ? { ok: true, value: result.data } : { ok: false, param: 'bbox' }
}

export function parseMapQuery(params: URLSearchParams): Parsed<MapQuery> {
  const filters = parseMapFilters(params)
  if (!filters.ok) return filters
  const bbox = params.get('bbox')
  const parsedBBox = bboxSchema.safeParse(bbox ?? '-180,-90,180,90')
  if (!parsedBBox.success) return { ok: false, param: 'bbox' }
  const zoom = zoomSchema.safeParse(params.get('zoom') ?? '')
  if (!zoom.success || params.get('zoom') === null) return { ok: false, param: 'zoom' }
  return { ok: true, value: { ...filters.value, bbox: parsedBBox.data, zoom: zoom.data } }
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
  return { q: '', country: [], sector: [], region: [], district: [], coop: [], size: [], verified: null }
}
