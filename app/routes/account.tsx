import { data, Form, redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { FormField, FormNotice } from '~/components/form-field'
import { changePassword, checkPassword, deleteAccount, signOut } from '~/modules/accounts/accounts.server'
import { requireUser } from '~/modules/accounts/guard.server'
import {
  changePasswordSchema,
  deleteAccountSchema,
  MIN_PASSWORD,
  parseForm,
} from '~/modules/accounts/schemas'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/account'

export function meta() {
  return [{ title: 'Аккаунт · Account' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const user = await requireUser(await getDb(), request)
  return { email: user.email, name: user.name, roles: [...new Set(user.grants.map((g) => g.role))] }
}

export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const user = await requireUser(db, request)
  const t = makeTranslator(await getLocale(request))
  const form = await readForm(request, t('error.badRequest.title'))
  const intent = form.get('intent')
  if (intent === 'password') {
    const parsed = parseForm(changePasswordSchema(t), form)
    if (!parsed.ok)
      return data({ intent, errors: parsed.errors, message: null, done: false }, { status: 400 })
    const result = await changePassword(db, request, parsed.data)
    if (!result.ok) {
      return data(
        {
          intent,
          errors: { currentPassword: t('account.changePassword.wrong') },
          message: null,
          done: false,
        },
        { status: 400 },
      )
    }
    return data(
      { intent, errors: {}, message: t('account.changePassword.done'), done: true },
      { headers: result.headers },
    )
  }
  if (intent === 'delete') {
    const parsed = parseForm(deleteAccountSchema(t), form)
    if (!parsed.ok)
      return data({ intent, errors: parsed.errors, message: null, done: false }, { status: 400 })
    if (!(await checkPassword(db, user.id, parsed.data.password))) {
      return data(
        { intent, errors: { password: t('account.changePassword.wrong') }, message: null, done: false },
        { status: 400 },
      )
    }
    const headers = await signOut(db, request)
    await deleteAccount(db, user.id)
    return redirect('/sign-in?notice=deleted', { headers })
  }
  return data(
    { intent: null, errors: {}, message: t('error.badRequest.title'), done: false },
    { status: 400 },
  )
}

export default function Account({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const errors: Record<string, string | undefined> = actionData?.errors ?? {}
  const passwordErrors = actionData?.intent === 'password' ? errors : {}
  const deleteErrors = actionData?.intent === 'delete' ? errors : {}
  return (
    <div className="auth-page">
      <h1>{t('account.title')}</h1>
      <p>{t('account.signedInAs', { email: loaderData.email })}</p>
      <p>
        {t('account.roles')}: {loaderData.roles.map((r) => t(`role.${r}`)).join(', ')}
      </p>
      <section>
        <h2>{t('account.changePassword')}</h2>
        {actionData?.intent === 'password' && actionData.message ? (
          <FormNotice kind="ok">{actionData.message}</FormNotice>
        ) : null}
        <Form method="post" noValidate className="stack-form">
          <input type="hidden" name="intent" value="password" />
          <FormField
            name="currentPassword"
            type="password"
            label={t('auth.currentPassword')}
            error={passwordErrors.currentPassword}
            autoComplete="current-password"
            required
          />
          <FormField
            name="newPassword"
            type="password"
            label={t('auth.newPassword')}
            hint={t('auth.passwordHint', { min: MIN_PASSWORD })}
            error={passwordErrors.newPassword}
            autoComplete="new-password"
            required
          />
          <button type="submit">{t('account.changePassword.submit')}</button>
        </Form>
      </section>
      <section className="danger-zone">
        <h2>{t('account.delete')}</h2>
        <p>{t('account.delete.text')}</p>
        <Form method="post" noValidate className="stack-form">
          <input type="hidden" name="intent" value="delete" />
          <FormField
            name="password"
            type="password"
            label={t('account.delete.confirm')}
            error={deleteErrors.password}
            autoComplete="current-password"
            required
          />
          <button type="submit" className="danger">
            {t('account.delete.submit')}
          </button>
        </Form>
      </section>
    </div>
  )
}
