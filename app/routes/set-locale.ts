import { redirect } from 'react-router'
import { localeCookie } from '~/modules/i18n/locale.server'
import { isLocale } from '~/modules/i18n/locales'
import { safeRedirectPath } from '~/modules/http/safe-redirect'
import type { Route } from './+types/set-locale'

export async function action({ request }: Route.ActionArgs) {
  const form = await request.formData()
  const locale = form.get('locale')
  const redirectTo = safeRedirectPath(form.get('redirectTo'))
  if (!isLocale(locale)) return redirect(redirectTo)
  return redirect(redirectTo, { headers: { 'Set-Cookie': await localeCookie.serialize(locale) } })
}

export function loader() {
  return redirect('/')
}
