import { redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { setUserLocale } from '~/modules/accounts/accounts.server'
import { getCurrentUser } from '~/modules/accounts/guard.server'
import { readForm } from '~/modules/http/read-form'
import { safeRedirectPath } from '~/modules/http/safe-redirect'
import { localeCookie } from '~/modules/i18n/locale.server'
import { isLocale } from '~/modules/i18n/locales'
import type { Route } from './+types/set-locale'

export async function action({ request }: Route.ActionArgs) {
  // A body that is not a form is a 400, not a 500.
  const form = await readForm(request)
  const locale = form.get('locale')
  const redirectTo = safeRedirectPath(form.get('redirectTo'))
  if (!isLocale(locale)) return redirect(redirectTo)
  // A signed-in person's choice is also the language of their e-mails.
  const db = await getDb()
  const user = await getCurrentUser(db, request)
  if (user && user.locale !== locale) await setUserLocale(db, user.id, locale)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } })
}

export function loader() {
  return redirect('/')
}
