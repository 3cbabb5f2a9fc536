import { Link } from 'react-router'
import { getDb } from '#db/client.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { type RegionEntry, regionDirectory } from '~/modules/regions/regions.server'
import { audienceFor, viewerFromRequest } from '~/modules/search/viewer.server'
import type { Route } from './+types/regions'

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data?.title ?? 'Регионы России' }]
}

/** /regions: every federal subject, by federal district, with how many listings seek ties with it. */
export async function loader({ request }: Route.LoaderArgs) {
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const db = await getDb()
  const labels = await loadReferenceLabels(db, { regions: true })
  const audience = audienceFor(await viewerFromRequest(db, request))
  const directory = await regionDirectory(db, labels, { locale, audience })
  return { title: `${t('regions.title')} — ${t('app.title')}`, directory }
}

function RegionLink({ region }: { region: RegionEntry }) {
  const t = useT()
  const locale = useLocale()
  return (
    <li className={region.count ? 'region-item' : 'region-item region-empty'}>
      <Link to={`/regions/${region.code}`}>{region[locale]}</Link>{' '}
      <span className="region-count">{region.count ? region.count : t('regions.none')}</span>
    </li>
  )
}

export default function Regions({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const { directory } = loaderData
  return (
    <div className="regions-page">
      <h1>{t('regions.title')}</h1>
      <p className="regions-intro">{t('regions.intro')}</p>
      <section aria-labelledby="regions-featured">
        <h2 id="regions-featured">{t('regions.featured')}</h2>
        <ul className="region-list region-featured">
          {directory.featured.map((region) => (
            <RegionLink key={region.code} region={region} />
          ))}
        </ul>
      </section>
      {directory.districts.map((district) => (
        <section
          key={district.code}
          aria-labelledby={`district-${district.code}`}
          className="region-district"
        >
          <h2 id={`district-${district.code}`}>
            {district[locale]}{' '}
            <span className="region-count">{t('regions.districtTotal', { n: district.total })}</span>
          </h2>
          <ul className="region-list">
            {district.regions.map((region) => (
              <RegionLink key={region.code} region={region} />
            ))}
          </ul>
        </section>
      ))}
    </div>
  )
}
