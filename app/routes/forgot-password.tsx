import { data, Form } from 'react-router'
import { getDb } from '#db/client.server'
import { FormField, FormNotice } from '~/components/form-field'
import { requestPasswordReset } from '~/modules/accounts/accounts.server'
import { forgotSchema, parseForm } from '~/modules/accounts/schemas'
import { consume, mailThrottleKeys } from '~/modules/accounts/throttle.server'
import { clientIp } from '~/modules/http/client-ip'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/forgot-password'

export function meta() {
  return [{ title: 'Восстановление пароля · Reset password' }]
}

export async function action({ request, context }: Route.ActionArgs) {
  const t = makeTranslator(await getLocale(request))
  const parsed = parseForm(forgotSchema(t), await readForm(request, t('error.badRequest.title')))
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: false }, { status: 400 })
  const db = await getDb()
  const wait = await consume(db, mailThrottleKeys(parsed.data.email, clientIp(context)))
  if (wait !== null) {
    return data(
      { errors: { email: t('auth.mailThrottled', { minutes: wait }) }, values: parsed.values, sent: false },
      { status: 429, headers: { 'Retry-After': String(wait * 60) } },
    )
  }
  await requestPasswordReset(db, parsed.data.email)
  return { errors: {}, values: {}, sent: true }
}

export default function ForgotPassword({ actionData }: Route.ComponentProps) {
  const t = useT()
  const errors: Record<string, string | undefined> = actionData?.errors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  return (
    <div className="auth-page">
      <h1>{t('auth.forgot.title')}</h1>
      {actionData?.sent ? (
        <FormNotice kind="ok">{t('auth.forgot.sent')}</FormNotice>
      ) : (
        <>
          <p>{t('auth.forgot.intro')}</p>
          <Form method="post" noValidate className="stack-form">
            <FormField
              name="email"
              type="email"
              label={t('auth.email')}
              defaultValue={values.email}
              error={errors.email}
              autoComplete="email"
              required
            />
            <button type="submit">{t('auth.forgot.submit')}</button>
          </Form>
        </>
      )}
    </div>
  )
}
