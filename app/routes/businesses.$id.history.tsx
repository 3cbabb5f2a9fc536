import { data, Link } from 'react-router'
import { getDb } from '#db/client.server'
import { canViewBusinessHistory, requireUser } from '~/modules/accounts/guard.server'
import { mergedInto } from '~/modules/duplicates/merge.server'
import { getLocale } from '~/modules/i18n/locale.server'
import type { MessageKey } from '~/modules/i18n/messages'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import { historySubject, loadBusinessHistory } from '~/modules/moderation/history.server'
import { codeLabels, parseListingId } from '~/modules/moderation/moderation.server'
import type { Route } from './+types/businesses.$id.history'

export function meta({ data }: Route.MetaArgs) {
  return [{ title: data ? data.title : 'История · History' }]
}

/** The owner, the listing's council, the working group and admins read it; anyone else gets a 404. */
export async function loader({ request, params }: Route.LoaderArgs) {
  const db = await getDb()
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const user = await requireUser(db, request)
  const id = parseListingId(params.id)
  const subject = id === null ? null : await historySubject(db, id, locale)
  if (!subject || !canViewBusinessHistory(user, subject)) {
    throw data(t('error.businessNotFound'), { status: 404 })
  }
  return {
    subject,
    entries: await loadBusinessHistory(
      db,
      subject.id,
      await codeLabels(db, locale),
      200,
      await mergedInto(db, subject.id),
    ),
    title: t('history.title', { name: subject.name }),
  }
}

const knownActions = new Set([
  'created',
  'imported',
  'updated',
  'submitted',
  'published',
  'returned',
  'verified',
  'unverified',
  'archived',
  'restored',
  'reopened',
  'deleted',
  'merged',
  'merged_into',
])

export default function BusinessHistory({ loaderData }: Route.ComponentProps) {
  const t = useT()
  const { subject, entries } = loaderData
  const stateLabel = (field: string, value: string) =>
    field === 'status' && value ? t(`status.${value as 'draft'}`) : value
  return (
    <div className="history-page">
      <h1>{loaderData.title}</h1>
      {subject.status === 'published' ? (
        <p>
          <Link to={`/businesses/${subject.id}`}>{t('my.view')}</Link>
        </p>
      ) : null}
      {entries.length === 0 ? <p className="empty-state">{t('history.empty')}</p> : null}
      <ol className="history-list">
        {entries.map((e) => (
          <li key={e.id} data-action={e.action}>
            <p>
              <strong>
                {knownActions.has(e.action)
                  ? t(`history.action.${e.action}` as MessageKey)
                  : t('history.action.other', { action: e.action })}
              </strong>{' '}
              · <span className="history-actor">{e.actorName ?? t('history.system')}</span> ·{' '}
              <time dateTime={e.at}>{e.at.slice(0, 16).replace('T', ' ')} UTC</time>
              {e.listingId !== subject.id ? <span className="history-merged"> · #{e.listingId}</span> : null}
            </p>
            {e.note ? <p className="history-note">{t('history.note', { note: e.note })}</p> : null}
            {e.changes.length > 0 ? (
              <table className="history-changes">
                <tbody>
                  {e.changes.map((c) => (
                    <tr key={c.field} data-field={c.field}>
                      <th scope="row">{t(`field.${c.field}`)}</th>
                      <td>
                        <del>{stateLabel(c.field, c.before)}</del> → <ins>{stateLabel(c.field, c.after)}</ins>
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            ) : null}
          </li>
        ))}
      </ol>
    </div>
  )
}
