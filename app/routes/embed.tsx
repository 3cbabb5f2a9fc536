import { Form, Link } from 'react-router'
import { getDb } from '#db/client.server'
import { BusinessListItem } from '~/components/business-list-item'
import { LinkTargetProvider } from '~/components/link-target'
import { MapPanel } from '~/components/map/map-panel'
import { Pagination } from '~/components/pagination'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { describeIssues } from '~/modules/search/errors'
import { parseSearchParams, toSearchParams } from '~/modules/search/params'
import { searchBusinesses } from '~/modules/search/service.server'
import type { Route } from './+types/embed'

/** The root layout leaves out the site's header and footer for this page. */
export const handle = { bare: true }

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data?.title ?? 'Карта российского бизнеса' }, { name: 'robots', content: 'noindex' }]
}

/**
 * /embed?…: the map and list of any search, compact, for a council's own site to put in an iframe
 * (see the "embed" dialog on the search page). Always the public view: inside another site's page
 * our session cookie is not sent, and what a council shows its visitors is the public directory.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const url = new URL(request.url)
  const db = await getDb()
  const labels = await loadReferenceLabels(db, { regions: true })
  const parsed = parseSearchParams(url.searchParams)
  if (!parsed.ok) {
    return {
      title: t('app.title'),
      error: Object.values(describeIssues(t, parsed.issues)).join(' '),
      params: null,
      result: null,
      labels,
    }
  }
  const result = await searchBusinesses(db, { ...parsed.value, locale, audience: 'public' })
  return { title: t('app.title'), error: null, params: parsed.value, result, labels }
}

export default function Embed({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const { params, result, labels, error } = loaderData
  const query = params ? toSearchParams(params) : new URLSearchParams()
  query.delete('page')
  const fullSearch = `/${query.size ? `?${query}` : ''}`
  // The embed code's own filters stay when a visitor types a search into the frame.
  const kept = [...query.entries()].filter(([name]) => name !== 'q' && name !== 'sort')
  return (
    <LinkTargetProvider value="_blank">
      <div className="embed">
        <header className="embed-bar">
          <Link to={fullSearch} target="_blank" rel="noopener" className="embed-brand">
            {t('app.title')}
          </Link>
          <Form method="get" action="/embed" role="search" className="embed-search">
            {kept.map(([name, value]) => (
              <input key={`${name}=${value}`} type="hidden" name={name} value={value} />
            ))}
            <label htmlFor="embed-q" className="visually-hidden">
              {t('search.label')}
            </label>
            <input id="embed-q" type="search" name="q" defaultValue={params?.q ?? ''} key={params?.q ?? ''} />
            <button type="submit">{t('search.submit')}</button>
          </Form>
          {result ? (
            <span className="result-count" aria-live="polite">
              {t.plural('businesses', result.total)}
            </span>
          ) : null}
        </header>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        {params && result ? (
          <div className="embed-body">
            <section className="embed-list" aria-label={t('search.results.label')}>
              <ol className="business-list">
                {result.hits.map((item) => (
                  <BusinessListItem key={item.id} item={item} labels={labels} />
                ))}
              </ol>
              <Pagination page={result.page} pages={result.pages} />
            </section>
            <div className="embed-map">
              <MapPanel
                sectorLabels={labels.sectors}
                areaBBox={
                  params.bbox
                    ? [params.bbox.west, params.bbox.south, params.bbox.east, params.bbox.north]
                    : null
                }
              />
            </div>
          </div>
        ) : null}
      </div>
    </LinkTargetProvider>
  )
}
