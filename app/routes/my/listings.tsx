import { Link, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { FormNotice } from '~/components/form-field'
import { requireUser } from '~/modules/accounts/guard.server'
import { listMyListings } from '~/modules/businesses/editor.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/listings'

export function meta() {
  return [{ title: 'Мои компании · My businesses' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  const user = await requireUser(db, request)
  return { listings: await listMyListings(db, user.id, await getLocale(request)) }
}

export default function MyListings({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  return (
    <div className="my-listings-page">
      <h1>{t('my.title')}</h1>
      {params.get('submitted') ? <FormNotice kind="ok">{t('my.submitted')}</FormNotice> : null}
      {params.get('saved') ? <FormNotice kind="ok">{t('my.saved')}</FormNotice> : null}
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
