import { lazy, useState } from 'react'
import { useT } from '~/modules/i18n/use-translation'
import type { BBox } from '~/modules/map/query'
import type { Labels } from '~/modules/reference/labels.server'
import { ClientOnly } from './client-only'
import { useMapTiles } from './use-map-tiles'

// Leaflet touches `window` on import: these load only in the browser, in their own chunk.
const BrowseMap = lazy(() => import('./leaflet-maps.client').then((m) => ({ default: m.BrowseMap })))
const PointMap = lazy(() => import('./leaflet-maps.client').then((m) => ({ default: m.PointMap })))
const PickerMap = lazy(() => import('./leaflet-maps.client').then((m) => ({ default: m.PickerMap })))

export type MapViewProps =
  | {
      /** Every listing matching the page's URL filters, clustered; in sync with the list. */
      mode: 'browse'
      sectorLabels: Labels
      /** The list's current "search this area" box, if any. */
      areaBBox?: BBox | null
      /** Filters the page fixes in its path rather than its query (a region page's region). */
      fixedFilters?: Record<string, string>
      className?: string
    }
  | {
      /** One listing's location (the business card). */
      mode: 'point'
      lat: number
      lon: number
      title?: string
      className?: string
    }

function Placeholder({ label, className }: { label: string; className?: string }) {
  const t = useT()
  return (
    <div className={`map-view map-placeholder ${className ?? ''}`} role="img" aria-label={label}>
      <span>{t('map.loading')}</span>
      <noscript>{t('map.noScript')}</noscript>
    </div>
  )
}

/** The app's map: `browse` for the home page, `point` for a card. Server-rendered as a placeholder. */
export function MapView(props: MapViewProps) {
  const t = useT()
  const tiles = useMapTiles()
  const label = props.mode === 'browse' ? t('map.label') : t('map.pointLabel')
  const fallback = <Placeholder label={label} className={props.className} />
  return (
    <ClientOnly fallback={fallback}>
      {() =>
        props.mode === 'browse' ? (
          <BrowseMap
            tiles={tiles}
            sectorLabels={props.sectorLabels}
            areaBBox={props.areaBBox ?? null}
            fixedFilters={props.fixedFilters}
            className={props.className}
          />
        ) : (
          <PointMap
            tiles={tiles}
            lat={props.lat}
            lon={props.lon}
            title={props.title}
            className={props.className}
          />
        )
      }
    </ClientOnly>
  )
}

export type PointValue = { lat: number; lon: number } | null

/**
 * Picks a point for a form: click the map or drag the marker. The value travels in
 * inputs named `latName`/`lonName` (hidden once the map runs; plain number inputs
 * before, so the form works without JavaScript too). Controlled (`value` +
 * `onChange`) or uncontrolled (`defaultValue`). With `withInputs={false}` it is the
 * map alone, for a form that has its own latitude/longitude fields (the listing
 * editor's location fieldset: `renderMapPicker={(p) => <PointPicker withInputs={false}
 * value={p.lat !== null && p.lon !== null ? { lat: p.lat, lon: p.lon } : null}
 * onChange={(v) => v && p.onPick(v.lat, v.lon)} />}`).
 */
export function PointPicker({
  value,
  defaultValue = null,
  onChange,
  latName = 'lat',
  lonName = 'lon',
  center,
  withInputs = true,
  className,
}: {
  value?: PointValue
  defaultValue?: PointValue
  onChange?: (value: PointValue) => void
  latName?: string
  lonName?: string
  /** Where to look when there is no point yet (e.g. the chosen city). */
  center?: { lat: number; lon: number }
  /** false: no inputs of its own (the form already has latitude/longitude fields). */
  withInputs?: boolean
  className?: string
}) {
  const t = useT()
  const tiles = useMapTiles()
  const [own, setOwn] = useState<PointValue>(defaultValue)
  const point = value === undefined ? own : value
  const set = (next: PointValue) => {
    if (value === undefined) setOwn(next)
    onChange?.(next)
  }
  const fmt = (v: number | undefined) => (v === undefined ? '' : String(Math.round(v * 1e6) / 1e6))
  const manual = (
    <div className="point-picker-fields">
      <label>
        {t('map.lat')}
        <input type="number" name={latName} step="any" min={-90} max={90} defaultValue={fmt(point?.lat)} />
      </label>
      <label>
        {t('map.lon')}
        <input type="number" name={lonName} step="any" min={-180} max={180} defaultValue={fmt(point?.lon)} />
      </label>
    </div>
  )
  return (
    <div className={`point-picker ${className ?? ''}`}>
      <ClientOnly fallback={withInputs ? manual : null}>
        {() => (
          <>
            <PickerMap
              tiles={tiles}
              value={point}
              onChange={set}
              center={center}
              label={t('map.pickerLabel')}
            />
            {withInputs ? (
              <>
                <input type="hidden" name={latName} value={fmt(point?.lat)} />
                <input type="hidden" name={lonName} value={fmt(point?.lon)} />
                <p className="point-picker-value" aria-live="polite">
                  {point ? `${t('map.lat')}: ${fmt(point.lat)}, ${t('map.lon')}: ${fmt(point.lon)}` : ''}
                </p>
              </>
            ) : null}
          </>
        )}
      </ClientOnly>
    </div>
  )
}
