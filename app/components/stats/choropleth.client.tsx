import type L from 'leaflet'
import { useEffect, useState } from 'react'
import { GeoJSON, MapContainer } from 'react-leaflet'
import { type Countries, loadCountries, shifted } from '~/components/map/leaflet-maps.client'

const SHADES = ['#e8f0fa', '#b9d3ef', '#7fb0e0', '#3f86c9', '#0b5cad', '#073e75']

function shade(count: number, max: number) {
  if (count <= 0 || max <= 0) return '#f4f1ea'
  const step = Math.min(
    SHADES.length - 1,
    Math.floor((Math.log1p(count) / Math.log1p(max)) * (SHADES.length - 1)),
  )
  return SHADES[step] ?? SHADES[0]
}

/** The region's countries shaded by how many listings each has (offline shapes, no tiles). */
export function Choropleth({
  counts,
  names,
  label,
}: {
  counts: Record<string, number>
  names: Record<string, string>
  label: string
}) {
  const [countries, setCountries] = useState<Countries | null>(null)
  useEffect(() => {
    // Unwrapped across the antimeridian, with the copy east of it, so the Pacific reads as one ocean.
    loadCountries().then(
      (c) => setCountries({ ...c, features: [...shifted(c, 0).features, ...shifted(c, 360).features] }),
      () => setCountries(null),
    )
  }, [])
  const max = Math.max(0, ...Object.values(counts))
  const style = (f?: GeoJSON.Feature): L.PathOptions => {
    const code = (f?.properties as { a2?: string | null } | undefined)?.a2 ?? ''
    const inRegion = Boolean((f?.properties as { r?: boolean } | undefined)?.r)
    return {
      color: inRegion ? '#7b6f58' : '#b9bec3',
      weight: inRegion ? 1 : 0.4,
      fillColor: inRegion ? shade(counts[code] ?? 0, max) : '#e3e6e8',
      fillOpacity: 1,
    }
  }
  return (
    // A figure, not role="img": the map inside has focusable zoom buttons (the figures are also in the tables).
    <figure className="choropleth" aria-label={label}>
      <MapContainer
        center={[10, 115]}
        zoom={2}
        minZoom={1}
        maxZoom={6}
        scrollWheelZoom={false}
        style={{ height: '100%', background: '#c9dcec' }}
        attributionControl={false}
      >
        {countries ? (
          <GeoJSON
            data={countries}
            style={style}
            onEachFeature={(f, layer) => {
              const code = (f.properties as { a2?: string | null }).a2 ?? ''
              if (counts[code] !== undefined) layer.bindTooltip(`${names[code] ?? code}: ${counts[code]}`)
            }}
          />
        ) : null}
      </MapContainer>
    </figure>
  )
}
