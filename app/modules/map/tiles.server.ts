/** Raster tiles drawn over the offline base map; null = the offline map alone. */
export type TileConfig = { url: string; attribution: string } | null

export const DEFAULT_TILE_URL = 'https://tile.openstreetmap.org/{z}/{x}/{y}.png'
const OSM_ATTRIBUTION = '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a>'

/** Reads MAP_TILE_URL: unset → OpenStreetMap, `none` → no tiles, anything else → that template. */
export function tileConfig(value: string | undefined): TileConfig {
  const url = value?.trim()
  if (url === 'none' || url === 'off') return null
  if (!url) return { url: DEFAULT_TILE_URL, attribution: OSM_ATTRIBUTION }
  // Only http(s) templates with {z}/{x}/{y}: anything else would fail silently in the browser.
  if (!/^https?:\/\/\S+$/.test(url) || !['{z}', '{x}', '{y}'].every((p) => url.includes(p))) return null
  return {
    url,
    attribution: url.includes('openstreetmap.org')
      ? OSM_ATTRIBUTION
      : (process.env.MAP_TILE_ATTRIBUTION ?? ''),
  }
}
