import { Form } from 'react-router'
import { getDb } from '#db/client.server'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import { runDigestJob } from '~/modules/alerts/digest.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
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

/** Admins may run the saved-search digest job now instead of waiting for its next run (due ones only). */
export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  await requireRole(db, request, 'admin')
  const t = makeTranslator(await getLocale(request))
  const run = await runDigestJob(db)
  return { notice: t('outbox.digestsDone', { checked: run.checked, queued: run.queued }) }
}

export default function Outbox({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  return (
    <div className="outbox">
      <h1>{t('outbox.title')}</h1>
      <p>{t('outbox.intro')}</p>
      <Form method="post">
        <button type="submit">{t('outbox.runDigests')}</button>
      </Form>
      {actionData?.notice ? <FormNotice kind="ok">{actionData.notice}</FormNotice> : null}
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
            {Object.entries(m.headers).map(([name, value]) => (
              <p key={name} className="outbox-header" data-header={name}>
                <code>
                  {name}: {value}
                </code>
              </p>
            ))}
            <pre className="outbox-body">{m.text}</pre>
          </li>
        ))}
      </ol>
    </div>
  )
}
