import { useEffect, useId, useRef, useState } from 'react'
import { Form, Link, useFetcher, useLocation, useSubmit } from 'react-router'
import { BusinessListItem } from '~/components/business-list-item'
import { MapPanel } from '~/components/map/map-panel'
import { Pagination } from '~/components/pagination'
import { EmbedCode } from '~/components/search/embed-code'
import { SaveSearch } from '~/components/search/save-search'
import { useFocusReturn } from '~/components/search/use-focus-return'
import type { Locale } from '~/modules/i18n/locales'
import type { Translator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import type { ReferenceLabels } from '~/modules/reference/labels.server'
import type { FacetCounts, SearchResult } from '~/modules/search/engine'
import { facetValueLabel } from '~/modules/search/labels'
import {
  emptyFilters,
  hasFilters,
  type ListFacet,
  MAX_QUERY_LENGTH,
  type SearchParams,
  type SearchSort,
  toSearchParams,
} from '~/modules/search/params'

export type SearchPageProps = {
  q: string
  error: string | null
  errors: Record<string, string> | null
  params: SearchParams | null
  result: SearchResult | null
  labels: ReferenceLabels
  /** A page that is the search within one region: its path and the region it fixes. */
  scope?: SearchScope
  /** Shown under the heading instead of the directory's: a region page's name and summary. */
  heading?: React.ReactNode
}

export type SearchScope = { basePath: string; region: string }

/** Facet panels in the order a visitor narrows down: where, what, and what they seek with Russia. */
const panelOrder: ListFacet[] = ['country', 'sector', 'coop', 'offers', 'seeks', 'district', 'region', 'size']
const VISIBLE_VALUES = 8

/** A link to this search with other parameters; a scoped page keeps its fixed region in its path. */
function hrefIn(scope: SearchScope | null, params: SearchParams) {
  const query = toSearchParams(params)
  const base = scope ? scope.basePath : '/'
  if (scope) query.delete('region')
  const qs = query.toString()
  return qs ? `${base}?${qs}` : base
}

/**
 * The search page: a plain GET form (works without JavaScript: facets are checkboxes and an Apply
 * button), enhanced with suggestions while typing and instant updates when a filter or the sort changes.
 * The map column shows the same search: it reads the page's URL parameters.
 */
export function SearchPage({ q, error, errors, params, result, labels, scope, heading }: SearchPageProps) {
  const t = useT()
  const locale = useLocale()
  const submit = useSubmit()
  const formRef = useRef<HTMLFormElement>(null)
  useFocusReturn(formRef, useLocation().search)

  const onChange = (event: React.FormEvent<HTMLFormElement>) => {
    const target = event.target as HTMLElement
    // Typing waits for Enter or the button; a checkbox or the sort applies at once.
    if (target instanceof HTMLInputElement && target.type === 'checkbox') submit(event.currentTarget)
    if (target instanceof HTMLSelectElement) submit(event.currentTarget)
  }

  const within = scope ?? null
  const href = (next: SearchParams) => hrefIn(within, next)
  const basePath = within?.basePath ?? '/'
  const filtered = params ? hasFilters(withoutScope(params.filters, within), params.bbox) : false
  const panels = within
    ? panelOrder.filter((facet) => facet !== 'region' && facet !== 'district')
    : panelOrder
  return (
    <div className="search-page">
      {heading ?? <h1>{q && result ? t('directory.resultsFor', { q }) : t('directory.heading')}</h1>}
      {params && result ? <SaveSearch params={params} /> : null}
      <Form
        ref={formRef}
        method="get"
        action={basePath}
        role="search"
        className="search-layout"
        onChange={onChange}
      >
        <div className="search-bar">
          <SearchBox q={q} invalid={Boolean(errors?.q || error)} />
          <button type="submit">{t('search.submit')}</button>
          {params ? <SortSelect sort={params.sort} hasQuery={Boolean(params.q)} /> : null}
          {params?.bbox ? (
            <input
              type="hidden"
              name="bbox"
              value={[params.bbox.west, params.bbox.south, params.bbox.east, params.bbox.north].join(',')}
            />
          ) : null}
          {q || filtered ? (
            <Link to={basePath} className="search-reset">
              {t('search.reset')}
            </Link>
          ) : null}
        </div>
        {error ? (
          <p id="q-error" className="field-error search-error" role="alert">
            {error}
          </p>
        ) : null}
        {params && result ? (
          <aside className="search-facets" aria-label={t('search.facets.label')}>
            <h2 className="visually-hidden">{t('search.facets.label')}</h2>
            {panels.map((facet) => (
              <FacetPanel
                key={facet}
                facet={facet}
                counts={result.facets}
                selected={params.filters[facet]}
                labels={labels}
                locale={locale}
                t={t}
              />
            ))}
            <fieldset className="facet">
              <legend>{t('search.facet.verified')}</legend>
              <label className="facet-option">
                <input
                  key={`verified-${params.filters.verified}`}
                  type="checkbox"
                  name="verified"
                  value="1"
                  defaultChecked={params.filters.verified === true}
                />
                <span className="facet-label">{t('search.facet.verifiedOnly')}</span>
                <span className="facet-count">{result.facets.verified['1'] ?? 0}</span>
              </label>
            </fieldset>
            <noscript>
              <button type="submit" className="facet-apply">
                {t('search.apply')}
              </button>
            </noscript>
          </aside>
        ) : null}
        {params && result ? (
          <section className="search-results" aria-label={t('search.results.label')}>
            <ActiveFilters
              params={params}
              labels={labels}
              locale={locale}
              t={t}
              href={href}
              hidden={within?.region}
            />
            {result.correctedQuery ? (
              <p className="search-corrected">
                {t('search.corrected', { typed: params.q, q: result.correctedQuery })}
              </p>
            ) : null}
            <p className="result-count" aria-live="polite">
              {t.plural('businesses', result.total)}
            </p>
            {result.total > 0 ? <ExportLinks params={params} /> : null}
            {result.total > 0 ? <EmbedCode query={embedQuery(params)} /> : null}
            {result.hits.length === 0 ? (
              <EmptyState params={params} filtered={filtered} t={t} href={href} basePath={basePath} />
            ) : (
              <ol className="business-list">
                {result.hits.map((item) => (
                  <BusinessListItem key={item.id} item={item} labels={labels} />
                ))}
              </ol>
            )}
            <Pagination page={result.page} pages={result.pages} />
          </section>
        ) : null}
        <div className="search-map">
          <MapPanel
            sectorLabels={labels.sectors}
            fixedFilters={within ? { region: within.region } : undefined}
            areaBBox={
              params?.bbox ? [params.bbox.west, params.bbox.south, params.bbox.east, params.bbox.north] : null
            }
          />
        </div>
      </Form>
    </div>
  )
}

function SearchBox({ q, invalid }: { q: string; invalid: boolean }) {
  const t = useT()
  const listId = useId()
  const fetcher = useFetcher<{ suggestions: { id: number; label: string }[] }>()
  const [typed, setTyped] = useState(q)
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined)
  useEffect(() => () => clearTimeout(timer.current), [])
  const suggestions = typed.trim().length >= 2 ? (fetcher.data?.suggestions ?? []) : []
  return (
    <>
      <label htmlFor="q" className="visually-hidden">
        {t('search.label')}
      </label>
      {/* Uncontrolled, so text typed before the page's script has loaded is kept; a new URL remounts it. */}
      <input
        key={q}
        id="q"
        type="search"
        name="q"
        defaultValue={q}
        onChange={(event) => {
          const next = event.target.value
          setTyped(next)
          clearTimeout(timer.current)
          if (next.trim().length >= 2) {
            timer.current = setTimeout(() => {
              fetcher.load(`/api/v1/search/suggest?q=${encodeURIComponent(next.trim())}`)
            }, 150)
          }
        }}
        placeholder={t('search.placeholder')}
        maxLength={MAX_QUERY_LENGTH * 2}
        autoComplete="off"
        list={listId}
        aria-invalid={invalid ? true : undefined}
        aria-describedby={invalid ? 'q-error' : undefined}
      />
      <datalist id={listId} aria-label={t('search.suggestions')}>
        {suggestions.map((s) => (
          <option key={s.id} value={s.label} />
        ))}
      </datalist>
    </>
  )
}

function SortSelect({ sort, hasQuery }: { sort: SearchSort; hasQuery: boolean }) {
  const t = useT()
  const options: SearchSort[] = hasQuery ? ['relevance', 'name', 'newest'] : ['newest', 'name']
  return (
    <label className="search-sort">
      <span>{t('search.sort.label')}</span>
      <select key={sort} name="sort" defaultValue={sort}>
        {options.map((option) => (
          <option key={option} value={option}>
            {t(`search.sort.${option}`)}
          </option>
        ))}
      </select>
    </label>
  )
}

function FacetPanel({
  facet,
  counts,
  selected,
  labels,
  locale,
  t,
}: {
  facet: ListFacet
  counts: FacetCounts
  selected: string[]
  labels: ReferenceLabels
  locale: Locale
  t: Translator
}) {
  const values = new Map<string, number>(Object.entries(counts[facet]))
  for (const value of selected) if (!values.has(value)) values.set(value, 0)
  if (values.size === 0) return null
  const sorted = [...values.entries()].sort(
    (a, b) =>
      Number(selected.includes(b[0])) - Number(selected.includes(a[0])) ||
      b[1] - a[1] ||
      facetValueLabel(labels, facet, a[0], locale).localeCompare(
        facetValueLabel(labels, facet, b[0], locale),
        locale,
      ),
  )
  const option = ([value, n]: [string, number]) => (
    <li key={value}>
      <label className="facet-option">
        <input
          key={`${value}-${selected.includes(value)}`}
          type="checkbox"
          name={facet}
          value={value}
          defaultChecked={selected.includes(value)}
        />
        <span className="facet-label">{facetValueLabel(labels, facet, value, locale)}</span>
        <span className="facet-count">{n}</span>
      </label>
    </li>
  )
  const head = sorted.slice(0, VISIBLE_VALUES)
  const rest = sorted.slice(VISIBLE_VALUES)
  return (
    <fieldset className="facet">
      <legend>{t(`search.facet.${facet}`)}</legend>
      <ul className="facet-options">{head.map(option)}</ul>
      {rest.length > 0 ? (
        <details className="facet-more">
          <summary>{t('search.facet.more', { n: rest.length })}</summary>
          <ul className="facet-options">{rest.map(option)}</ul>
        </details>
      ) : null}
    </fieldset>
  )
}

function ActiveFilters({
  params,
  labels,
  locale,
  t,
  href,
  hidden,
}: {
  params: SearchParams
  labels: ReferenceLabels
  locale: Locale
  t: Translator
  href: (params: SearchParams) => string
  /** The region a scoped page fixes: it is the page, not a filter to remove. */
  hidden?: string
}) {
  const chips: { key: string; label: string; to: string }[] = []
  for (const facet of panelOrder) {
    for (const value of params.filters[facet]) {
      if (facet === 'region' && value === hidden) continue
      chips.push({
        key: `${facet}:${value}`,
        label: `${t(`search.facet.${facet}`)}: ${facetValueLabel(labels, facet, value, locale)}`,
        to: href({
          ...params,
          page: 1,
          filters: { ...params.filters, [facet]: params.filters[facet].filter((v) => v !== value) },
        }),
      })
    }
  }
  if (params.filters.verified !== null) {
    chips.push({
      key: 'verified',
      label: params.filters.verified ? t('search.facet.verifiedOnly') : t('search.facet.notVerified'),
      to: href({ ...params, page: 1, filters: { ...params.filters, verified: null } }),
    })
  }
  if (params.bbox) {
    chips.push({ key: 'bbox', label: t('search.chip.bbox'), to: href({ ...params, page: 1, bbox: null }) })
  }
  if (chips.length === 0) return null
  const cleared = href({
    ...params,
    page: 1,
    bbox: null,
    filters: emptyFilters(),
  })
  return (
    <div className="filter-chips">
      <h2 className="visually-hidden">{t('search.chips.label')}</h2>
      <ul aria-label={t('search.chips.label')}>
        {chips.map((chip) => (
          <li key={chip.key}>
            <Link to={chip.to} className="chip" aria-label={t('search.chip.remove', { label: chip.label })}>
              {chip.label} <span aria-hidden="true">×</span>
            </Link>
          </li>
        ))}
      </ul>
      {chips.length > 1 ? (
        <Link to={cleared} className="chips-clear">
          {t('search.clearFilters')}
        </Link>
      ) : null}
    </div>
  )
}

function EmptyState({
  params,
  filtered,
  t,
  href,
  basePath,
}: {
  params: SearchParams
  filtered: boolean
  t: Translator
  href: (params: SearchParams) => string
  basePath: string
}) {
  if (!params.q && !filtered) return <p className="empty-state">{t('directory.emptyAll')}</p>
  const withoutFilters = href({
    ...params,
    page: 1,
    bbox: null,
    filters: emptyFilters(),
  })
  return (
    <div className="empty-state" role="status">
      <h2>{t('search.empty.title')}</h2>
      <ul className="empty-hints">
        {filtered ? (
          <li>
            <Link to={withoutFilters}>
              {params.q ? t('search.empty.removeFilters', { q: params.q }) : t('search.empty.clearFilters')}
            </Link>
          </li>
        ) : null}
        {params.q ? <li>{t('search.empty.spelling')}</li> : null}
        {params.q ? <li>{t('search.empty.languages')}</li> : null}
        <li>
          <Link to={basePath}>{t('search.empty.all')}</Link>
        </li>
      </ul>
    </div>
  )
}

/** Downloads of exactly this search (same parameters, no paging). */
function ExportLinks({ params }: { params: SearchParams }) {
  const t = useT()
  const query = toSearchParams({ ...params, page: 1 })
  query.delete('page')
  query.delete('sort')
  const qs = query.toString()
  const href = (ext: string, extra = '') =>
    `/export.${ext}${qs || extra ? '?' : ''}${qs}${qs && extra ? '&' : ''}${extra}`
  return (
    <p className="export-links">
      <span>{t('export.label')}:</span>{' '}
      <a href={href('csv')} download>
        CSV
      </a>{' '}
      ·{' '}
      <a href={href('csv', 'sep=semicolon')} download>
        {t('export.csvSemicolon')}
      </a>{' '}
      ·{' '}
      <a href={href('xlsx')} download>
        XLSX
      </a>{' '}
      ·{' '}
      <a href={href('xlsx', 'sheets=country')} download>
        {t('export.xlsxByCountry')}
      </a>{' '}
      ·{' '}
      <a href={href('geojson')} download>
        GeoJSON
      </a>
    </p>
  )
}

/** The filters without a scoped page's own region, to tell whether the visitor narrowed anything. */
function withoutScope(filters: SearchParams['filters'], scope: SearchScope | null) {
  if (!scope) return filters
  return { ...filters, region: filters.region.filter((r) => r !== scope.region) }
}

/** The search an embed shows: this one, without paging, sorting or the area the visitor dragged to. */
function embedQuery(params: SearchParams) {
  const query = toSearchParams({ ...params, page: 1, bbox: null })
  query.delete('page')
  query.delete('sort')
  return query
}
