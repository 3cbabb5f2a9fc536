import { data, Link } from 'react-router'
import { getDb } from '#db/client.server'
import { requireRole } from '~/modules/accounts/guard.server'
import { getLocale } from '~/modules/i18n/locale.server'
import type { MessageKey } from '~/modules/i18n/messages'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { getSettings } from '~/modules/settings/settings.server'
import { type UpkeepItem, upkeepCountries, upkeepOverview } from '~/modules/upkeep/dashboard.server'
import { formatDay } from '~/modules/upkeep/dates'
import type { Route } from './+types/upkeep'

export function meta() {
  return [{ title: 'Актуальность карточек · Listing upkeep' }]
}

/** Coordinators see their councils' countries; the working group and admins every country. */
export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  const locale = await getLocale(request)
  const user = await requireRole(db, request, 'council_coordinator', 'wg_member', 'wg_chair', 'admin')
  const countries = upkeepCountries(user)
  if (countries !== 'all' && countries.length === 0)
    throw data(makeTranslator(locale)('moderation.noCountries'), { status: 403 })
  const [overview, settings, labels] = await Promise.all([
    upkeepOverview(db, countries, locale),
    getSettings(db),
    loadReferenceLabels(db, {}),
  ])
  return { overview, months: settings.verificationValidityMonths, countryNames: labels.countries }
}

function UpkeepTable({
  title,
  dateLabel,
  list,
  countryNames,
}: {
  title: MessageKey
  dateLabel: MessageKey
  list: { total: number; items: UpkeepItem[] }
  countryNames: Route.ComponentProps['loaderData']['countryNames']
}) {
  const t = useT()
  const locale = useLocale()
  return (
    <section aria-labelledby={`upkeep-${title}`}>
      <h2 id={`upkeep-${title}`}>
        {t(title)} ({list.total})
      </h2>
      {list.items.length === 0 ? (
        <p className="empty-state">{t('upkeep.dashboard.none')}</p>
      ) : (
        <table className="upkeep-table">
          <thead>
            <tr>
              <th scope="col">{t('upkeep.dashboard.listing')}</th>
              <th scope="col">{t('upkeep.dashboard.country')}</th>
              <th scope="col">{t(dateLabel)}</th>
            </tr>
          </thead>
          <tbody>
            {list.items.map((item) => (
              <tr key={item.id}>
                <td>
                  <Link to={`/businesses/${item.id}`}>{item.name}</Link>
                  {item.ownerless ? (
                    <span className="field-hint"> · {t('upkeep.dashboard.ownerless')}</span>
                  ) : null}
                </td>
                <td>{countryNames[item.countryCode]?.[locale] ?? item.countryCode}</td>
                <td>{formatDay(item.date, locale)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {list.total > list.items.length ? (
        <p className="field-hint">
          {t('upkeep.dashboard.more', { shown: list.items.length, total: list.total })}
        </p>
      ) : null}
    </section>
  )
}

export default function Upkeep({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const { overview, countryNames } = loaderData
  return (
    <div className="upkeep-page">
      <h1>{t('upkeep.dashboard.title')}</h1>
      <p>{t('upkeep.dashboard.intro', { months: loaderData.months })}</p>
      <UpkeepTable
        title="upkeep.dashboard.expiring"
        dateLabel="upkeep.dashboard.expiresOn"
        list={overview.expiring}
        countryNames={countryNames}
      />
      <UpkeepTable
        title="upkeep.dashboard.stale"
        dateLabel="upkeep.dashboard.confirmedOn"
        list={overview.stale}
        countryNames={countryNames}
      />
      <UpkeepTable
        title="upkeep.dashboard.expired"
        dateLabel="upkeep.dashboard.expiredOn"
        list={overview.expired}
        countryNames={countryNames}
      />
    </div>
  )
}
