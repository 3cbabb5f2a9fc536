import { Link } from 'react-router'
import { LocalTime } from '~/components/local-time'
import { pick } from '~/modules/i18n/locales'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { listForums } from '~/modules/nominations/forums.server'
import { forumContext } from '~/modules/nominations/route-context.server'
import type { Route } from './+types/forums'

export function meta() {
  return [{ title: 'Форум · Forum' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const { db, isChair } = await forumContext(request)
  const forums = await listForums(db)
  return {
    isChair,
    forums: forums.map((f) => ({
      id: f.id,
      titleRu: f.title_ru,
      titleEn: f.title_en,
      year: f.year,
      status: f.status,
      opensAt: f.nominations_open_at ? new Date(f.nominations_open_at).toISOString() : null,
      closesAt: f.nominations_close_at ? new Date(f.nominations_close_at).toISOString() : null,
    })),
  }
}

export default function Forums({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  return (
    <div>
      <h1>{t('forum.listTitle')}</h1>
      {loaderData.isChair ? (
        <p>
          <Link to="/forums/new">{t('forum.new')}</Link>
        </p>
      ) : null}
      {loaderData.forums.length === 0 ? <p>{t('forum.empty')}</p> : null}
      <ul className="forum-list">
        {loaderData.forums.map((f) => (
          <li key={f.id}>
            <Link to={`/forums/${f.id}`}>{pick(locale, f.titleRu, f.titleEn)}</Link> ({f.year}) —{' '}
            {t(`forum.status.${f.status}`)}
            <br />
            {t('forum.window')}:{' '}
            {f.opensAt ? <LocalTime iso={f.opensAt} locale={locale} /> : t('forum.windowUnset')} —{' '}
            {f.closesAt ? <LocalTime iso={f.closesAt} locale={locale} /> : t('forum.windowUnset')}
            {loaderData.isChair ? (
              <>
                {' '}
                · <Link to={`/forums/${f.id}/edit`}>{t('forum.edit')}</Link>
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </div>
  )
}
