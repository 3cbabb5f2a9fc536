import { data, Form, Link, redirect, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { FormField, FormNotice } from '~/components/form-field'
import { signIn } from '~/modules/accounts/accounts.server'
import { getCurrentUser } from '~/modules/accounts/guard.server'
import { parseForm, signInSchema } from '~/modules/accounts/schemas'
import { clientIp } from '~/modules/http/client-ip'
import { readForm } from '~/modules/http/read-form'
import { safeRedirectPath } from '~/modules/http/safe-redirect'
import { getLocale, localeCookie } from '~/modules/i18n/locale.server'
import type { MessageKey } from '~/modules/i18n/messages'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/sign-in'

const notices = {
  verified: 'auth.verify.done',
  verify_failed: 'auth.verify.failed',
  reset: 'auth.reset.done',
  deleted: 'account.deleted',
  password_changed: 'account.changePassword.done',
} as const satisfies Record<string, MessageKey>

export function meta() {
  return [{ title: 'Вход · Sign in' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const url = new URL(request.url)
  if (await getCurrentUser(await getDb(), request))
    throw redirect(safeRedirectPath(url.searchParams.get('redirectTo'), '/my/listings'))
  return null
}

export async function action({ request, context }: Route.ActionArgs) {
  const t = makeTranslator(await getLocale(request))
  const form = await readForm(request, t('error.badRequest.title'))
  const redirectTo = safeRedirectPath(form.get('redirectTo'), '/my/listings')
  const parsed = parseForm(signInSchema(t), form)
  if (!parsed.ok)
    return data({ errors: parsed.errors, values: parsed.values, message: null }, { status: 400 })
  const result = await signIn(await getDb(), request, clientIp(context), parsed.data)
  if (result.ok) {
    // The site speaks the person's own language from the moment they sign in.
    result.headers.append('Set-Cookie', await localeCookie.serialize(result.locale))
    return redirect(redirectTo, { headers: result.headers })
  }
  const message =
    result.reason === 'throttled'
      ? t('auth.signIn.throttled', { minutes: result.minutes })
      : result.reason === 'unverified'
        ? t('auth.signIn.unverified')
        : result.reason === 'blocked'
          ? t('auth.signIn.blocked')
          : t('auth.signIn.failed')
  const status = result.reason === 'throttled' ? 429 : result.reason === 'failed' ? 401 : 403
  const headers: HeadersInit =
    result.reason === 'throttled' ? { 'Retry-After': String(result.minutes * 60) } : {}
  return data({ errors: {}, values: parsed.values, message }, { status, headers })
}

export default function SignIn({ actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const errors: Record<string, string | undefined> = actionData?.errors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  const notice = params.get('notice')
  const noticeKey = notice && notice in notices ? notices[notice as keyof typeof notices] : null
  return (
    <div className="auth-page">
      <h1>{t('auth.signIn.title')}</h1>
      {noticeKey && !actionData ? (
        <FormNotice kind={notice === 'verify_failed' ? 'error' : 'ok'}>{t(noticeKey)}</FormNotice>
      ) : null}
      {actionData?.message ? <FormNotice kind="error">{actionData.message}</FormNotice> : null}
      <Form method="post" noValidate className="stack-form">
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? ''} />
        <FormField
          name="email"
          type="email"
          label={t('auth.email')}
          defaultValue={values.email}
          error={errors.email}
          autoComplete="email"
          required
        />
        <FormField
          name="password"
          type="password"
          label={t('auth.password')}
          error={errors.password}
          autoComplete="current-password"
          required
        />
        <button type="submit">{t('auth.signIn.submit')}</button>
      </Form>
      <p>
        <Link to="/forgot-password">{t('auth.signIn.forgot')}</Link>
      </p>
      <p>
        <Link to="/sign-up">{t('auth.signIn.noAccount')}</Link>
      </p>
    </div>
  )
}
