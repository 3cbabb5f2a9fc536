import { data, Form, redirect } from 'react-router'
import { getDb } from '#db/client.server'
import { type ApiTokenRow, ApiTokens } from '~/components/api-tokens'
import { FormField, FormNotice } from '~/components/form-field'
import { changePassword, checkPassword, deleteAccount, signOut } from '~/modules/accounts/accounts.server'
import {
  type ApiTokenSummary,
  createApiToken,
  listApiTokens,
  MAX_ACTIVE_TOKENS,
  revokeApiToken,
} from '~/modules/accounts/api-tokens.server'
import { requireUser } from '~/modules/accounts/guard.server'
import {
  changePasswordSchema,
  createTokenSchema,
  deleteAccountSchema,
  MIN_PASSWORD,
  parseForm,
  revokeTokenSchema,
} from '~/modules/accounts/schemas'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/account'

export function meta() {
  return [{ title: 'Аккаунт · Account' }]
}

function tokenRow(token: ApiTokenSummary, now: Date): ApiTokenRow {
  return {
    id: token.id,
    name: token.name,
    prefix: token.prefix,
    createdAt: token.createdAt.toISOString(),
    lastUsedAt: token.lastUsedAt?.toISOString() ?? null,
    expiresAt: token.expiresAt?.toISOString() ?? null,
    state: token.revokedAt ? 'revoked' : token.expiresAt && token.expiresAt <= now ? 'expired' : 'active',
  }
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  const user = await requireUser(db, request)
  const now = new Date()
  return {
    email: user.email,
    name: user.name,
    roles: [...new Set(user.grants.map((g) => g.role))],
    tokens: (await listApiTokens(db, user.id)).map((token) => tokenRow(token, now)),
  }
}

type TokenAnswer = {
  intent: 'create-token' | 'revoke-token'
  errors: Record<string, string>
  values: Record<string, string>
  message: string | null
  done: boolean
  created: { name: string; token: string } | null
}

/** Any signed-in user may hold tokens (decision 0013): a token carries its owner's roles. */
async function tokenAction(
  db: Awaited<ReturnType<typeof getDb>>,
  userId: string,
  t: ReturnType<typeof makeTranslator>,
  intent: TokenAnswer['intent'],
  form: FormData,
) {
  const answer = (fields: Partial<TokenAnswer>, status = 200) =>
    data<TokenAnswer>(
      { intent, errors: {}, values: {}, message: null, done: false, created: null, ...fields },
      // The new token is in this response only; no cache may keep it.
      { status, headers: { 'Cache-Control': 'no-store' } },
    )
  if (intent === 'create-token') {
    const parsed = parseForm(createTokenSchema(t), form)
    if (!parsed.ok) return answer({ errors: parsed.errors, values: parsed.values }, 400)
    const expiresInDays = parsed.data.expiresInDays ? Number(parsed.data.expiresInDays) : null
    const result = await createApiToken(db, userId, { name: parsed.data.name, expiresInDays })
    if (!result.ok) {
      return answer(
        { errors: { form: t('apiToken.error.tooMany', { max: MAX_ACTIVE_TOKENS }) }, values: parsed.values },
        400,
      )
    }
    return answer({
      done: true,
      message: t('apiToken.created', { name: parsed.data.name }),
      created: { name: parsed.data.name, token: result.token },
    })
  }
  const parsed = parseForm(revokeTokenSchema(t), form)
  const tokenId = parsed.ok ? Number(parsed.data.tokenId) : null
  const name = tokenId
    ? (await listApiTokens(db, userId)).find((token) => token.id === tokenId)?.name
    : undefined
  if (!tokenId || name === undefined || !(await revokeApiToken(db, userId, tokenId))) {
    return answer({ errors: { form: t('apiToken.error.notFound') } }, 404)
  }
  return answer({ done: true, message: t('apiToken.revoked', { name }) })
}

export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const user = await requireUser(db, request)
  const t = makeTranslator(await getLocale(request))
  const form = await readForm(request, t('error.badRequest.title'))
  const intent = form.get('intent')
  if (intent === 'create-token' || intent === 'revoke-token') return tokenAction(db, user.id, t, intent, form)
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
  const locale = useLocale()
  const errors: Record<string, string | undefined> = actionData?.errors ?? {}
  const tokenAnswer = actionData && 'created' in actionData ? actionData : null
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
      <ApiTokens
        t={t}
        locale={locale}
        tokens={loaderData.tokens}
        created={tokenAnswer?.created ?? null}
        message={
          tokenAnswer?.errors.form
            ? { kind: 'error', text: tokenAnswer.errors.form }
            : tokenAnswer?.message
              ? { kind: 'ok', text: tokenAnswer.message }
              : null
        }
        errors={tokenAnswer?.errors ?? {}}
        values={tokenAnswer?.values ?? {}}
      />
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
