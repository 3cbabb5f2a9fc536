import { Form, Link, useLocation, useRouteLoaderData } from 'react-router'
import { frequencies, MAX_NAME_LENGTH } from '~/modules/alerts/limits'
import { useT } from '~/modules/i18n/use-translation'
import { type SearchParams, toSearchParams } from '~/modules/search/params'

/**
 * "Save search" under the search page's heading: signed-in users name the search and pick a digest;
 * others are asked to sign in (and come back to this very search). Outside the search form, which it
 * cannot be nested in; the server re-parses the query it posts.
 */
export function SaveSearch({ params }: { params: SearchParams }) {
  const t = useT()
  const location = useLocation()
  const root = useRouteLoaderData('root') as { user?: unknown } | undefined
  if (!root?.user) {
    const back = encodeURIComponent(location.pathname + location.search)
    return (
      <p className="save-search save-search-signin">
        <Link to={`/sign-in?redirectTo=${back}`}>{t('savedSearch.signInToSave')}</Link>
      </p>
    )
  }
  const query = toSearchParams({ ...params, page: 1 })
  query.delete('sort')
  return (
    <details className="save-search">
      <summary>{t('savedSearch.save')}</summary>
      <Form method="post" action="/my/searches" className="save-search-form">
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="query" value={query.toString()} />
        <p className="field-hint">{t('savedSearch.saveHint')}</p>
        <label>
          <span>{t('savedSearch.name')}</span>
          <input
            name="name"
            required
            maxLength={MAX_NAME_LENGTH}
            defaultValue={params.q ? params.q.slice(0, MAX_NAME_LENGTH) : t('savedSearch.defaultName')}
          />
        </label>
        <label>
          <span>{t('savedSearch.frequency')}</span>
          <select name="frequency" defaultValue="daily">
            {frequencies.map((f) => (
              <option key={f} value={f}>
                {t(`savedSearch.frequency.${f}`)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit">{t('savedSearch.submit')}</button>
      </Form>
    </details>
  )
}
