import { data, Form, Link, redirect, useActionData, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { FormNotice } from '~/components/form-field'
import { requireUser } from '~/modules/accounts/guard.server'
import { listMyListings } from '~/modules/businesses/editor.server'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { confirmListing } from '~/modules/upkeep/confirmations.server'
import { formatDay } from '~/modules/upkeep/dates'
import type { Route } from './+types/listings'

export function meta() {
  return [{ title: 'Мои компании · My businesses' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  const user = await requireUser(db, request)
  return { listings: await listMyListings(db, user.id, await getLocale(request)) }
}

/** "Details are current": the owner confirms one of their own published listings. */
export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const user = await requireUser(db, request)
  const t = makeTranslator(await getLocale(request))
  const form = await readForm(request, t('error.badRequest.title'))
  const id = Number(form.get('id'))
  const own = Number.isSafeInteger(id)
    ? await db
        .selectFrom('businesses')
        .select('id')
        .where('id', '=', id)
        .where('owner_id', '=', user.id)
        .executeTakeFirst()
    : undefined
  // Someone else's listing answers as a missing one: ids learn nothing.
  if (form.get('intent') !== 'confirm' || !own)
    return data({ error: t('error.businessNotFound') }, { status: 404 })
  const outcome = await confirmListing(db, id)
  if (outcome !== 'confirmed') return data({ error: t('upkeep.notPublished') }, { status: 409 })
  return redirect(`/my/listings?confirmed=${id}`)
}

export default function MyListings({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const [params] = useSearchParams()
  const actionData = useActionData<typeof action>()
  const confirmed = loaderData.listings.find((l) => String(l.id) === params.get('confirmed'))
  return (
    <div className="my-listings-page">
      <h1>{t('my.title')}</h1>
      {params.get('submitted') ? <FormNotice kind="ok">{t('my.submitted')}</FormNotice> : null}
      {params.get('saved') ? <FormNotice kind="ok">{t('my.saved')}</FormNotice> : null}
      {confirmed ? (
        <FormNotice kind="ok">{t('upkeep.confirmed', { name: confirmed.name })}</FormNotice>
      ) : null}
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      <p>
        <Link to="/my/listings/new" className="button-link">
          {t('my.add')}
        </Link>
      </p>
      {loaderData.listings.length === 0 ? <p className="empty-state">{t('my.empty')}</p> : null}
      <ul className="my-listings">
        {loaderData.listings.map((l) => (
          <li key={l.id} data-status={l.status}>
            <strong>{l.name}</strong>{' '}
            <span className={`status-badge status-${l.status}`}>{t(`status.${l.status}`)}</span>
            <p className="field-hint">
              {[l.city, l.countryCode].filter(Boolean).join(', ')} ·{' '}
              {t('my.updated', { date: l.updatedAt.slice(0, 10) })}
            </p>
            {l.reason ? <p className="field-error">{t('my.reason', { reason: l.reason })}</p> : null}
            {l.confirmDue ? (
              <Form method="post" className="confirm-current">
                <p>
                  <strong>{t('upkeep.confirmDue')}.</strong> {t('upkeep.confirmHint')}{' '}
                  <span className="field-hint">
                    {t('upkeep.confirmedAt', { date: formatDay(l.confirmedAt, locale) })}
                  </span>
                </p>
                <input type="hidden" name="id" value={l.id} />
                <button type="submit" name="intent" value="confirm">
                  {t('upkeep.confirmNow')}
                </button>
              </Form>
            ) : null}
            <p>
              {l.status === 'archived' ? null : <Link to={`/my/listings/${l.id}`}>{t('my.edit')}</Link>}
              {l.status === 'published' ? (
                <>
                  {' · '}
                  <Link to={`/businesses/${l.id}`}>{t('my.view')}</Link>
                </>
              ) : null}
              {l.status === 'draft' ? null : (
                <>
                  {' · '}
                  <Link to={`/businesses/${l.id}/history`}>{t('history.link')}</Link>
                </>
              )}
            </p>
          </li>
        ))}
      </ul>
    </div>
  )
}
