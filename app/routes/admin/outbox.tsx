import { getDb } from '#db/client.server'
import { requireRole } from '~/modules/accounts/guard.server'
import { useT } from '~/modules/i18n/use-translation'
import { listOutbox } from '~/modules/mail/mailer.server'
import type { Route } from './+types/outbox'

export function meta() {
  return [{ title: 'Outbox' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  await requireRole(db, request, 'admin')
  return { items: await listOutbox(db) }
}

export default function Outbox({ loaderData }: Route.ComponentProps) {
  const t = useT()
  return (
    <div className="outbox">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      {loaderData.items.length === 0 ? <p className="empty-state">{t('outbox.empty')}</p> : null}
      <ol className="outbox-list">
        {loaderData.items.map((m) => (
          <li key={m.id} className="outbox-item" data-kind={m.kind}>
            <p>
              <strong>{m.subject}</strong>
            </p>
            <p>
              {t('outbox.to')}: <span className="outbox-to">{m.to}</span> · {m.kind} · {m.locale} ·{' '}
              <time dateTime={m.createdAt}>{m.createdAt.slice(0, 16).replace('T', ' ')}</time>
            </p>
            {m.lastError ? <p className="field-error">{m.lastError}</p> : null}
            <pre className="outbox-body">{m.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  )
}
