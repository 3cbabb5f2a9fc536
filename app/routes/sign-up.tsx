import { data, Form, Link, redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { FormField, FormNotice } from '~/components/form-field'
import { signUp } from '~/modules/accounts/accounts.server'
import { getCurrentUser } from '~/modules/accounts/guard.server'
import { MIN_PASSWORD, parseForm, signUpSchema } from '~/modules/accounts/schemas'
import { consume, mailThrottleKeys } from '~/modules/accounts/throttle.server'
import { clientIp } from '~/modules/http/client-ip'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/sign-up'

export function meta() {
  return [{ title: 'Регистрация · Sign up' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  if (await getCurrentUser(await getDb(), request)) throw redirect('/my/listings')
  return null
}

export async function action({ request, context }: Route.ActionArgs) {
  const t = makeTranslator(await getLocale(request))
  const parsed = parseForm(signUpSchema(t), await readForm(request, t('error.badRequest.title')))
  if (!parsed.ok) return data({ errors: parsed.errors, values: parsed.values, sent: null }, { status: 400 })
  const db = await getDb()
  const wait = await consume(db, mailThrottleKeys(parsed.data.email, clientIp(context)))
  if (wait !== null) {
    return data(
      { errors: { email: t('auth.mailThrottled', { minutes: wait }) }, values: parsed.values, sent: null },
      { status: 429, headers: { 'Retry-After': String(wait * 60) } },
    )
  }
  const result = await signUp(db, parsed.data)
  if (!result.ok) {
    return data(
      {
        errors: { password: t('validation.passwordShort', { min: MIN_PASSWORD }) },
        values: parsed.values,
        sent: null,
      },
      { status: 400 },
    )
  }
  return { errors: {}, values: {}, sent: parsed.data.email }
}

export default function SignUp({ actionData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const errors: Record<string, string | undefined> = actionData?.errors ?? {}
  const values: Record<string, string | undefined> = actionData?.values ?? {}
  if (actionData?.sent) {
    return (
      <div className="auth-page">
        <h1>{t('auth.signUp.title')}</h1>
        <FormNotice kind="ok">{t('auth.signUp.sent', { email: actionData.sent })}</FormNotice>
        <p>
          <Link to="/sign-in">{t('nav.signIn')}</Link>
        </p>
      </div>
    )
  }
  return (
    <div className="auth-page">
      <h1>{t('auth.signUp.title')}</h1>
      <p>{t('auth.signUp.intro')}</p>
      <Form method="post" noValidate className="stack-form">
        <FormField
          name="name"
          label={t('auth.name')}
          defaultValue={values.name}
          error={errors.name}
          autoComplete="name"
          required
        />
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
          hint={t('auth.passwordHint', { min: MIN_PASSWORD })}
          error={errors.password}
          autoComplete="new-password"
          required
        />
        <div className="field">
          <label htmlFor="f-locale">{t('auth.language')}</label>
          <select id="f-locale" name="locale" defaultValue={values.locale ?? locale}>
            <option value="ru">Русский</option>
            <option value="en">English</option>
          </select>
        </div>
        <button type="submit">{t('auth.signUp.submit')}</button>
      </Form>
      <p>
        <Link to="/sign-in">{t('auth.signUp.haveAccount')}</Link>
      </p>
    </div>
  )
}
