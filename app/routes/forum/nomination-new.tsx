import { useEffect, useState } from 'react'
import { data, Form, redirect } from 'react-router'
import { NominationFields, type NominationValues } from '~/components/nomination-fields'
import { forbidden } from '~/modules/accounts/guard.server'
import { readForm } from '~/modules/http/read-form'
import { pick } from '~/modules/i18n/locales'
import { useLocale, useT } from '~/modules/i18n/use-translation'
import {
  fieldErrors,
  formRecord,
  JUSTIFICATION_MAX,
  newNominationSchema,
} from '~/modules/nominations/content-schema'
import { nominationErrorMessage, nominationErrorStatus } from '~/modules/nominations/error-message'
import { NominationError } from '~/modules/nominations/errors'
import { createNomination } from '~/modules/nominations/nominations.server'
import { getForum, searchNominableListings } from '~/modules/nominations/read.server'
import { forumContext, orRefuse, parseId } from '~/modules/nominations/route-context.server'
import type { Route } from './+types/nomination-new'

export function meta() {
  return [{ title: 'Новая заявка · New nomination' }]
}

type Listing = {
  id: number
  name_ru: string | null
  name_en: string | null
  name_local: string | null
  city: string | null
}

async function councilContext(request: Request) {
  const ctx = await forumContext(request)
  if (!ctx.isCouncil) throw await forbidden(request)
  return ctx
}

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, t, countries } = await councilContext(request)
  const id = parseId(t, params.id)
  const forum = await orRefuse(t, () => getForum(db, id))
  const q = (new URL(request.url).searchParams.get('q') ?? '').slice(0, 100)
  const listings = await searchNominableListings(db, countries, q)
  return {
    forum: { id: forum.id, titleRu: forum.title_ru, titleEn: forum.title_en },
    q,
    listings: listings as Listing[],
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const { db, t, actor } = await councilContext(request)
  const id = parseId(t, params.id)
  await orRefuse(t, () => getForum(db, id))
  const form = formRecord(await readForm(request, t('error.badRequest.title')))
  const parsed = newNominationSchema.safeParse(form)
  if (!parsed.success) {
    return data(
      { values: form, errors: fieldErrors(parsed.error), formError: t('formError.check') },
      { status: 400 },
    )
  }
  const { businessId, ...content } = parsed.data
  try {
    const row = await createNomination(db, actor, { forumId: id, businessId, content })
    return redirect(`/nominations/${row.id}?done=save`)
  } catch (error) {
    if (!(error instanceof NominationError)) throw error
    return data(
      { values: form, errors: {}, formError: nominationErrorMessage(t, error) },
      { status: nominationErrorStatus(error) },
    )
  }
}

function label(l: Listing, locale: 'ru' | 'en') {
  return [pick(locale, l.name_ru, l.name_en) ?? l.name_local, l.city].filter(Boolean).join(', ')
}

export default function NewNomination({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const locale = useLocale()
  const values = (actionData?.values ?? {}) as NominationValues & { businessId?: string }
  const errors = (actionData?.errors ?? {}) as Record<string, string>
  const [q, setQ] = useState(loaderData.q)
  const [listings, setListings] = useState<Listing[]>(loaderData.listings)
  const [picked, setPicked] = useState(values.businessId ?? '')
  useEffect(() => {
    if (q === loaderData.q) {
      setListings(loaderData.listings)
      return
    }
    const controller = new AbortController()
    const timer = setTimeout(() => {
      fetch(`/api/nomination-listings?q=${encodeURIComponent(q)}`, { signal: controller.signal })
        .then((r) => r.json())
        .then((body: { listings: Listing[] }) => setListings(body.listings))
        .catch(() => {})
    }, 200)
    return () => {
      clearTimeout(timer)
      controller.abort()
    }
  }, [q, loaderData])
  return (
    <div>
      <h1>{t('nomination.new')}</h1>
      <p>
        {t('nomination.forum')}: {pick(locale, loaderData.forum.titleRu, loaderData.forum.titleEn)}
      </p>
      {actionData?.formError ? (
        <p className="notice notice-error" role="alert">
          {actionData.formError}
        </p>
      ) : null}
      <Form method="get" className="search-form" role="search">
        <label htmlFor="f-q">{t('nomination.businessSearch')}</label>
        <input
          id="f-q"
          name="q"
          type="search"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          autoComplete="off"
        />
        <button type="submit">{t('nomination.search')}</button>
      </Form>
      <Form method="post">
        <fieldset>
          <legend>{t('nomination.businessPick')} *</legend>
          {listings.length === 0 ? <p>{t('nomination.noListings')}</p> : null}
          {listings.map((l) => (
            <label key={l.id} className="radio">
              <input
                type="radio"
                name="businessId"
                value={l.id}
                checked={picked === String(l.id)}
                onChange={() => setPicked(String(l.id))}
              />{' '}
              {label(l, locale)}
            </label>
          ))}
          {errors.businessId ? (
            <p className="field-error">{t(`formError.${errors.businessId}` as never)}</p>
          ) : null}
        </fieldset>
        <NominationFields values={values} errors={errors} max={JUSTIFICATION_MAX} />
        <button type="submit">{t('nomination.saveDraft')}</button>
      </Form>
    </div>
  )
}
