import { Link } from 'react-router'
import type { TradeMatch, TradeMatches } from '~/modules/businesses/matches.server'
import { byTaxonomyOrder, taxonomyLabel } from '~/modules/businesses/taxonomy'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import type { ReferenceLabels } from '~/modules/reference/labels.server'
import { businessDisplayName } from './business-list-item'

function CodeList({ codes, label }: { codes: string[]; label: string }) {
  const locale = useLocale()
  return (
    <ul className="trade-list" aria-label={label}>
      {[...codes].sort(byTaxonomyOrder).map((code) => (
        <li key={code}>{taxonomyLabel(code, locale)}</li>
      ))}
    </ul>
  )
}

/** "Offers / Seeks" of a listing, with the taxonomy's names in the viewer's language. */
export function TradeFacts({ offers, seeks }: { offers: string[]; seeks: string[] }) {
  const t = useT()
  if (offers.length === 0 && seeks.length === 0) return null
  return (
    <section className="trade-facts">
      <dl className="facts">
        {offers.length > 0 ? (
          <>
            <dt>{t('trade.offers')}</dt>
            <dd>
              <CodeList codes={offers} label={t('trade.offers')} />
            </dd>
          </>
        ) : null}
        {seeks.length > 0 ? (
          <>
            <dt>{t('trade.seeks')}</dt>
            <dd>
              <CodeList codes={seeks} label={t('trade.seeks')} />
            </dd>
          </>
        ) : null}
      </dl>
    </section>
  )
}

function searchHref(param: 'offers' | 'seeks', codes: string[]) {
  const q = new URLSearchParams()
  for (const c of codes) q.append(param, c)
  return `/?${q}`
}

function MatchList({
  heading,
  items,
  total,
  href,
  labels,
}: {
  heading: string
  items: TradeMatch[]
  total: number
  href: string
  labels: ReferenceLabels
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <div className="match-group">
      <h3>{heading}</h3>
      {items.length === 0 ? (
        <p>{t('trade.none')}</p>
      ) : (
        <>
          <ul className="match-list">
            {items.map((m) => (
              <li key={m.id}>
                <Link to={`/businesses/${m.id}`}>{businessDisplayName(locale, m)}</Link>
                {' · '}
                {[m.city, labels.countries[m.countryCode]?.[locale] ?? m.countryCode]
                  .filter(Boolean)
                  .join(', ')}
                {m.matchedCodes.length > 0 ? (
                  <span className="match-on">
                    {' · '}
                    {t('trade.matchOn', {
                      codes: m.matchedCodes.map((c) => taxonomyLabel(c, locale)).join(', '),
                    })}
                  </span>
                ) : null}
              </li>
            ))}
          </ul>
          <p>
            <Link to={href}>{t('trade.seeAll', { n: total })}</Link>
          </p>
        </>
      )}
    </div>
  )
}

/** "Matches": published listings that seek what this one offers, and that offer what it seeks. */
export function TradeMatchesView({
  offers,
  seeks,
  matches,
  labels,
}: {
  offers: string[]
  seeks: string[]
  matches: TradeMatches
  labels: ReferenceLabels
}) {
  const t = useT()
  if (offers.length === 0 && seeks.length === 0) return null
  return (
    <section className="trade-matches" aria-labelledby="trade-matches-heading">
      <h2 id="trade-matches-heading">{t('trade.matches')}</h2>
      {offers.length > 0 ? (
        <MatchList
          heading={t('trade.seekingOffers')}
          items={matches.seekingOffers.items}
          total={matches.seekingOffers.total}
          href={searchHref('seeks', offers)}
          labels={labels}
        />
      ) : null}
      {seeks.length > 0 ? (
        <MatchList
          heading={t('trade.offeringSeeks')}
          items={matches.offeringSeeks.items}
          total={matches.offeringSeeks.total}
          href={searchHref('offers', seeks)}
          labels={labels}
        />
      ) : null}
    </section>
  )
}
