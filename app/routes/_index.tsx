import { data, Form, Link } from 'react-router'
import { getDb } from '#db/client.server'
import { BusinessListItem } from '~/components/business-list-item'
import { MapPanel } from '~/components/map/map-panel'
import { Pagination } from '~/components/pagination'
import { listPublished } from '~/modules/businesses/directory.server'
import { MAX_PAGE, MAX_QUERY_LENGTH, parseDirectoryQuery } from '~/modules/businesses/directory-query'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import { parseOptionalBBox } from '~/modules/map/query'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import type { Route } from './+types/_index'

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data?.title ?? 'Карта российского бизнеса' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const url = new URL(request.url)
  const parsed = parseDirectoryQuery(url.searchParams)
  const area = parseOptionalBBox(url.searchParams)
  const db = await getDb()
  const labels = await loadReferenceLabels(db)
  if (!parsed.ok || !area.ok) {
    const error = !area.ok
      ? t('map.error.bbox')
      : parsed.ok || parsed.field === 'q'
        ? t('validation.query', { max: MAX_QUERY_LENGTH })
        : t('validation.page', { max: MAX_PAGE })
    const q = parsed.ok ? parsed.query.q : parsed.raw.q
    return data({ title: t('app.title'), q, error, result: null, labels, bbox: null }, { status: 400 })
  }
  const result = await listPublished(db, { ...parsed.query, bbox: area.value })
  return { title: t('app.title'), q: parsed.query.q, error: null, result, labels, bbox: area.value }
}

export default function Directory({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const { q, error, result, labels, bbox } = loaderData
  return (
    <div className="directory has-map">
      <h1>{q && result ? t('directory.resultsFor', { q }) : t('directory.heading')}</h1>
      <Form method="get" className="search-form" role="search">
        <label htmlFor="q" className="visually-hidden">
          {t('search.label')}
        </label>
        <input
          id="q"
          type="search"
          name="q"
          defaultValue={q}
          placeholder={t('search.placeholder')}
          maxLength={MAX_QUERY_LENGTH * 2}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'q-error' : undefined}
        />
        <button type="submit">{t('search.submit')}</button>
        {/* The map's "search this area" box stays with a new query. */}
        {bbox ? <input type="hidden" name="bbox" value={bbox.join(',')} /> : null}
        {q ? (
          <Link to="/" className="search-reset">
            {t('search.reset')}
          </Link>
        ) : null}
      </Form>
      {error ? (
        <p id="q-error" className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      {result ? (
        <>
          <p className="result-count" aria-live="polite">
            {t.plural('businesses', result.total)}
          </p>
          {result.items.length === 0 ? (
            <p className="empty-state">{q ? t('directory.empty') : t('directory.emptyAll')}</p>
          ) : (
            <ol className="business-list">
              {result.items.map((item) => (
                <BusinessListItem key={item.id} item={item} labels={labels} />
              ))}
            </ol>
          )}
          <Pagination page={result.page} pages={result.pages} />
        </>
      ) : null}
      {/* Last in reading order: the list is the keyboard and screen-reader path; CSS puts the map beside it. */}
      <MapPanel sectorLabels={labels.sectors} areaBBox={bbox} />
    </div>
  )
}
