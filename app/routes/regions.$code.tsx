import { data, Link } from 'react-router'
import { getDb } from '#db/client.server'
import { SearchPage } from '~/components/search/search-page'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import type { FacetCounts } from '~/modules/search/engine'
import { describeIssues } from '~/modules/search/errors'
import { facetValueLabel } from '~/modules/search/labels'
import { parseSearchParams, toSearchParams } from '~/modules/search/params'
import { searchBusinesses } from '~/modules/search/service.server'
import { audienceFor, viewerFromRequest } from '~/modules/search/viewer.server'
import { type ShareInfo, shareMeta } from '~/modules/seo/share-meta'
import { siteUrl } from '~/modules/seo/site-url.server'
import type { Route } from './+types/regions.$code'

export function meta({ data }: Route.MetaArgs) {
  if (!data) return [{ title: 'Регионы России' }]
  return [{ title: data.title }, ...shareMeta(data.share)]
}

/**
 * /regions/RU-PRI: the main search, fixed to the listings that name this region, so a region's
 * officials get their list (and its exports) without knowing the search's parameters.
 */
export async function loader({ request, params }: Route.LoaderArgs) {
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const db = await getDb()
  const labels = await loadReferenceLabels(db, { regions: true })
  const code = params.code.toUpperCase()
  const region = labels.regions[code]
  if (!region) throw data(t('regions.notFound'), { status: 404 })
  // Old or hand-typed links in lower case land on the one address of the page.
  if (code !== params.code) {
    const url = new URL(request.url)
    throw new Response(null, { status: 301, headers: { Location: `/regions/${code}${url.search}` } })
  }
  const district = { code: region.district, ...(labels.districts[region.district] ?? { ru: '', en: '' }) }
  const title = `${region[locale]} — ${t('regions.title')} — ${t('app.title')}`
  const origin = siteUrl(request)
  const share = (count: number): ShareInfo => ({
    title: `${region[locale]} — ${t('regions.title')}`,
    description: t('seo.regionSummary', { region: region[locale], n: count }),
    url: `${origin}/regions/${code}`,
    image: `${origin}/og/region/${code}`,
    locale,
    siteName: t('app.title'),
  })
  const base = { title, region: { code, ru: region.ru, en: region.en }, district, labels }
  const query = new URL(request.url).searchParams
  query.delete('region')
  const parsed = parseSearchParams(query)
  if (!parsed.ok) {
    const errors = describeIssues(t, parsed.issues)
    return data(
      {
        ...base,
        share: share(0),
        q: parsed.raw.q ?? '',
        error: Object.values(errors).join(' '),
        errors,
        params: null,
        result: null,
      },
      { status: 400 },
    )
  }
  const searchParams = { ...parsed.value, filters: { ...parsed.value.filters, region: [code] } }
  const result = await searchBusinesses(db, {
    ...searchParams,
    locale,
    audience: audienceFor(await viewerFromRequest(db, request)),
  })
  return {
    ...base,
    share: share(result.total),
    q: searchParams.q,
    error: null,
    errors: null,
    params: searchParams,
    result,
  }
}

/** The region's listings by country and by sector: each line narrows the list below to it. */
function RegionSummary({
  facets,
  basePath,
  query,
  labels,
}: {
  facets: FacetCounts
  basePath: string
  query: URLSearchParams
  labels: Route.ComponentProps['loaderData']['labels']
}) {
  const t = useT()
  const locale = useLocale()
  const groups = [
    { facet: 'country' as const, heading: t('regions.summary.countries') },
    { facet: 'sector' as const, heading: t('regions.summary.sectors') },
  ]
  return (
    <nav className="region-summary" aria-label={t('regions.summary.label')}>
      {groups.map(({ facet, heading }) => {
        const entries = Object.entries(facets[facet]).sort((a, b) => b[1] - a[1])
        if (entries.length === 0) return null
        return (
          <section key={facet}>
            <h2>{heading}</h2>
            <ul>
              {entries.map(([value, n]) => {
                const next = new URLSearchParams(query)
                next.delete('page')
                next.delete(facet)
                next.append(facet, value)
                return (
                  <li key={value}>
                    <Link to={`${basePath}?${next}`}>{facetValueLabel(labels, facet, value, locale)}</Link>{' '}
                    <span className="region-count">{n}</span>
                  </li>
                )
              })}
            </ul>
          </section>
        )
      })}
    </nav>
  )
}

export default function RegionPage({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const { region, district, params, result, labels } = loaderData
  const basePath = `/regions/${region.code}`
  const query = params ? toSearchParams(params) : new URLSearchParams()
  query.delete('region')
  const heading = (
    <header className="region-header">
      <p>
        <Link to="/regions">{t('regions.back')}</Link>
      </p>
      <h1>{region[locale]}</h1>
      <p className="region-lead">
        {t('regions.lead')} · {district[locale]}
      </p>
      {result && !params?.q && result.total > 0 ? (
        <RegionSummary facets={result.facets} basePath={basePath} query={query} labels={labels} />
      ) : null}
    </header>
  )
  return (
    <SearchPage
      q={loaderData.q}
      error={loaderData.error}
      errors={loaderData.errors}
      params={params}
      result={result}
      labels={labels}
      scope={{ basePath, region: region.code }}
      heading={heading}
    />
  )
}
