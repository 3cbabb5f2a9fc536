import { Form, Link } from 'react-router'
import { LocalTime } from '~/components/local-time'
import { pick } from '~/modules/i18n/locales'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { readFilters, reviewedStates as states } from '~/modules/nominations/filters'
import { quotaTable } from '~/modules/nominations/forums.server'
import { councilNominations, getForum, quotaSummary } from '~/modules/nominations/read.server'
import { rankedNominations } from '~/modules/nominations/reviews.server'
import { forumContext, orRefuse, parseId } from '~/modules/nominations/route-context.server'
import type { Route } from './+types/forum'

export function meta() {
  return [{ title: 'Форум · Forum' }]
}

const chairActions: Record<string, ('shortlist' | 'accept' | 'decline')[]> = {
  submitted: ['shortlist', 'decline'],
  shortlisted: ['accept', 'decline'],
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, t, actor, countries, isCouncil, isReviewer, isChair } = await forumContext(request)
  const id = parseId(t, params.id)
  const forum = await orRefuse(t, () => getForum(db, id))
  const url = new URL(request.url)
  const filters = readFilters(url)
  const own = isCouncil ? await councilNominations(db, id, actor.councilIds) : []
  const quotas = isCouncil
    ? await Promise.all(countries.map(async (c) => ({ country: c, ...(await quotaSummary(db, id, c)) })))
    : []
  const ranked = isReviewer ? await rankedNominations(db, id, filters) : []
  const countryOptions = isReviewer ? (await quotaTable(db, id)).map((q) => q.code.trim()) : []
  return {
    forum: {
      id: forum.id,
      titleRu: forum.title_ru,
      titleEn: forum.title_en,
      year: forum.year,
      status: forum.status,
      placeRu: forum.place_ru,
      placeEn: forum.place_en,
      opensAt: forum.nominations_open_at ? new Date(forum.nominations_open_at).toISOString() : null,
      closesAt: forum.nominations_close_at ? new Date(forum.nominations_close_at).toISOString() : null,
    },
    isCouncil,
    isReviewer,
    isChair,
    own: own.map((n) => ({
      ...n,
      country_code: n.country_code.trim(),
      updated_at: new Date(n.updated_at).toISOString(),
    })),
    quotas,
    ranked,
    countryOptions,
    filters: {
      country: filters.country ?? '',
      status: filters.status ?? '',
      min: url.searchParams.get('min') ?? '',
    },
    query: url.search,
  }
}

export default function ForumPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const { forum, filters } = loaderData
  return (
    <div>
      <h1>
        {pick(locale, forum.titleRu, forum.titleEn)} ({forum.year})
      </h1>
      <p>
        {t('forum.status')}: {t(`forum.status.${forum.status}`)}
        {pick(locale, forum.placeRu, forum.placeEn) ? ` · ${pick(locale, forum.placeRu, forum.placeEn)}` : ''}
      </p>
      <p>
        {t('forum.window')}:{' '}
        {forum.opensAt ? <LocalTime iso={forum.opensAt} locale={locale} /> : t('forum.windowUnset')} —{' '}
        {forum.closesAt ? <LocalTime iso={forum.closesAt} locale={locale} /> : t('forum.windowUnset')}
      </p>
      {loaderData.isChair ? (
        <p>
          <Link to={`/forums/${forum.id}/edit`}>{t('forum.edit')}</Link>
        </p>
      ) : null}
      {loaderData.isCouncil ? (
        <section>
          <h2>{t('forum.myNominations')}</h2>
          {loaderData.quotas.map((q) => (
            <p key={q.country} data-testid="quota-line">
              {q.country}: {t('forum.quotaLine', { quota: q.quota, used: q.used, left: q.left })}
            </p>
          ))}
          <p>
            <Link to={`/forums/${forum.id}/nominations/new`}>{t('forum.nominate')}</Link>
          </p>
          {loaderData.own.length === 0 ? <p>{t('forum.noNominations')}</p> : null}
          <ul>
            {loaderData.own.map((n) => (
              <li key={n.id}>
                <Link to={`/nominations/${n.id}`}>
                  {t('nomination.title', { id: String(n.id) })}: {n.person_name} ·{' '}
                  {pick(locale, n.business_name_ru, n.business_name_en)}
                </Link>{' '}
                — <span className={`status status-${n.status}`}>{t(`nomination.status.${n.status}`)}</span>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {loaderData.isReviewer ? (
        <section>
          <h2>{t('forum.ranked')}</h2>
          <Form method="get" className="filters">
            <select name="country" defaultValue={filters.country} aria-label={t('forum.country')}>
              <option value="">{t('forum.allCountries')}</option>
              {loaderData.countryOptions.map((c) => (
                <option key={c} value={c}>
                  {c}
                </option>
              ))}
            </select>
            <select name="status" defaultValue={filters.status} aria-label={t('forum.status')}>
              <option value="">{t('forum.allStates')}</option>
              {states.map((s) => (
                <option key={s} value={s}>
                  {t(`nomination.status.${s}`)}
                </option>
              ))}
            </select>
            <label>
              {t('forum.minScore')}{' '}
              <input
                name="min"
                type="number"
                min={1}
                max={5}
                step={0.1}
                defaultValue={filters.min}
                size={4}
              />
            </label>
            <button type="submit">{t('forum.filter')}</button>
          </Form>
          <p>
            <a href={`/forums/${forum.id}/export.csv${loaderData.query}`} download>
              {t('forum.exportCsv')}
            </a>{' '}
            ·{' '}
            <a href={`/forums/${forum.id}/export.xlsx${loaderData.query}`} download>
              {t('forum.exportXlsx')}
            </a>
          </p>
          {loaderData.ranked.length === 0 ? (
            <p>{t('forum.noNominations')}</p>
          ) : (
            <table className="data-table" data-testid="ranked">
              <thead>
                <tr>
                  <th>№</th>
                  <th>{t('forum.country')}</th>
                  <th>{t('nomination.personName')}</th>
                  <th>{t('forum.status')}</th>
                  <th>{t('forum.average')}</th>
                  <th>{t('forum.spread')}</th>
                  <th>{t('forum.reviews')}</th>
                  {loaderData.isChair ? <th>{t('forum.decide')}</th> : null}
                </tr>
              </thead>
              <tbody>
                {loaderData.ranked.map((n) => (
                  <tr key={n.id}>
                    <td>
                      <Link to={`/nominations/${n.id}`}>{n.id}</Link>
                    </td>
                    <td>{n.countryCode.trim()}</td>
                    <td>{n.personName}</td>
                    <td>{t(`nomination.status.${n.status as (typeof states)[number]}`)}</td>
                    <td>{n.average ?? '—'}</td>
                    <td>{n.spread ?? '—'}</td>
                    <td>{n.reviews}</td>
                    {loaderData.isChair ? (
                      <td>
                        {/* Quick decisions; a note, return for changes and the reviews are on the nomination's page. */}
                        <Form method="post" action={`/nominations/${n.id}`} className="inline-form">
                          {(chairActions[n.status] ?? []).map((a) => (
                            <button key={a} type="submit" name="intent" value={a}>
                              {t(`nomination.${a}`)}
                            </button>
                          ))}
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      ) : null}
    </div>
  )
}
