import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { FormNotice } from '~/components/form-field'
import { requireUser } from '~/modules/accounts/guard.server'
import { parseFrequency, parseId, parseName } from '~/modules/alerts/form'
import { frequencies, MAX_NAME_LENGTH, MAX_SAVED_SEARCHES } from '~/modules/alerts/limits'
import {
  canonicalQuery,
  createSavedSearch,
  deleteSavedSearch,
  listSavedSearches,
  renameSavedSearch,
  savedSearchPath,
  setSavedSearchFrequency,
} from '~/modules/alerts/saved-searches.server'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { facetValueLabel } from '~/modules/search/labels'
import { listFacets } from '~/modules/search/params'
import type { Route } from './+types/searches'

export function meta() {
  return [{ title: 'Мои поиски · My searches' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  const user = await requireUser(db, request)
  const searches = await listSavedSearches(db, user.id)
  const labels = await loadReferenceLabels(db, { regions: true })
  return {
    labels,
    searches: searches.map((s) => ({
      id: s.id,
      name: s.name,
      query: s.query,
      path: savedSearchPath(s.query),
      frequency: s.frequency,
      createdAt: s.createdAt.toISOString(),
    })),
  }
}

type Answer = { id: number | null; error: string | null; notice: string | null }

/** Every change names a search by id and is scoped to the signed-in user's own searches. */
export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const user = await requireUser(db, request)
  const t = makeTranslator(await getLocale(request))
  const form = await readForm(request, t('error.badRequest.title'))
  const intent = form.get('intent')
  const fail = (error: string, status = 400, id: number | null = null) =>
    data<Answer>({ id, error, notice: null }, { status })
  const done = (notice: string) => data<Answer>({ id: null, error: null, notice })

  if (intent === 'create') {
    const query = canonicalQuery(String(form.get('query') ?? ''))
    if (!query) return fail(t('savedSearch.error.query'))
    const name = parseName(t, form.get('name'))
    if (!name.ok) return fail(name.error)
    const frequency = parseFrequency(t, form.get('frequency'))
    if (!frequency.ok) return fail(frequency.error)
    const created = await createSavedSearch(db, user.id, {
      name: name.value,
      query: query.query,
      frequency: frequency.value,
    })
    if (!created.ok) return fail(t('savedSearch.error.tooMany', { max: MAX_SAVED_SEARCHES }))
    // Saved from the search page: land here, where the new search is listed and can be changed.
    return redirect(`/my/searches?saved=${created.search.id}`)
  }

  const id = parseId(form.get('id'))
  const notFound = () => fail(t('savedSearch.error.notFound'), 404, id)
  if (id === null) return notFound()
  if (intent === 'rename') {
    const name = parseName(t, form.get('name'))
    if (!name.ok) return fail(name.error, 400, id)
    const renamed = await renameSavedSearch(db, user.id, id, name.value)
    return renamed ? done(t('savedSearch.renamed', { name: renamed.name })) : notFound()
  }
  if (intent === 'frequency') {
    const frequency = parseFrequency(t, form.get('frequency'))
    if (!frequency.ok) return fail(frequency.error, 400, id)
    const changed = await setSavedSearchFrequency(db, user.id, id, frequency.value)
    if (!changed) return notFound()
    return done(
      t('savedSearch.frequencyChanged', {
        name: changed.name,
        frequency: t(`savedSearch.frequency.${changed.frequency}`).toLowerCase(),
      }),
    )
  }
  if (intent === 'delete') {
    const name = await deleteSavedSearch(db, user.id, id)
    return name === null ? notFound() : done(t('savedSearch.deleted', { name }))
  }
  return fail(t('savedSearch.error.intent'))
}

type Labels = Route.ComponentProps['loaderData']['labels']

/** A short description of what a saved search looks for: its words and its filters' labels. */
function describeQuery(query: string, labels: Labels, locale: 'ru' | 'en', everything: string) {
  const params = new URLSearchParams(query)
  const parts: string[] = []
  const q = params.get('q')
  if (q) parts.push(`«${q}»`)
  for (const facet of listFacets) {
    for (const value of params.getAll(facet)) parts.push(facetValueLabel(labels, facet, value, locale))
  }
  if (params.get('verified') === '1') parts.push('✓')
  if (params.get('bbox')) parts.push('▭')
  return parts.length ? parts.join(' · ') : everything
}

export default function MySearches({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const [params] = useSearchParams()
  const saved = loaderData.searches.find((s) => String(s.id) === params.get('saved'))
  const notice = actionData?.notice ?? (saved ? t('savedSearch.created', { name: saved.name }) : null)
  return (
    <div className="my-searches-page">
      <h1>{t('savedSearch.title')}</h1>
      <p>{t('savedSearch.intro')}</p>
      {notice ? <FormNotice kind="ok">{notice}</FormNotice> : null}
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      {loaderData.searches.length === 0 ? <p className="empty-state">{t('savedSearch.empty')}</p> : null}
      <ul className="saved-searches">
        {loaderData.searches.map((s) => (
          <li key={s.id} data-id={s.id} className="saved-search">
            <p>
              <strong className="saved-search-name">{s.name}</strong> ·{' '}
              <Link to={s.path}>{t('savedSearch.open')}</Link>
            </p>
            <p className="field-hint">
              {describeQuery(s.query, loaderData.labels, locale, t('savedSearch.everything'))}
            </p>
            <div className="saved-search-forms">
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="rename" />
                <input type="hidden" name="id" value={s.id} />
                <label>
                  <span className="visually-hidden">{t('savedSearch.name')}</span>
                  <input name="name" defaultValue={s.name} maxLength={MAX_NAME_LENGTH} required />
                </label>
                <button type="submit">{t('savedSearch.rename')}</button>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="frequency" />
                <input type="hidden" name="id" value={s.id} />
                <label>
                  <span className="visually-hidden">{t('savedSearch.frequency')}</span>
                  <select name="frequency" defaultValue={s.frequency}>
                    {frequencies.map((f) => (
                      <option key={f} value={f}>
                        {t(`savedSearch.frequency.${f}`)}
                      </option>
                    ))}
                  </select>
                </label>
                <button type="submit">{t('savedSearch.change')}</button>
              </Form>
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="delete" />
                <input type="hidden" name="id" value={s.id} />
                <button type="submit" className="link-button">
                  {t('savedSearch.delete')}
                </button>
              </Form>
            </div>
          </li>
        ))}
      </ul>
    </div>
  )
}
