import { Link } from 'react-router'
import { pick } from '~/modules/i18n/locales'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import type { ReferenceLabels } from '~/modules/reference/labels.server'
import { useLinkTarget } from './link-target'

export function businessDisplayName(
  locale: 'ru' | 'en',
  b: { nameRu: string | null; nameEn: string | null; nameLocal: string | null },
) {
  return pick(locale, b.nameRu, b.nameEn) ?? b.nameLocal ?? '—'
}

/** What a list item shows: a search hit or a directory row. */
export type ListItemData = {
  id: number
  nameRu: string | null
  nameEn: string | null
  nameLocal: string | null
  localLang: string | null
  countryCode: string
  city: string | null
  verified: boolean
  sectorCodes: string[]
  status?: string
  /** Where the map marks this listing, when the list sits beside a map. */
  lat?: number | null
  lon?: number | null
}

export function BusinessListItem({
  item,
  labels,
}: {
  item: ListItemData
  labels: Pick<ReferenceLabels, 'countries' | 'sectors'>
}) {
  const locale = useLocale()
  const t = useT()
  const linkTarget = useLinkTarget()
  const name = businessDisplayName(locale, item)
  const country = labels.countries[item.countryCode]?.[locale] ?? item.countryCode
  return (
    // The map highlights this listing's marker while the list item is hovered or focused.
    <li
      className="business-item"
      data-business-id={item.id}
      data-lat={item.lat ?? undefined}
      data-lon={item.lon ?? undefined}
    >
      <h2 className="business-item-title">
        <Link to={`/businesses/${item.id}`} {...linkTarget}>
          {name}
        </Link>
        {item.nameLocal && item.nameLocal !== name ? (
          <span className="local-name" lang={item.localLang ?? undefined}>
            {item.nameLocal}
          </span>
        ) : null}
        {item.verified ? (
          <span className="badge-verified" title={t('business.verifiedTitle')}>
            ✓ {t('business.verified')}
          </span>
        ) : null}
        {item.status === 'pending' || item.status === 'returned' ? (
          <span className="badge-status">
            {t(item.status === 'pending' ? 'search.status.pending' : 'search.status.returned')}
          </span>
        ) : null}
      </h2>
      <p className="business-item-place">
        {item.city ? `${item.city}, ` : ''}
        {country}
      </p>
      {item.sectorCodes.length > 0 ? (
        <ul className="sector-tags" aria-label={t('business.sectors')}>
          {item.sectorCodes.map((code) => (
            <li key={code}>{labels.sectors[code]?.[locale] ?? code}</li>
          ))}
        </ul>
      ) : null}
    </li>
  )
}
