import { data, Form, Link, redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import { duplicatesOf } from '~/modules/duplicates/candidates.server'
import { duplicateView } from '~/modules/duplicates/view'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import { loadReview, ModerationError, moderate, parseListingId } from '~/modules/moderation/moderation.server'
import { moderationFailure } from '~/modules/moderation/route-helpers.server'
import { isModerationAction } from '~/modules/moderation/transitions'
import type { Route } from './+types/review'

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data ? data.review.name : 'Модерация · Moderation' }]
}

async function context(request: Request, rawId: string) {
  const db = await getDb()
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const user = await requireRole(db, request, 'council_coordinator', 'admin')
  const id = parseListingId(rawId)
  if (id === null) throw data(t('moderation.error.notFound'), { status: 404 })
  return { db, locale, t, user, id }
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, locale, t, user, id } = await context(request, params.id)
  try {
    const review = await loadReview(db, user, id, locale)
    return {
      review,
      duplicates: (await duplicatesOf(db, id)).map(duplicateView),
      merged: new URL(request.url).searchParams.has('merged'),
    }
  } catch (error) {
    if (error instanceof ModerationError) throw data(t('moderation.error.notFound'), { status: 404 })
    throw error
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { db, t, user, id } = await context(request, params.id)
  const form = await readForm(request, t('error.badRequest.title'))
  const intent = form.get('intent')
  const reason = String(form.get('reason') ?? '').slice(0, 5000)
  if (!isModerationAction(intent))
    return data({ error: t('moderation.error.action'), reason }, { status: 400 })
  const version = Number(form.get('version'))
  try {
    const review = await loadReview(db, user, id, 'ru')
    await moderate(db, user, [id], {
      action: intent,
      reason,
      expectedVersion: Number.isSafeInteger(version) && version > 0 ? version : review.version,
    })
    const status = intent === 'publish' || intent === 'return' ? 'pending' : review.status
    return redirect(`/moderation?country=${review.countryCode}&status=${status}&done=1`)
  } catch (error) {
    return moderationFailure(error, t, reason)
  }
}

export default function Review({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const { review } = loaderData
  const diffing = review.mode === 'changed'
  return (
    <div className="moderation-review">
      <p>
        <Link to={`/moderation?country=${review.countryCode}`}>{t('moderation.review.back')}</Link>
      </p>
      <h1>{t('moderation.review.title', { name: review.name })}</h1>
      {loaderData.merged ? <FormNotice kind="ok">{t('duplicates.merged')}</FormNotice> : null}
      <p>
        <span className={`status-badge status-${review.status}`}>{t(`status.${review.status}`)}</span>
        {review.verified ? <span className="badge-verified"> ✓ {t('business.verified')}</span> : null}
      </p>
      {review.ownerEmail ? <p>{t('moderation.review.owner', { email: review.ownerEmail })}</p> : null}
      {review.reason ? (
        <p className="field-error">{t('moderation.review.currentReason', { reason: review.reason })}</p>
      ) : null}
      <p className="moderation-diff-intro">
        {review.mode === 'changed' && review.publishedAt
          ? `${t('moderation.review.against', { date: review.publishedAt.slice(0, 10) })} ${t('moderation.review.onlyChanged')}`
          : review.mode === 'new'
            ? t('moderation.review.new')
            : t('moderation.review.asIs')}
      </p>
      <table className="moderation-diff">
        <thead>
          <tr>
            <th>{t('moderation.review.field')}</th>
            {diffing ? <th>{t('moderation.review.published')}</th> : null}
            <th>{t('moderation.review.current')}</th>
          </tr>
        </thead>
        <tbody>
          {review.changes
            .filter((c) => c.before !== '' || c.after !== '')
            .map((c) => (
              <tr key={c.field} data-field={c.field} data-changed={diffing && c.changed ? 'true' : undefined}>
                <th scope="row">{t(`field.${c.field}`)}</th>
                {diffing ? (
                  <td className="diff-before">{c.changed ? <del>{c.before}</del> : c.before}</td>
                ) : null}
                <td className="diff-after">{diffing && c.changed ? <ins>{c.after}</ins> : c.after}</td>
              </tr>
            ))}
        </tbody>
      </table>
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      {review.actions.length === 0 ? (
        <p>{t('moderation.review.noActions')}</p>
      ) : (
        <Form method="post" className="moderation-actions">
          <input type="hidden" name="version" value={review.version} />
          {review.actions.includes('return') ? (
            <label className="field">
              <span>{t('moderation.review.reason')}</span>
              <textarea name="reason" rows={3} maxLength={2000} defaultValue={actionData?.reason ?? ''} />
            </label>
          ) : null}
          {review.actions.map((a) => (
            <button key={a} type="submit" name="intent" value={a}>
              {t(`moderation.action.${a}`)}
            </button>
          ))}
        </Form>
      )}
      <section id="duplicates" className="review-duplicates">
        <h2>{t('duplicates.review.title')}</h2>
        {loaderData.duplicates.length === 0 ? (
          <p>{t('duplicates.review.none')}</p>
        ) : (
          <ul>
            {loaderData.duplicates.map((d) => (
              <li key={d.id} data-duplicate={d.id}>
                #{d.id} {d.names}
                {d.city ? `, ${d.city}` : ''}
                {d.metres !== null ? ` (${t('duplicates.metres', { m: d.metres })})` : ''} ·{' '}
                <Link to={`/moderation/${review.id}/compare/${d.id}`}>{t('duplicates.review.compare')}</Link>
              </li>
            ))}
          </ul>
        )}
      </section>
      <p>
        <Link to={`/businesses/${review.id}/history`}>{t('moderation.review.history')}</Link>
      </p>
    </div>
  )
}
