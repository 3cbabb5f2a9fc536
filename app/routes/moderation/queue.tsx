import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import {
  countryDashboard,
  listQueue,
  moderate,
  moderatorCountryChoices,
  parseListingId,
  QUEUE_STATUSES,
  type QueueStatus,
} from '~/modules/moderation/moderation.server'
import { setModerationMail } from '~/modules/moderation/notify.server'
import { moderationFailure } from '~/modules/moderation/route-helpers.server'
import { isModerationAction, MODERATION_ACTIONS } from '~/modules/moderation/transitions'
import type { Route } from './+types/queue'

export function meta() {
  return [{ title: 'Модерация · Moderation' }]
}

/** The coordinator's countries and the one asked for; a country outside them is refused (403). */
async function scope(request: Request) {
  const db = await getDb()
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const user = await requireRole(db, request, 'council_coordinator', 'admin')
  const choices = await moderatorCountryChoices(db, user, locale)
  if (choices.length === 0) throw data(t('moderation.noCountries'), { status: 403 })
  const url = new URL(request.url)
  const asked = url.searchParams.get('country')?.toUpperCase()
  const country = asked ? choices.find((c) => c.code === asked) : choices[0]
  if (!country) throw data(t('moderation.error.notFound'), { status: 403 })
  const rawStatus = url.searchParams.get('status')
  const status: QueueStatus = (QUEUE_STATUSES as readonly string[]).includes(rawStatus ?? '')
    ? (rawStatus as QueueStatus)
    : 'pending'
  return { db, locale, t, user, choices, country, status }
}

export async function loader({ request }: Route.LoaderArgs) {
  const { db, locale, user, choices, country, status } = await scope(request)
  const [dashboard, items, prefs] = await Promise.all([
    countryDashboard(db, country.code),
    listQueue(db, country.code, status, locale),
    db.selectFrom('users').select('moderation_mail').where('id', '=', user.id).executeTakeFirst(),
  ])
  return {
    choices,
    country,
    status,
    dashboard,
    items,
    mail: prefs?.moderation_mail ?? 'each',
    isCoordinator: user.grants.some((g) => g.role === 'council_coordinator'),
  }
}

export async function action({ request }: Route.ActionArgs) {
  const { db, t, user, country, status } = await scope(request)
  const form = await readForm(request, t('error.badRequest.title'))
  const intent = form.get('intent')
  const back = `/moderation?country=${country.code}&status=${status}`
  if (intent === 'mail') {
    const mode = form.get('mode')
    if (mode !== 'each' && mode !== 'daily')
      return data({ error: t('error.badRequest.title'), reason: '' }, { status: 400 })
    await setModerationMail(db, user.id, mode)
    return redirect(`${back}&mail=saved`)
  }
  const reason = String(form.get('reason') ?? '').slice(0, 5000)
  if (!isModerationAction(intent))
    return data({ error: t('moderation.error.action'), reason }, { status: 400 })
  const raw = form.getAll('ids')
  const ids = raw.map(parseListingId)
  if (ids.length === 0) return data({ error: t('moderation.error.noneSelected'), reason }, { status: 400 })
  if (ids.some((id) => id === null))
    return data({ error: t('moderation.error.notFound'), reason }, { status: 404 })
  try {
    const { changed } = await moderate(db, user, ids as number[], {
      action: intent,
      reason,
      expectedVersion: null,
    })
    return redirect(`${back}&done=${changed.length}`)
  } catch (error) {
    return moderationFailure(error, t, reason)
  }
}

const bulkActions = MODERATION_ACTIONS

export default function Queue({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const { choices, country, status, dashboard, items } = loaderData
  const done = params.get('done')
  return (
    <div className="moderation-page">
      <h1>{t('moderation.title', { country: country.name })}</h1>
      <p>
        <Link to={`/moderation/import?country=${country.code}`}>{t('import.nav')}</Link>
      </p>
      {choices.length > 1 ? (
        <Form method="get" className="moderation-country">
          <label>
            {t('moderation.country')}{' '}
            <select name="country" defaultValue={country.code}>
              {choices.map((c) => (
                <option key={c.code} value={c.code}>
                  {c.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <input type="hidden" name="status" value={status} />
          <button type="submit">{t('moderation.show')}</button>
        </Form>
      ) : null}
      <dl className="moderation-dashboard">
        <div>
          <dt>{t('moderation.dash.pending')}</dt>
          <dd data-count="pending">{dashboard.pending}</dd>
        </div>
        <div>
          <dt>{t('moderation.dash.published')}</dt>
          <dd data-count="published">{dashboard.published}</dd>
        </div>
        <div>
          <dt>{t('moderation.dash.returned')}</dt>
          <dd data-count="returned">{dashboard.returned}</dd>
        </div>
        <div>
          <dt>{t('moderation.dash.verified')}</dt>
          <dd data-count="verified">{dashboard.verified}</dd>
        </div>
      </dl>
      <p className="field-hint">
        {dashboard.oldestPendingAt
          ? t('moderation.dash.oldest', {
              date: dashboard.oldestPendingAt.slice(0, 10),
              days: dashboard.oldestPendingDays,
            })
          : t('moderation.dash.none')}
      </p>
      {done ? <FormNotice kind="ok">{t('moderation.done', { n: Number(done) || 0 })}</FormNotice> : null}
      {params.get('mail') ? <FormNotice kind="ok">{t('moderation.mail.saved')}</FormNotice> : null}
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      <nav className="moderation-tabs" aria-label={t('moderation.country')}>
        {(['pending', 'published', 'returned', 'archived'] as const).map((s) => (
          <Link
            key={s}
            to={`/moderation?country=${country.code}&status=${s}`}
            aria-current={s === status ? 'page' : undefined}
          >
            {t(`moderation.tab.${s}`)}
          </Link>
        ))}
      </nav>
      {items.length === 0 ? (
        <p className="empty-state">{t('moderation.empty')}</p>
      ) : (
        <Form method="post" className="moderation-bulk">
          <table className="moderation-queue">
            <thead>
              <tr>
                <th />
                <th>{t('moderation.col.name')}</th>
                <th>{t('moderation.col.city')}</th>
                <th>{t('moderation.col.submitted')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.id} data-id={item.id}>
                  <td>
                    <input
                      type="checkbox"
                      name="ids"
                      value={item.id}
                      aria-label={t('moderation.select', { name: item.name })}
                    />
                  </td>
                  <td>
                    <Link to={`/moderation/${item.id}`}>{item.name}</Link>
                    {item.verified ? <span className="badge-verified"> ✓</span> : null}
                    {item.possibleDuplicate ? (
                      <Link
                        to={`/moderation/${item.id}#duplicates`}
                        className="duplicate-flag"
                        title={t('duplicates.flagTitle')}
                        data-flag="possible-duplicate"
                      >
                        {t('duplicates.flag')}
                      </Link>
                    ) : null}
                    {item.ownerless ? (
                      <span className="field-hint"> · {t('moderation.ownerless')}</span>
                    ) : null}
                  </td>
                  <td>{item.city}</td>
                  <td>{item.submittedAt?.slice(0, 10) ?? ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <fieldset>
            <legend>{t('moderation.bulk')}</legend>
            {status === 'pending' ? (
              <label className="field">
                <span>{t('moderation.bulkReason')}</span>
                <textarea name="reason" rows={2} maxLength={2000} defaultValue={actionData?.reason ?? ''} />
              </label>
            ) : null}
            {bulkActions
              .filter((a) =>
                status === 'pending'
                  ? a === 'publish' || a === 'return'
                  : status === 'published'
                    ? a === 'verify' || a === 'unverify' || a === 'archive'
                    : status === 'archived'
                      ? a === 'restore' || a === 'reopen'
                      : false,
              )
              .map((a) => (
                <button key={a} type="submit" name="intent" value={a}>
                  {t(`moderation.action.${a}`)}
                </button>
              ))}
          </fieldset>
        </Form>
      )}
      {loaderData.isCoordinator ? (
        <Form method="post" className="moderation-mail">
          <fieldset>
            <legend>{t('moderation.mail.title')}</legend>
            <label>
              <input type="radio" name="mode" value="each" defaultChecked={loaderData.mail === 'each'} />{' '}
              {t('moderation.mail.each')}
            </label>{' '}
            <label>
              <input type="radio" name="mode" value="daily" defaultChecked={loaderData.mail === 'daily'} />{' '}
              {t('moderation.mail.daily')}
            </label>{' '}
            <button type="submit" name="intent" value="mail">
              {t('moderation.mail.save')}
            </button>
          </fieldset>
        </Form>
      ) : null}
    </div>
  )
}
