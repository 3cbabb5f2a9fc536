import { lazy } from 'react'
import { getDb } from '#db/client.server'
import { cooperationKinds } from '#db/reference/cooperation'
import { ClientOnly } from '~/components/map/client-only'
import { getCurrentUser, hasRole } from '~/modules/accounts/guard.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { statisticsFor } from '~/modules/stats/summary.server'
import type { Route } from './+types/stats'

const Charts = {
  HorizontalBars: lazy(() =>
    import('~/components/stats/charts.client').then((m) => ({ default: m.HorizontalBars })),
  ),
  GrowthChart: lazy(() =>
    import('~/components/stats/charts.client').then((m) => ({ default: m.GrowthChart })),
  ),
  Choropleth: lazy(() =>
    import('~/components/stats/choropleth.client').then((m) => ({ default: m.Choropleth })),
  ),
}

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data?.title ?? 'Статистика' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  const t = makeTranslator(await getLocale(request))
  const user = await getCurrentUser(db, request)
  // The working group and admins see the moderation pipeline; everyone else the public summary.
  const staff = hasRole(user, 'wg_member', 'wg_chair', 'admin')
  const [stats, labels] = await Promise.all([
    statisticsFor(db, staff),
    loadReferenceLabels(db, { regions: true }),
  ])
  return { stats, labels, title: `${t('stats.title')} — ${t('app.title')}` }
}

function ChartSlot({ children }: { children: () => React.ReactNode }) {
  const t = useT()
  return (
    <ClientOnly fallback={<p className="chart-placeholder">{t('stats.chartLoading')}</p>}>
      {children}
    </ClientOnly>
  )
}

export default function Statistics({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const { stats, labels } = loaderData
  const country = (code: string) => labels.countries[code]?.[locale] ?? code
  const sector = (code: string) => labels.sectors[code]?.[locale] ?? code
  const kind = (code: string) => {
    const k = cooperationKinds.find((c) => c.code === code)
    return k ? (locale === 'ru' ? k.nameRu : k.nameEn) : code
  }
  const region = (code: string) => labels.regions[code]?.[locale] ?? code
  const counts = Object.fromEntries(stats.countries.map((c) => [c.code, c.published]))
  const names = Object.fromEntries(stats.countries.map((c) => [c.code, country(c.code)]))

  return (
    <div className="stats-page">
      <h1>{t('stats.title')}</h1>
      <p>{t('stats.intro')}</p>
      {stats.staff ? <p className="note">{t('stats.staffNote')}</p> : null}
      <p className="stats-total">{t('stats.total', { n: stats.totalPublished })}</p>

      <section aria-labelledby="stats-map">
        <h2 id="stats-map">{t('stats.map')}</h2>
        <ChartSlot>
          {() => <Charts.Choropleth counts={counts} names={names} label={t('stats.map')} />}
        </ChartSlot>
      </section>

      <section aria-labelledby="stats-country">
        <h2 id="stats-country">{t('stats.byCountry')}</h2>
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.col.country')}</th>
              <th scope="col">{t('stats.col.published')}</th>
              <th scope="col">{t('stats.col.verified')}</th>
              {stats.staff ? <th scope="col">{t('stats.col.pending')}</th> : null}
              {stats.staff ? <th scope="col">{t('stats.col.returned')}</th> : null}
            </tr>
          </thead>
          <tbody>
            {stats.countries.map((c) => (
              <tr key={c.code}>
                <th scope="row">{country(c.code)}</th>
                <td>{c.published}</td>
                <td>{c.verified}</td>
                {'pending' in c ? <td>{Number(c.pending)}</td> : null}
                {'returned' in c ? <td>{Number(c.returned)}</td> : null}
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      <section aria-labelledby="stats-sector">
        <h2 id="stats-sector">{t('stats.bySector')}</h2>
        <ChartSlot>
          {() => (
            <Charts.HorizontalBars
              name={t('stats.col.count')}
              data={stats.sectors.map((s) => ({ label: sector(s.code), value: s.count }))}
            />
          )}
        </ChartSlot>
        <CountTable rows={stats.sectors} label={sector} head={t('stats.col.sector')} />
      </section>

      <section aria-labelledby="stats-coop">
        <h2 id="stats-coop">{t('stats.byCooperation')}</h2>
        <ChartSlot>
          {() => (
            <Charts.HorizontalBars
              name={t('stats.col.count')}
              data={stats.cooperation.map((s) => ({ label: kind(s.code), value: s.count }))}
            />
          )}
        </ChartSlot>
        <CountTable rows={stats.cooperation} label={kind} head={t('stats.col.kind')} />
      </section>

      <section aria-labelledby="stats-growth">
        <h2 id="stats-growth">{t('stats.growth')}</h2>
        <ChartSlot>
          {() => (
            <Charts.GrowthChart
              data={stats.growth}
              addedName={t('stats.col.added')}
              totalName={t('stats.col.total')}
            />
          )}
        </ChartSlot>
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">{t('stats.col.month')}</th>
              <th scope="col">{t('stats.col.added')}</th>
              <th scope="col">{t('stats.col.total')}</th>
            </tr>
          </thead>
          <tbody>
            {stats.growth.map((g) => (
              <tr key={g.month}>
                <th scope="row">{g.month}</th>
                <td>{g.added}</td>
                <td>{g.total}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>

      {stats.regions ? (
        <section aria-labelledby="stats-region">
          <h2 id="stats-region">{t('stats.byRegion')}</h2>
          <CountTable rows={stats.regions} label={region} head={t('stats.col.region')} />
        </section>
      ) : null}

      {stats.speed ? (
        <section aria-labelledby="stats-speed">
          <h2 id="stats-speed">{t('stats.moderation')}</h2>
          <table className="stats-table">
            <thead>
              <tr>
                <th scope="col">{t('stats.col.country')}</th>
                <th scope="col">{t('stats.col.moderated')}</th>
                <th scope="col">{t('stats.col.median')}</th>
                <th scope="col">{t('stats.col.p90')}</th>
              </tr>
            </thead>
            <tbody>
              {stats.speed.map((s) => (
                <tr key={s.code}>
                  <th scope="row">{country(s.code)}</th>
                  <td>{s.moderated}</td>
                  <td>{s.medianHours ?? '—'}</td>
                  <td>{s.p90Hours ?? '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  )
}

function CountTable({
  rows,
  label,
  head,
}: {
  rows: { code: string; count: number }[]
  label: (code: string) => string
  head: string
}) {
  const t = useT()
  if (rows.length === 0) return <p>{t('stats.empty')}</p>
  return (
    <table className="stats-table">
      <thead>
        <tr>
          <th scope="col">{head}</th>
          <th scope="col">{t('stats.col.count')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.code}>
            <th scope="row">{label(r.code)}</th>
            <td>{r.count}</td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}
