import { data, Form, Link } from 'react-router'
import { getDb } from '#db/client.server'
import {
  describeForUnsubscribe,
  type UnsubscribeResult,
  unsubscribeSavedSearch,
} from '~/modules/alerts/saved-searches.server'
import { verifyUnsubscribeToken } from '~/modules/alerts/unsubscribe-token.server'
import { tokenFromPost } from '~/modules/http/token-param'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/unsubscribe'

export function meta() {
  return [{ title: 'Отписка · Unsubscribe' }, { name: 'robots', content: 'noindex' }]
}

type Page =
  | { step: 'confirm' | 'done'; result: UnsubscribeResult; token: string }
  | { step: 'error'; message: string }

// The page names a user's saved search: never cached, never passed on in a Referer.
const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }

async function check(request: Request, token: string) {
  const t = makeTranslator(await getLocale(request))
  const verified = verifyUnsubscribeToken(token, new Date())
  if (!verified.ok) {
    const message = t(verified.reason === 'expired' ? 'unsubscribe.expired' : 'unsubscribe.invalid')
    return { ok: false as const, page: data<Page>({ step: 'error', message }, { status: 400, headers }) }
  }
  return { ok: true as const, searchId: verified.searchId }
}

/**
 * The link in a digest, opened signed out. GET only shows what would change and one button: mail
 * scanners open links on their own, and that must not unsubscribe anybody.
 */
export async function loader({ request }: Route.LoaderArgs) {
  const token = new URL(request.url).searchParams.get('token') ?? ''
  const checked = await check(request, token)
  if (!checked.ok) return checked.page
  const result = await describeForUnsubscribe(await getDb(), checked.searchId)
  return data<Page>({ step: result.state === 'done' ? 'confirm' : 'done', result, token }, { headers })
}

/**
 * The page's button, and RFC 8058 one-click: a mail client POSTs `List-Unsubscribe=One-Click` to the
 * List-Unsubscribe URL, without cookies. Either way the signed token is the only credential.
 */
export async function action({ request }: Route.ActionArgs) {
  const token = await tokenFromPost(request)
  const checked = await check(request, token)
  if (!checked.ok) return checked.page
  const result = await unsubscribeSavedSearch(await getDb(), checked.searchId)
  return data<Page>({ step: 'done', result, token }, { headers })
}

export default function Unsubscribe({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const page = actionData ?? loaderData
  let body: React.ReactNode
  if (page.step === 'error') {
    body = (
      <p className="field-error" role="alert">
        {page.message}
      </p>
    )
  } else if (page.result.state === 'gone') {
    body = <p>{t('unsubscribe.gone')}</p>
  } else if (page.step === 'confirm') {
    body = (
      <Form method="post" className="stack-form">
        <p>{t('unsubscribe.confirm', { name: page.result.name })}</p>
        <input type="hidden" name="token" value={page.token} />
        <button type="submit">{t('unsubscribe.button')}</button>
      </Form>
    )
  } else {
    const key = actionData && page.result.state === 'done' ? 'unsubscribe.done' : 'unsubscribe.already'
    body = (
      <p role="status" className="unsubscribe-done">
        {t(key, { name: page.result.name })}
      </p>
    )
  }
  return (
    <div className="auth-page unsubscribe-page">
      <h1>{t('unsubscribe.title')}</h1>
      {body}
      <p>
        <Link to="/my/searches">{t('unsubscribe.manage')}</Link>
      </p>
    </div>
  )
}
