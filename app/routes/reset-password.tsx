import { createCookie, data, Form, Link, redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { FormField, FormNotice } from '~/components/form-field'
import { resetPassword, resetTokenIsValid } from '~/modules/accounts/accounts.server'
import { MIN_PASSWORD, parseForm, resetSchema } from '~/modules/accounts/schemas'
import { sessionSecret } from '~/modules/accounts/secret.server'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/reset-password'

/**
 * The token from the e-mail moves from the URL into a short-lived HTTP-only cookie on the first
 * visit, so it is never written into the page (or a Referer header) while the person types.
 */
const resetCookie = () =>
  createCookie('cbm_reset', {
    // Not '/reset-password': React Router posts to '/reset-password.data', which that path would not match.
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: process.env.NODE_ENV === 'production',
    maxAge: 60 * 60,
    secrets: [sessionSecret()],
  })

export function meta() {
  return [{ title: 'Новый пароль · New password' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token')
  if (token) {
    return redirect('/reset-password', { headers: { 'Set-Cookie': await resetCookie().serialize(token) } })
  }
  const stored = await resetCookie().parse(request.headers.get('Cookie'))
  const valid = typeof stored === 'string' && (await resetTokenIsValid(await getDb(), stored))
  return { valid }
}

export async function action({ request }: Route.ActionArgs) {
  const t = makeTranslator(await getLocale(request))
  const stored = await resetCookie().parse(request.headers.get('Cookie'))
  if (typeof stored !== 'string') return data({ errors: {}, invalid: true }, { status: 400 })
  const parsed = parseForm(resetSchema(t), await readForm(request, t('error.badRequest.title')))
  if (!parsed.ok) return data({ errors: parsed.errors, invalid: false }, { status: 400 })
  const ok = await resetPassword(await getDb(), stored, parsed.data.password)
  if (!ok) return data({ errors: {}, invalid: true }, { status: 400 })
  return redirect('/sign-in?notice=reset', {
    headers: { 'Set-Cookie': await resetCookie().serialize('', { maxAge: 0 }) },
  })
}

export default function ResetPassword({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const errors: Record<string, string | undefined> = actionData?.errors ?? {}
  const invalid = actionData?.invalid || !loaderData.valid
  return (
    <div className="auth-page">
      <h1>{t('auth.reset.title')}</h1>
      {invalid ? (
        <>
          <FormNotice kind="error">{t('auth.reset.invalid')}</FormNotice>
          <p>
            <Link to="/forgot-password">{t('auth.forgot.title')}</Link>
          </p>
        </>
      ) : (
        <Form method="post" noValidate className="stack-form">
          <FormField
            name="password"
            type="password"
            label={t('auth.newPassword')}
            hint={t('auth.passwordHint', { min: MIN_PASSWORD })}
            error={errors.password}
            autoComplete="new-password"
            required
          />
          <button type="submit">{t('auth.reset.submit')}</button>
        </Form>
      )}
    </div>
  )
}
