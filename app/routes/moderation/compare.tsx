import { data, Form, Link, redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import { loadComparison } from '~/modules/duplicates/compare.server'
import { MergeError, mergeListings } from '~/modules/duplicates/merge.server'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import { parseListingId } from '~/modules/moderation/moderation.server'
import type { Route } from './+types/compare'

export function meta() {
  return [{ title: 'Возможный дубликат · Possible duplicate' }]
}

const statusOf: Record<MergeError['code'], number> = {
  notFound: 404,
  forbidden: 403,
  same: 400,
  country: 400,
  conflict: 409,
}

async function context(request: Request, params: { id: string; other: string }) {
  const db = await getDb()
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const user = await requireRole(db, request, 'council_coordinator', 'admin')
  const a = parseListingId(params.id)
  const b = parseListingId(params.other)
  if (a === null || b === null) throw data(t('duplicates.error.notFound'), { status: 404 })
  return { db, locale, t, user, a, b }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, locale, t, user, a, b } = await context(request, params)
  try {
    return { comparison: await loadComparison(db, user, a, b, locale) }
  } catch (error) {
    if (error instanceof MergeError)
      throw data(t(`duplicates.error.${error.code}`), { status: statusOf[error.code] })
    throw error
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { db, t, user, a, b } = await context(request, params)
  const form = await readForm(request, t('error.badRequest.title'))
  const keep = parseListingId(form.get('keep'))
  if (keep !== a && keep !== b) return data({ error: t('duplicates.error.choice') }, { status: 400 })
  try {
    await mergeListings(db, user, keep, keep === a ? b : a)
    return redirect(`/moderation/${keep}?merged=1`)
  } catch (error) {
    if (error instanceof MergeError)
      return data({ error: t(`duplicates.error.${error.code}`) }, { status: statusOf[error.code] })
    throw error
  }
}

export default function Compare({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { a, b, rows } = loaderData.comparison
  return (
    <div className="moderation-review">
      <p>
        <Link to={`/moderation/${a.id}`}>{t('moderation.review.back')}</Link>
      </p>
      <h1>{t('duplicates.compare.title', { a: String(a.id), b: String(b.id) })}</h1>
      <p>{t('duplicates.compare.intro')}</p>
      <table className="moderation-diff" data-testid="duplicate-compare">
        <thead>
          <tr>
            <th>{t('moderation.review.field')}</th>
            {[a, b].map((l) => (
              <th key={l.id}>
                <Link to={`/moderation/${l.id}`}>
                  #{l.id} {l.name}
                </Link>{' '}
                <span className={`status-badge status-${l.status}`}>{t(`status.${l.status}`)}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((c) => (
            <tr key={c.field} data-field={c.field} data-changed={c.changed ? 'true' : undefined}>
              <th scope="row">{t(`field.${c.field}`)}</th>
              <td>{c.before}</td>
              <td>{c.after}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      <Form method="post" className="moderation-actions">
        <button type="submit" name="keep" value={a.id}>
          {t('duplicates.compare.keep', { id: String(a.id), other: String(b.id) })}
        </button>
        <button type="submit" name="keep" value={b.id}>
          {t('duplicates.compare.keep', { id: String(b.id), other: String(a.id) })}
        </button>
      </Form>
    </div>
  )
}
