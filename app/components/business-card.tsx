import {
  cooperationKinds,
  messengers as messengerList,
  sizeBands,
  workingLanguages,
} from '#db/reference/cooperation'
import type { BusinessCard } from '~/modules/businesses/card.server'
import { pick } from '~/modules/i18n/locales'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import type { ReferenceLabels } from '~/modules/reference/labels.server'
import { businessDisplayName } from './business-list-item'
import { MapView } from './map/map-view'
import { VerificationNotes } from './verification-notes'

function labelOf(
  list: readonly { code: string; nameRu: string; nameEn: string }[],
  code: string,
  locale: 'ru' | 'en',
) {
  const entry = list.find((e) => e.code === code)
  return entry ? (locale === 'ru' ? entry.nameRu : entry.nameEn) : code
}

export function BusinessCardView({ card, labels }: { card: BusinessCard; labels: ReferenceLabels }) {
  const locale = useLocale()
  const t = useT()
  const name = businessDisplayName(locale, card)
  const otherName = locale === 'ru' ? card.nameEn : card.nameRu
  const description = pick(locale, card.descriptionRu, card.descriptionEn)
  const country = labels.countries[card.countryCode]?.[locale] ?? card.countryCode
  const messengerEntries = Object.entries(card.messengers).filter((e): e is [string, string] => Boolean(e[1]))
  const hasContacts = card.email || card.phone || messengerEntries.length > 0 || card.website

  const regionsByDistrict = new Map<string, string[]>()
  for (const code of card.regionCodes) {
    const region = labels.regions[code]
    if (!region) continue
    const list = regionsByDistrict.get(region.district) ?? []
    list.push(region[locale])
    regionsByDistrict.set(region.district, list)
  }

  return (
    <article className="business-card">
      <header>
        <h1>{name}</h1>
        {otherName && otherName !== name ? <p className="other-name">{otherName}</p> : null}
        {card.nameLocal && card.nameLocal !== name ? (
          <p className="local-name" lang={card.localLang ?? undefined}>
            {card.nameLocal}
          </p>
        ) : null}
        {card.status !== 'published' ? (
          <p className="badge-status" role="status">
            {t(`status.${card.status as 'draft' | 'pending' | 'returned' | 'archived'}`)}
          </p>
        ) : null}
        <VerificationNotes card={card} country={country} />
        <p className="business-place">{[card.city, country].filter(Boolean).join(', ')}</p>
        {card.lat !== null && card.lon !== null ? (
          <MapView mode="point" lat={card.lat} lon={card.lon} title={name} className="card-map" />
        ) : null}
        {card.sectorCodes.length > 0 ? (
          <ul className="sector-tags" aria-label={t('business.sectors')}>
            {card.sectorCodes.map((code) => (
              <li key={code}>{labels.sectors[code]?.[locale] ?? code}</li>
            ))}
          </ul>
        ) : null}
      </header>

      <section>
        <h2>{t('business.description')}</h2>
        {description ? <p className="description">{description}</p> : <p>{t('business.noDescription')}</p>}
        {card.keywords.length > 0 ? (
          <p>
            <strong>{t('business.keywords')}:</strong> {card.keywords.join(', ')}
          </p>
        ) : null}
      </section>

      <dl className="facts">
        {card.foundedYear ? (
          <>
            <dt>{t('business.founded')}</dt>
            <dd>{card.foundedYear}</dd>
          </>
        ) : null}
        {card.sizeBand ? (
          <>
            <dt>{t('business.size')}</dt>
            <dd>{labelOf(sizeBands, card.sizeBand, locale)}</dd>
          </>
        ) : null}
        {card.languages.length > 0 ? (
          <>
            <dt>{t('business.languages')}</dt>
            <dd>{card.languages.map((code) => labelOf(workingLanguages, code, locale)).join(', ')}</dd>
          </>
        ) : null}
        {card.address ? (
          <>
            <dt>{t('business.address')}</dt>
            <dd>{card.address}</dd>
          </>
        ) : null}
      </dl>

      <section>
        <h2>{t('business.contacts')}</h2>
        {hasContacts ? (
          <dl className="facts">
            {card.website ? (
              <>
                <dt>{t('business.website')}</dt>
                <dd>
                  <a href={card.website} rel="noopener noreferrer nofollow" target="_blank">
                    {card.website.replace(/^https?:\/\//, '')}
                  </a>
                </dd>
              </>
            ) : null}
            {card.email ? (
              <>
                <dt>{t('business.email')}</dt>
                <dd>
                  <a href={`mailto:${card.email}`}>{card.email}</a>
                </dd>
              </>
            ) : null}
            {card.phone ? (
              <>
                <dt>{t('business.phone')}</dt>
                <dd>
                  <a href={`tel:${card.phone}`}>{card.phone}</a>
                </dd>
              </>
            ) : null}
            {messengerEntries.length > 0 ? (
              <>
                <dt>{t('business.messengers')}</dt>
                <dd>
                  {messengerEntries
                    .map(
                      ([kind, handle]) =>
                        `${messengerList.find((m) => m.code === kind)?.name ?? kind}: ${handle}`,
                    )
                    .join(' · ')}
                </dd>
              </>
            ) : null}
          </dl>
        ) : null}
        {!card.email && !card.phone && messengerEntries.length === 0 ? (
          <p>{t('business.contactsHidden')}</p>
        ) : null}
      </section>

      {card.cooperationKinds.length > 0 || card.regionCodes.length > 0 ? (
        <section>
          <h2>{t('business.cooperation')}</h2>
          {card.cooperationKinds.length > 0 ? (
            <ul className="sector-tags" aria-label={t('business.cooperationKinds')}>
              {card.cooperationKinds.map((code) => (
                <li key={code}>{labelOf(cooperationKinds, code, locale)}</li>
              ))}
            </ul>
          ) : null}
          {regionsByDistrict.size > 0 ? (
            <dl className="facts">
              {[...regionsByDistrict].map(([district, names]) => (
                <div key={district} className="fact-row">
                  <dt>{labels.districts[district]?.[locale] ?? district}</dt>
                  <dd>{names.join(', ')}</dd>
                </div>
              ))}
            </dl>
          ) : null}
        </section>
      ) : null}
    </article>
  )
}
