import { getDb } from '#db/client.server'
import { AdminNav } from '~/components/admin-nav'
import { requireRole } from '~/modules/accounts/guard.server'
import { recentAdminAudit } from '~/modules/admin/audit.server'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/index'

export function meta() {
  return [{ title: 'Администрирование · Administration' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  await requireRole(db, request, 'admin')
  return { audit: await recentAdminAudit(db) }
}

export default function AdminHome({ loaderData }: Route.ComponentProps) {
  const t = useT()
  return (
    <div className="admin-page">
      <h1>{t('admin.title')}</h1>
      <AdminNav />
      <h2>{t('admin.audit')}</h2>
      {loaderData.audit.length === 0 ? <p className="empty-state">{t('admin.audit.empty')}</p> : null}
      <ol className="admin-audit">
        {loaderData.audit.map((a) => (
          <li key={a.id} data-entity={a.entity} data-action={a.action}>
            <time dateTime={a.at}>{a.at.slice(0, 16).replace('T', ' ')}</time> · {a.actor ?? '—'} · {a.entity}{' '}
            {a.entityId} · {a.action}
            {a.note ? ` · ${a.note}` : ''}
          </li>
        ))}
      </ol>
    </div>
  )
}
