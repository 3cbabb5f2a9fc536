import { Resvg } from '@resvg/resvg-js'
import { geoMercator, geoPath } from 'd3-geo'
import type { Feature, FeatureCollection, Geometry } from 'geojson'
import isoCountries from 'i18n-iso-countries'
import { LRUCache } from 'lru-cache'
import { feature } from 'topojson-client'
import type { Topology } from 'topojson-specification'
import { loadTopology } from '~/modules/map/base-map.server'

/** The size Open Graph and Twitter's large card both display without cropping. */
export const SHARE_IMAGE_WIDTH = 1200
export const SHARE_IMAGE_HEIGHT = 630

export type SharePoint = { lat: number; lon: number }

let countries: FeatureCollection<Geometry, { a2?: string }> | null = null

function countryShapes() {
  if (!countries) {
    const topology = loadTopology() as unknown as Topology
    const shapes = feature(topology, 'countries') as unknown as FeatureCollection<Geometry, { a2?: string }>
    for (const shape of shapes.features) {
      shape.properties = { a2: shape.id ? isoCountries.numericToAlpha2(String(shape.id)) : undefined }
    }
    countries = shapes
  }
  return countries
}

const cache = new LRUCache<string, Buffer>({ max: 300 })

/**
 * A map picture for link previews, drawn from the offline base map (no tile server needed): the
 * Asia-Pacific with the highlighted countries and, for a listing, a pin at its place. Text stays
 * out of the picture: the preview's title and summary carry it, in the page's language.
 */
export function renderShareImage(options: {
  key: string
  points: SharePoint[]
  highlight: string[]
  /** A country's or a point's neighbourhood rather than the whole region. */
  focus?: 'points' | 'region'
}): Buffer {
  const cached = cache.get(options.key)
  if (cached) return cached
  const shapes = countryShapes()
  const highlight = new Set(options.highlight)
  const projection = geoMercator().rotate([-150, 0])
  const frame: Feature = {
    type: 'Feature',
    properties: {},
    geometry:
      options.focus === 'points' && options.points.length > 0
        ? {
            type: 'MultiPoint',
            coordinates: options.points.flatMap((p) => [
              [p.lon - 12, p.lat - 7],
              [p.lon + 12, p.lat + 7],
            ]),
          }
        : {
            type: 'MultiPoint',
            coordinates: [
              [60, -47],
              [190, 55],
            ],
          },
  }
  projection.fitExtent(
    [
      [40, 40],
      [SHARE_IMAGE_WIDTH - 40, SHARE_IMAGE_HEIGHT - 40],
    ],
    frame,
  )
  const path = geoPath(projection)
  const land = shapes.features
    .map((f) => {
      const d = path(f)
      if (!d) return ''
      const lit = f.properties?.a2 && highlight.has(f.properties.a2)
      return `<path d="${d}" fill="${lit ? '#0b5cad' : '#d9e1ea'}" stroke="#ffffff" stroke-width="0.8"/>`
    })
    .join('')
  const pins = options.points
    .map((p) => projection([p.lon, p.lat]))
    .filter((xy): xy is [number, number] => xy !== null)
    .map(
      ([x, y]) =>
        `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="14" fill="#c8102e" stroke="#ffffff" stroke-width="5"/>`,
    )
    .join('')
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${SHARE_IMAGE_WIDTH}" height="${SHARE_IMAGE_HEIGHT}" viewBox="0 0 ${SHARE_IMAGE_WIDTH} ${SHARE_IMAGE_HEIGHT}"><rect width="100%" height="100%" fill="#eef3f8"/>${land}${pins}<rect x="0" y="${SHARE_IMAGE_HEIGHT - 14}" width="${SHARE_IMAGE_WIDTH}" height="14" fill="#c8102e"/></svg>`
  const png = Buffer.from(new Resvg(svg, { fitTo: { mode: 'original' } }).render().asPng())
  cache.set(options.key, png)
  return png
}
