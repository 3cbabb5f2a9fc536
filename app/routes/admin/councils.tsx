import { Form, redirect, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { AdminNav } from '~/components/admin-nav'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import { listCouncils, listCountries, saveCouncil } from '~/modules/admin/admin.server'
import { adminFailure, invalidFields } from '~/modules/admin/route-helpers.server'
import { councilSchema, formObject } from '~/modules/admin/schemas'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/councils'

export function meta() {
  return [{ title: 'Советы · Councils' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  await requireRole(db, request, 'admin')
  const [councils, countries] = await Promise.all([listCouncils(db), listCountries(db)])
  return { councils, countries: countries.filter((c) => c.inRegion) }
}

const labels = {
  countryCode: 'admin.councils.country',
  nameRu: 'admin.councils.nameRu',
  nameEn: 'admin.councils.nameEn',
  email: 'admin.councils.email',
  phone: 'admin.councils.phone',
  website: 'admin.councils.website',
} as const

export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const t = makeTranslator(await getLocale(request))
  const me = await requireRole(db, request, 'admin')
  const values = formObject(await readForm(request, t('error.badRequest.title')))
  const parsed = councilSchema.safeParse(values)
  if (!parsed.success) return invalidFields(parsed.error, t, labels, values)
  try {
    await saveCouncil(db, me.id, parsed.data)
  } catch (error) {
    return adminFailure(error, t, values)
  }
  return redirect('/admin/councils?saved=1')
}

type CouncilValues = Partial<Record<keyof typeof labels, string | null>>

function CouncilFields({
  values,
  countries,
}: {
  values: CouncilValues
  countries?: { code: string; name: string }[]
}) {
  const t = useT()
  return (
    <>
      {countries ? (
        <label className="field">
          <span>{t('admin.councils.country')}</span>
          <select name="countryCode" defaultValue={values.countryCode ?? ''}>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.code} · {c.name}
              </option>
            ))}
          </select>
        </label>
      ) : (
        <input type="hidden" name="countryCode" value={values.countryCode ?? ''} />
      )}
      {(['nameRu', 'nameEn', 'email', 'phone', 'website'] as const).map((f) => (
        <label key={f} className="field">
          <span>{t(labels[f])}</span>
          <input name={f} defaultValue={values[f] ?? ''} maxLength={300} />
        </label>
      ))}
    </>
  )
}

export default function AdminCouncils({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const failed = actionData?.values
  return (
    <div className="admin-page">
      <h1>{t('admin.nav.councils')}</h1>
      <AdminNav />
      {params.get('saved') ? <FormNotice kind="ok">{t('admin.saved')}</FormNotice> : null}
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      <ul className="admin-councils">
        {loaderData.councils.map((c) => (
          <li key={c.id} data-country={c.countryCode}>
            <h2>
              {c.countryCode} · {t.locale === 'ru' ? c.nameRu : c.nameEn}
            </h2>
            <p>
              {c.coordinators.length
                ? t('admin.councils.coordinators', { list: c.coordinators.join(', ') })
                : t('admin.councils.noCoordinators')}
            </p>
            <Form method="post">
              <CouncilFields values={failed?.countryCode === c.countryCode ? failed : c} />
              <button type="submit">{t('admin.save')}</button>
            </Form>
          </li>
        ))}
      </ul>
      <h2>{t('admin.councils.new')}</h2>
      <Form method="post">
        <CouncilFields
          values={failed ?? {}}
          countries={loaderData.countries.map((c) => ({
            code: c.code,
            name: t.locale === 'ru' ? c.nameRu : c.nameEn,
          }))}
        />
        <button type="submit">{t('admin.save')}</button>
      </Form>
    </div>
  )
}
