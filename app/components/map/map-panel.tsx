import { useT } from '~/modules/i18n/use-translation'
import type { BBox } from '~/modules/map/query'
import type { Labels } from '~/modules/reference/labels.server'
import { MapView } from './map-view'

/** The home page's map column, beside the list (stacked above it on phones). */
export function MapPanel({
  sectorLabels,
  areaBBox,
  fixedFilters,
}: {
  sectorLabels: Labels
  areaBBox: BBox | null
  fixedFilters?: Record<string, string>
}) {
  const t = useT()
  return (
    <aside className="directory-map">
      <MapView mode="browse" sectorLabels={sectorLabels} areaBBox={areaBBox} fixedFilters={fixedFilters} />
      {areaBBox ? <p className="map-area-note">{t('map.areaActive')}</p> : null}
    </aside>
  )
}
