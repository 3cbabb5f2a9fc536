import { data, Form, Link } from 'react-router'
import { getDb } from '#db/client.server'
import { tokenFromPost } from '~/modules/http/token-param'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import { listingName } from '~/modules/moderation/names'
import { verifyConfirmToken } from '~/modules/upkeep/confirm-token.server'
import { confirmListing } from '~/modules/upkeep/confirmations.server'
import { formatDay } from '~/modules/upkeep/dates'
import type { Route } from './+types/confirm-listing'

export function meta() {
  return [{ title: 'Подтверждение данных · Confirm your listing' }, { name: 'robots', content: 'noindex' }]
}

type Page =
  | { step: 'ask' | 'done'; id: number; name: string; confirmedAt: string; token: string }
  | { step: 'error'; message: string }

// The token is a credential: the page is never cached and never passed on in a Referer.
const headers = { 'Cache-Control': 'no-store', 'Referrer-Policy': 'no-referrer' }

async function load(request: Request, token: string, confirm: boolean) {
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const fail = (message: string, status: number) =>
    data<Page>({ step: 'error', message }, { status, headers })
  const checked = verifyConfirmToken(token, new Date())
  if (!checked.ok)
    return fail(t(checked.reason === 'expired' ? 'upkeep.page.expired' : 'upkeep.page.invalid'), 400)
  const db = await getDb()
  if (confirm && (await confirmListing(db, checked.id)) !== 'confirmed')
    return fail(t('upkeep.page.gone'), 409)
  const row = await db
    .selectFrom('businesses')
    .select(['id', 'name_ru', 'name_en', 'name_local', 'status', 'confirmed_at'])
    .where('id', '=', checked.id)
    .executeTakeFirst()
  if (!row || row.status !== 'published') return fail(t('upkeep.page.gone'), 410)
  return data<Page>(
    {
      step: confirm ? 'done' : 'ask',
      id: row.id,
      name: listingName(row, locale),
      confirmedAt: new Date(row.confirmed_at).toISOString(),
      token,
    },
    { headers },
  )
}

/**
 * The link in the yearly mail, opened signed out. GET shows the listing and one button: mail scanners
 * open links on their own, and that must not confirm a listing nobody looked at.
 */
export async function loader({ request }: Route.LoaderArgs) {
  return load(request, new URL(request.url).searchParams.get('token') ?? '', false)
}

/** The page's button: the signed token is the only credential, so it works without signing in. */
export async function action({ request }: Route.ActionArgs) {
  const token = await tokenFromPost(request)
  return load(request, token, true)
}

export default function ConfirmListing({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const page = actionData ?? loaderData
  return (
    <div className="auth-page confirm-listing-page">
      <h1>{t('upkeep.page.title')}</h1>
      {page.step === 'error' ? (
        <p className="field-error" role="alert">
          {page.message}
        </p>
      ) : page.step === 'done' ? (
        <p role="status">
          {t('upkeep.page.done', { name: page.name, date: formatDay(page.confirmedAt, locale) })}
        </p>
      ) : (
        <Form method="post" className="stack-form">
          <p>{t('upkeep.page.intro', { name: page.name })}</p>
          <input type="hidden" name="token" value={page.token} />
          <p>
            <button type="submit">{t('upkeep.page.confirm')}</button>
          </p>
          <p>
            <Link to={`/my/listings/${page.id}`}>{t('upkeep.page.edit')}</Link>
            {' · '}
            <Link to={`/businesses/${page.id}`}>{t('upkeep.page.view')}</Link>
          </p>
        </Form>
      )}
    </div>
  )
}
