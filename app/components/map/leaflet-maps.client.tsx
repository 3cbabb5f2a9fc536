import L from 'leaflet'
import { type RefObject, useCallback, useEffect, useId, useMemo, useRef, useState } from 'react'
import {
  CircleMarker,
  GeoJSON,
  MapContainer,
  Marker,
  Pane,
  Popup,
  TileLayer,
  Tooltip,
  useMap,
  useMapEvents,
  ZoomControl,
} from 'react-leaflet'
import { Link, useNavigation, useSearchParams } from 'react-router'
import { feature } from 'topojson-client'
import type { Topology } from 'topojson-specification'
import { useLinkTarget } from '~/components/link-target'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import type { MapFeature, MapResponse } from '~/modules/map/cluster'
import { type BBox, formatBBox, normalizeBounds } from '~/modules/map/query'
import type { TileConfig } from '~/modules/map/tiles.server'
import type { Labels } from '~/modules/reference/labels.server'

/** Asia-Pacific: what the home map shows first. Longitudes past 180 keep the Pacific in one piece. */
const REGION_BOUNDS: L.LatLngBoundsExpression = [
  [-47, 60],
  [55, 190],
]

// ---------------------------------------------------------------- base map

export type Countries = GeoJSON.FeatureCollection<
  GeoJSON.Geometry,
  { name?: string; a2: string | null; r: boolean }
>
let countriesPromise: Promise<Countries> | null = null

/** Natural Earth shapes from the app itself (never a third-party server), loaded once per page. */
export function loadCountries(): Promise<Countries> {
  countriesPromise ??= fetch('/map/countries.json')
    .then((r) => {
      if (!r.ok) throw new Error(`countries: ${r.status}`)
      return r.json() as Promise<Topology>
    })
    .then((topo) => {
      const object = topo.objects.countries
      if (!object) throw new Error('countries: no object')
      return feature(topo, object) as unknown as Countries
    })
    .catch((error) => {
      countriesPromise = null
      throw error
    })
  return countriesPromise
}

/**
 * The same shapes moved by `by` degrees (360: the copy east of the antimeridian, so the
 * Pacific reads as one ocean). Rings that cross the antimeridian (Fiji, Chukotka) are
 * unwrapped so that no edge jumps across the whole map.
 */
export function shifted(fc: Countries, by: number): Countries {
  // Antarctica's ring runs along the whole antimeridian by design: shift it, never unwrap it.
  let unwrap = true
  const move = (c: unknown): unknown => {
    const list = c as unknown[]
    if (typeof (list[0] as unknown[])[0] !== 'number') return list.map(move)
    let prev: number | null = null
    return (list as number[][]).map(([lon0 = 0, lat = 0]) => {
      let lon = lon0 + by
      if (prev !== null && unwrap) {
        while (lon - prev > 180) lon -= 360
        while (lon - prev < -180) lon += 360
      }
      prev = lon
      return [lon, lat]
    })
  }
  return {
    ...fc,
    features: fc.features.map((f) => {
      unwrap = f.properties.a2 !== 'AQ'
      return {
        ...f,
        geometry:
          'coordinates' in f.geometry
            ? ({ ...f.geometry, coordinates: move(f.geometry.coordinates) } as GeoJSON.Geometry)
            : f.geometry,
      }
    }),
  }
}

function countryStyle(f?: GeoJSON.Feature): L.PathOptions {
  const inRegion = Boolean((f?.properties as { r?: boolean } | undefined)?.r)
  return inRegion
    ? { color: '#7b6f58', weight: 1, fillColor: '#fbf6e9', fillOpacity: 1 }
    : { color: '#a9afb5', weight: 0.5, fillColor: '#e3e6e8', fillOpacity: 1 }
}

/**
 * Country shapes always drawn underneath (their own pane below the tiles), and
 * raster tiles over them when a tile server is configured. A tile that fails is
 * hidden, so the shapes show through instead of a grey box.
 */
export function BaseLayers({ tiles }: { tiles: TileConfig }) {
  const t = useT()
  const [countries, setCountries] = useState<Countries | null>(null)
  const [tileErrors, setTileErrors] = useState(0)
  const [tilesLoaded, setTilesLoaded] = useState(0)
  const renderer = useMemo(() => L.canvas({ pane: 'basemap', padding: 0.5 }), [])
  useEffect(() => {
    let live = true
    loadCountries()
      .then((c) => live && setCountries(c))
      .catch(() => {})
    return () => {
      live = false
    }
  }, [])
  const both = useMemo(
    () =>
      countries
        ? {
            type: 'FeatureCollection' as const,
            features: [...shifted(countries, 0).features, ...shifted(countries, 360).features],
          }
        : null,
    [countries],
  )
  return (
    <>
      <Pane name="basemap" style={{ zIndex: 150 }}>
        {both ? (
          <GeoJSON
            data={both}
            style={countryStyle}
            interactive={false}
            attribution={t('map.attributionOffline')}
            {...({ renderer } as object)}
          />
        ) : null}
      </Pane>
      {tiles ? (
        <TileLayer
          url={tiles.url}
          attribution={tiles.attribution}
          maxZoom={19}
          eventHandlers={{
            tileerror: (e) => {
              ;(e.tile as HTMLElement).style.visibility = 'hidden'
              setTileErrors((n) => n + 1)
            },
            tileload: () => setTilesLoaded((n) => n + 1),
          }}
        />
      ) : null}
      {tiles && tileErrors >= 4 && tilesLoaded === 0 ? (
        <div className="map-note" role="status">
          {t('map.tilesFailed')}
        </div>
      ) : null}
    </>
  )
}

/** Leaflet's zoom buttons with titles in the viewer's language. */
function LocalZoom() {
  const t = useT()
  return <ZoomControl position="topleft" zoomInTitle={t('map.zoomIn')} zoomOutTitle={t('map.zoomOut')} />
}

// ---------------------------------------------------------------- browse map

const FILTER_PARAMS = ['q', 'country', 'sector', 'region', 'district', 'coop', 'size', 'verified'] as const

/**
 * The page's search filters as the map API's query string (bbox and zoom are added per view), with
 * the filters a page fixes in its path (a region page's region) in place of the URL's.
 */
function filterQuery(params: URLSearchParams, fixed: Record<string, string> = {}) {
  const out = new URLSearchParams()
  for (const name of FILTER_PARAMS) {
    if (Object.hasOwn(fixed, name)) continue
    for (const v of params.getAll(name)) if (v) out.append(name, v)
  }
  for (const [name, value] of Object.entries(fixed)) out.set(name, value)
  return out
}

function clusterIcon(count: number, label: string) {
  const size = count < 10 ? 30 : count < 100 ? 36 : count < 1000 ? 42 : 50
  const text = count < 10_000 ? String(count) : `${Math.round(count / 1000)}k`
  return L.divIcon({
    className: 'map-cluster',
    html: `<span aria-hidden="true">${text}</span><span class="visually-hidden">${label}</span>`,
    iconSize: [size, size],
  })
}

/** A longitude moved by whole turns to the copy of the world nearest the view's centre. */
function nearLon(lon: number, centre: number) {
  return lon + 360 * Math.round((centre - lon) / 360)
}

type View = { bbox: BBox; zoom: number; centreLon: number }

function ViewTracker({ onView, onUserMove }: { onView: (v: View) => void; onUserMove: () => void }) {
  // The first fit (to the URL's area) is not the user's move: it must not offer "search this area".
  const settled = useRef(false)
  const map = useMapEvents({
    moveend: () => report(),
    dragstart: () => settled.current && onUserMove(),
    zoomstart: () => settled.current && onUserMove(),
  })
  const report = () => {
    const b = map.getBounds()
    onView({
      bbox: normalizeBounds(b.getWest(), b.getSouth(), b.getEast(), b.getNorth()),
      zoom: map.getZoom(),
      centreLon: map.getCenter().lng,
    })
  }
  // biome-ignore lint/correctness/useExhaustiveDependencies: report once on mount
  useEffect(() => {
    report()
    const timer = setTimeout(() => {
      settled.current = true
    }, 0)
    return () => clearTimeout(timer)
  }, [])
  return null
}

/** Highlights the listing the pointer or keyboard focus is on in the list (elements with data-business-id). */
function useListHighlight() {
  const [hl, setHl] = useState<{ id: number; lat: number; lon: number } | null>(null)
  useEffect(() => {
    const on = (e: Event) => {
      const el = (e.target as Element | null)?.closest?.('[data-business-id]') as HTMLElement | null
      if (!el) return
      const id = Number(el.dataset.businessId)
      const lat = Number(el.dataset.lat)
      const lon = Number(el.dataset.lon)
      if (Number.isFinite(id) && el.dataset.lat && Number.isFinite(lat) && Number.isFinite(lon))
        setHl({ id, lat, lon })
    }
    const off = (e: Event) => {
      const el = (e.target as Element | null)?.closest?.('[data-business-id]')
      const to = (e as MouseEvent).relatedTarget as Element | null
      if (el && !el.contains(to)) setHl(null)
    }
    document.addEventListener('mouseover', on)
    document.addEventListener('focusin', on)
    document.addEventListener('mouseout', off)
    document.addEventListener('focusout', off)
    return () => {
      document.removeEventListener('mouseover', on)
      document.removeEventListener('focusin', on)
      document.removeEventListener('mouseout', off)
      document.removeEventListener('focusout', off)
    }
  }, [])
  return hl
}

function FitArea({ bbox }: { bbox: BBox | null }) {
  const map = useMap()
  // biome-ignore lint/correctness/useExhaustiveDependencies: fit once, on the first render
  useEffect(() => {
    if (!bbox) return
    const [w, s, e, n] = bbox
    map.fitBounds([
      [s, w],
      [n, e < w ? e + 360 : e],
    ])
  }, [])
  return null
}

function Features({
  data,
  centreLon,
  sectorLabels,
  highlightId,
}: {
  data: MapFeature[]
  centreLon: number
  sectorLabels: Labels
  highlightId: number | null
}) {
  const t = useT()
  const linkTarget = useLinkTarget()
  const locale = useLocale()
  const map = useMap()
  const sectorName = (code: string | null) => (code ? (sectorLabels[code]?.[locale] ?? code) : '')
  return (
    <>
      {data.map((f) => {
        const [lon0, lat] = f.geometry.coordinates
        const lon = nearLon(lon0, centreLon)
        if (f.properties.cluster) {
          const p = f.properties
          const count = new Intl.NumberFormat(locale).format(p.count)
          const sectors = p.sectors.map(([code, n]) => `${sectorName(code)} (${n})`).join(', ')
          return (
            <Marker
              key={`c${p.id}`}
              position={[lat, lon]}
              icon={clusterIcon(p.count, t('map.cluster', { count }))}
              title={`${t('map.cluster', { count })}. ${t('map.clusterSectors', { sectors })}`}
              eventHandlers={{ click: () => map.setView([lat, lon], p.expansionZoom) }}
            >
              <Tooltip direction="top" offset={[0, -12]}>
                <strong>{count}</strong>
                <br />
                {t('map.clusterSectors', { sectors })}
              </Tooltip>
            </Marker>
          )
        }
        const p = f.properties
        const hot = p.id === highlightId
        return (
          <CircleMarker
            key={`p${p.id}`}
            center={[lat, lon]}
            radius={hot ? 11 : 7}
            pathOptions={{
              color: '#fff',
              weight: 2,
              fillColor: hot ? '#c8102e' : '#0b5cad',
              fillOpacity: 0.95,
            }}
            // className is read when the layer is created (pathOptions only restyle it).
            className={`map-point map-point-${p.id}`}
          >
            <Popup>
              <div className="map-popup">
                <strong>{p.name}</strong>
                {p.sector ? <div className="map-popup-sector">{sectorName(p.sector)}</div> : null}
                {p.verified ? <div className="map-popup-verified">✓ {t('business.verified')}</div> : null}
                <Link to={`/businesses/${p.id}`} {...linkTarget}>
                  {t('map.openCard')}
                </Link>
              </div>
            </Popup>
          </CircleMarker>
        )
      })}
    </>
  )
}

/**
 * The home page's map: clusters and points for the URL's filters, fetched per view from
 * /api/v1/map. Moving it offers "search this area", which writes `bbox` into the URL
 * (and so into the list's search); filters in the URL change both.
 */
export function BrowseMap({
  tiles,
  sectorLabels,
  areaBBox,
  fixedFilters,
  className,
}: {
  tiles: TileConfig
  sectorLabels: Labels
  areaBBox: BBox | null
  fixedFilters?: Record<string, string>
  className?: string
}) {
  const t = useT()
  const [params, setParams] = useSearchParams()
  const filters = filterQuery(params, fixedFilters).toString()
  const [view, setView] = useState<View | null>(null)
  const [result, setResult] = useState<MapResponse | null>(null)
  const [failed, setFailed] = useState(false)
  const [moved, setMoved] = useState(false)
  const highlight = useListHighlight()
  const request = useRef<AbortController | null>(null)
  const mapRef = useRef<L.Map | null>(null)
  // Any navigation (filters, sort, this map's area) closes an open popup first, for the same reason.
  const navigation = useNavigation()
  useEffect(() => {
    if (navigation.state !== 'idle') mapRef.current?.closePopup()
  }, [navigation.state])

  useEffect(() => {
    if (!view) return
    const query = new URLSearchParams(filters)
    query.set('bbox', formatBBox(view.bbox))
    query.set('zoom', String(Math.round(view.zoom)))
    request.current?.abort()
    const controller = new AbortController()
    request.current = controller
    const timer = setTimeout(() => {
      fetch(`/api/v1/map?${query}`, { signal: controller.signal })
        .then((r) =>
          r.ok ? (r.json() as Promise<MapResponse>) : Promise.reject(new Error(String(r.status))),
        )
        .then((body) => {
          setResult(body)
          setFailed(false)
        })
        .catch((error: unknown) => {
          if ((error as Error).name !== 'AbortError') setFailed(true)
        })
    }, 120)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [view, filters])

  const searchArea = () => {
    if (!view) return
    // An open popup (rendered by react-leaflet into Leaflet's own DOM) kept the list from showing the
    // new search's results in about half of the runs; the user has moved on from it anyway.
    mapRef.current?.closePopup()
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      next.set('bbox', formatBBox(view.bbox))
      next.delete('page')
      return next
    })
    setMoved(false)
  }
  const clearArea = () => {
    setParams((prev) => {
      const next = new URLSearchParams(prev)
      next.delete('bbox')
      next.delete('page')
      return next
    })
  }

  return (
    <section className={`map-view map-browse ${className ?? ''}`} aria-label={t('map.label')}>
      <MapContainer
        ref={mapRef}
        bounds={REGION_BOUNDS}
        minZoom={1}
        maxZoom={18}
        worldCopyJump={false}
        className="map-canvas"
        zoomControl={false}
      >
        <LocalZoom />
        <BaseLayers tiles={tiles} />
        <FitArea bbox={areaBBox} />
        <ViewTracker onView={setView} onUserMove={() => setMoved(true)} />
        {result && view ? (
          <Features
            data={result.features}
            centreLon={view.centreLon}
            sectorLabels={sectorLabels}
            highlightId={highlight?.id ?? null}
          />
        ) : null}
        {highlight && view ? (
          <CircleMarker
            center={[highlight.lat, nearLon(highlight.lon, view.centreLon)]}
            radius={16}
            interactive={false}
            pathOptions={{ color: '#c8102e', weight: 3, fill: false }}
            className="map-highlight"
          />
        ) : null}
      </MapContainer>
      <div className="map-actions">
        {moved ? (
          <button type="button" className="map-search-area" onClick={searchArea}>
            {t('map.searchArea')}
          </button>
        ) : null}
        {areaBBox ? (
          <button type="button" className="map-clear-area" onClick={clearArea}>
            {t('map.clearArea')}
          </button>
        ) : null}
      </div>
      {result?.truncated ? (
        <p className="map-note" role="status">
          {t('map.truncated')}
        </p>
      ) : null}
      {failed ? (
        <p className="map-note map-note-error" role="alert">
          {t('map.loadFailed')}
        </p>
      ) : null}
    </section>
  )
}

// ---------------------------------------------------------------- one point, and the picker

const pinIcon = (extra = '') =>
  L.divIcon({
    className: `map-pin ${extra}`,
    html: '<span></span>',
    iconSize: [24, 24],
    iconAnchor: [12, 24],
  })

export function PointMap({
  tiles,
  lat,
  lon,
  title,
  className,
}: {
  tiles: TileConfig
  lat: number
  lon: number
  title?: string
  className?: string
}) {
  const t = useT()
  return (
    <section className={`map-view map-point-view ${className ?? ''}`} aria-label={t('map.pointLabel')}>
      <MapContainer
        center={[lat, lon]}
        zoom={11}
        scrollWheelZoom={false}
        className="map-canvas"
        zoomControl={false}
      >
        <LocalZoom />
        <BaseLayers tiles={tiles} />
        <Marker position={[lat, lon]} icon={pinIcon()} title={title} keyboard={false} />
      </MapContainer>
    </section>
  )
}

function ClickToSet({
  onPick,
  label,
  hintId,
}: {
  onPick: (lat: number, lon: number) => void
  label: string
  hintId: string
}) {
  const map = useMapEvents({ click: (e) => onPick(e.latlng.lat, e.latlng.wrap().lng) })
  // Keyboard picking: Leaflet's own handler pans (arrows) and zooms (+/−) the focused map;
  // Enter or Space puts the point at the centre, under the crosshair the stylesheet draws.
  useEffect(() => {
    const container = map.getContainer()
    // Leaflet makes the container focusable but leaves it unnamed: say what it is and which keys work.
    container.setAttribute('role', 'group')
    container.setAttribute('aria-label', label)
    container.setAttribute('aria-describedby', hintId)
    const onKey = (e: KeyboardEvent) => {
      if (e.target !== container || (e.key !== 'Enter' && e.key !== ' ')) return
      e.preventDefault()
      const centre = map.getCenter()
      onPick(centre.lat, centre.wrap().lng)
    }
    container.addEventListener('keydown', onKey)
    return () => container.removeEventListener('keydown', onKey)
  }, [map, onPick, label, hintId])
  return null
}

/** Arrow keys on the focused marker move it by a few pixels (ten with Shift held: finer). */
const MARKER_STEP_PX = 20

function keyboardMove(marker: L.Marker, map: L.Map, onMoved: (ll: L.LatLng) => void) {
  const el = marker.getElement()
  if (!el) return () => {}
  const onKey = (e: KeyboardEvent) => {
    const step = e.shiftKey ? MARKER_STEP_PX / 4 : MARKER_STEP_PX
    const delta: Record<string, [number, number]> = {
      ArrowUp: [0, -step],
      ArrowDown: [0, step],
      ArrowLeft: [-step, 0],
      ArrowRight: [step, 0],
    }
    const d = delta[e.key]
    if (!d) return
    // Not Leaflet's too: its keyboard handler on the container would pan the map as well.
    e.preventDefault()
    e.stopPropagation()
    // project/unproject, not latLngToContainerPoint: that one rounds to whole pixels, which would
    // nudge the other coordinate too.
    const zoom = map.getZoom()
    onMoved(map.unproject(map.project(marker.getLatLng(), zoom).add(L.point(d[0], d[1])), zoom))
  }
  el.addEventListener('keydown', onKey)
  return () => el.removeEventListener('keydown', onKey)
}

/**
 * Brings a point set from outside the map (the city's coordinates, typed latitude/longitude) into
 * view, so a keyboard user pressing Enter on the map refines that point rather than jumping away.
 * The map's own picks (click, drag, keys) only pan when the marker would leave the view.
 */
function FollowValue({
  value,
  own,
}: {
  value: { lat: number; lon: number } | null
  own: RefObject<{ lat: number; lon: number } | null>
}) {
  const map = useMap()
  useEffect(() => {
    if (!value) return
    const at = L.latLng(value.lat, value.lon)
    if (map.getBounds().contains(at)) return
    const mine = own.current?.lat === value.lat && own.current?.lon === value.lon
    if (mine) map.panTo(at)
    else map.setView(at, Math.max(map.getZoom(), 11))
  }, [map, value, own])
  return null
}

function PickerMarker({
  value,
  title,
  onPick,
}: {
  value: { lat: number; lon: number }
  title: string
  onPick: (lat: number, lon: number) => void
}) {
  const map = useMap()
  const ref = useRef<L.Marker | null>(null)
  useEffect(() => {
    const marker = ref.current
    if (!marker) return
    return keyboardMove(marker, map, (ll) => onPick(ll.lat, ll.lng))
  }, [map, onPick])
  return (
    <Marker
      ref={ref}
      position={[value.lat, value.lon]}
      icon={pinIcon('map-pin-draggable')}
      title={title}
      alt={title}
      draggable
      eventHandlers={{
        dragend: (e) => {
          const ll = (e.target as L.Marker).getLatLng()
          onPick(ll.lat, ll.lng)
        },
      }}
    />
  )
}

const round6 = (v: number) => Math.round(v * 1e6) / 1e6

export function PickerMap({
  tiles,
  value,
  onChange,
  center,
  label,
}: {
  tiles: TileConfig
  value: { lat: number; lon: number } | null
  onChange: (v: { lat: number; lon: number } | null) => void
  center?: { lat: number; lon: number }
  label: string
}) {
  const t = useT()
  const start = value ?? center
  // Stable, so the keyboard listeners are not re-attached on every render.
  const changed = useRef(onChange)
  changed.current = onChange
  const own = useRef<{ lat: number; lon: number } | null>(null)
  const pick = useCallback((lat: number, lon: number) => {
    own.current = { lat: round6(lat), lon: round6(L.Util.wrapNum(lon, [-180, 180], true)) }
    changed.current(own.current)
  }, [])
  const hintId = useId()
  return (
    <section className="map-view map-picker" aria-label={label}>
      <p id={hintId} className="visually-hidden">
        {t('map.pickerKeys')}
      </p>
      <MapContainer
        center={start ? [start.lat, start.lon] : [15, 125]}
        zoom={start ? 11 : 3}
        className="map-canvas"
        zoomControl={false}
      >
        <LocalZoom />
        <BaseLayers tiles={tiles} />
        <ClickToSet onPick={pick} label={label} hintId={hintId} />
        <FollowValue value={value} own={own} />
        {value ? <PickerMarker value={value} title={t('map.pickerMarker')} onPick={pick} /> : null}
      </MapContainer>
    </section>
  )
}
