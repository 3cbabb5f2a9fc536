import { data, Form, redirect, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import type { Role } from '#db/schema'
import { AdminNav } from '~/components/admin-nav'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import {
  findUsers,
  grantRole,
  listCouncils,
  ROLES,
  revokeRole,
  setBlocked,
} from '~/modules/admin/admin.server'
import { adminFailure } from '~/modules/admin/route-helpers.server'
import { readForm } from '~/modules/http/read-form'
import { searchText } from '~/modules/http/search-text'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/users'

export function meta() {
  return [{ title: 'Пользователи · Users' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  const me = await requireRole(db, request, 'admin')
  const q = searchText(new URL(request.url).searchParams.get('q'), 200)
  const [users, councils] = await Promise.all([findUsers(db, q), listCouncils(db)])
  return {
    q,
    users,
    councils: councils.map((c) => ({ code: c.countryCode, name: c.nameRu, nameEn: c.nameEn })),
    me: me.id,
  }
}

export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const t = makeTranslator(await getLocale(request))
  const me = await requireRole(db, request, 'admin')
  const form = await readForm(request, t('error.badRequest.title'))
  const values = Object.fromEntries([...form].filter(([, v]) => typeof v === 'string')) as Record<
    string,
    string
  >
  const intent = values.intent
  const userId = values.userId ?? ''
  const back = `/admin/users?q=${encodeURIComponent(values.q ?? '')}&saved=1`
  try {
    if (intent === 'grant') {
      const role = values.role as Role
      if (!ROLES.includes(role)) return data({ error: t('admin.error.notFound'), values }, { status: 400 })
      const country = values.countryCode?.trim().toUpperCase() || null
      await grantRole(db, me.id, { userId, role, countryCode: country })
    } else if (intent === 'revoke') {
      const grantId = Number(values.grantId)
      if (!Number.isSafeInteger(grantId) || grantId < 1)
        return data({ error: t('admin.error.notFound'), values }, { status: 404 })
      await revokeRole(db, me.id, grantId)
    } else if (intent === 'block' || intent === 'unblock') {
      await setBlocked(db, me.id, userId, intent === 'block')
    } else {
      return data({ error: t('error.badRequest.title'), values }, { status: 400 })
    }
  } catch (error) {
    return adminFailure(error, t, values)
  }
  return redirect(back)
}

export default function AdminUsers({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const { users, councils, q, me } = loaderData
  return (
    <div className="admin-page">
      <h1>{t('admin.nav.users')}</h1>
      <AdminNav />
      <Form method="get" className="admin-search">
        <label>
          {t('admin.users.search')} <input type="search" name="q" defaultValue={q} maxLength={200} />
        </label>{' '}
        <button type="submit">{t('admin.users.find')}</button>
      </Form>
      {params.get('saved') ? <FormNotice kind="ok">{t('admin.saved')}</FormNotice> : null}
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      {users.length === 0 ? <p className="empty-state">{t('admin.users.none')}</p> : null}
      <ul className="admin-users">
        {users.map((u) => (
          <li key={u.id} data-email={u.email}>
            <p>
              <strong>{u.email}</strong> · {u.name}
              {u.blocked ? <span className="field-error"> · {t('admin.users.blocked')}</span> : null}
            </p>
            <ul>
              {u.grants.map((g) => (
                <li key={g.id} data-role={g.role}>
                  {t(`admin.role.${g.role}`)}
                  {g.countryCode ? ` (${g.countryCode})` : ''}{' '}
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="q" value={q} />
                    <input type="hidden" name="grantId" value={g.id} />
                    <button type="submit" name="intent" value="revoke" className="link-button">
                      {t('admin.users.revoke')}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
            <Form method="post" className="admin-grant">
              <input type="hidden" name="q" value={q} />
              <input type="hidden" name="userId" value={u.id} />
              <label>
                {t('admin.users.role')}{' '}
                <select name="role" defaultValue="council_coordinator">
                  {(['entrepreneur', 'council_coordinator', 'wg_member', 'wg_chair', 'admin'] as const).map(
                    (r) => (
                      <option key={r} value={r}>
                        {t(`admin.role.${r}`)}
                      </option>
                    ),
                  )}
                </select>
              </label>{' '}
              <label>
                {t('admin.users.council')}{' '}
                <select name="countryCode" defaultValue="">
                  <option value="">{t('admin.users.noCouncil')}</option>
                  {councils.map((c) => (
                    <option key={c.code} value={c.code}>
                      {c.code} · {t.locale === 'ru' ? c.name : c.nameEn}
                    </option>
                  ))}
                </select>
              </label>{' '}
              <button type="submit" name="intent" value="grant">
                {t('admin.users.grant')}
              </button>
              {u.id === me ? null : (
                <>
                  {' '}
                  <button type="submit" name="intent" value={u.blocked ? 'unblock' : 'block'}>
                    {t(u.blocked ? 'admin.users.unblock' : 'admin.users.block')}
                  </button>
                </>
              )}
            </Form>
          </li>
        ))}
      </ul>
    </div>
  )
}
