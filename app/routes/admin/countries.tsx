import { Form, redirect, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { AdminNav } from '~/components/admin-nav'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import { listCountries, setCountryInRegion } from '~/modules/admin/admin.server'
import { adminFailure, invalidFields } from '~/modules/admin/route-helpers.server'
import { countrySchema, formObject } from '~/modules/admin/schemas'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/countries'

export function meta() {
  return [{ title: 'Страны · Countries' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  await requireRole(db, request, 'admin')
  return { countries: await listCountries(db) }
}

const labels = {
  code: 'admin.countries.code',
  nameRu: 'admin.councils.nameRu',
  nameEn: 'admin.councils.nameEn',
} as const

export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const t = makeTranslator(await getLocale(request))
  const me = await requireRole(db, request, 'admin')
  const values = formObject(await readForm(request, t('error.badRequest.title')))
  const parsed = countrySchema.safeParse(values)
  if (!parsed.success) return invalidFields(parsed.error, t, labels, values)
  try {
    await setCountryInRegion(db, me.id, {
      code: parsed.data.code,
      inRegion: values.intent !== 'remove',
      nameRu: parsed.data.nameRu || undefined,
      nameEn: parsed.data.nameEn || undefined,
    })
  } catch (error) {
    return adminFailure(error, t, values)
  }
  return redirect('/admin/countries?saved=1')
}

export default function AdminCountries({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  return (
    <div className="admin-page">
      <h1>{t('admin.nav.countries')}</h1>
      <AdminNav />
      {params.get('saved') ? <FormNotice kind="ok">{t('admin.saved')}</FormNotice> : null}
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      <table className="admin-countries">
        <tbody>
          {loaderData.countries.map((c) => (
            <tr key={c.code} data-code={c.code} data-in-region={c.inRegion}>
              <td>{c.code}</td>
              <td>{t.locale === 'ru' ? c.nameRu : c.nameEn}</td>
              <td>{t(c.inRegion ? 'admin.countries.inRegion' : 'admin.countries.outOfRegion')}</td>
              <td>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="code" value={c.code} />
                  <button type="submit" name="intent" value={c.inRegion ? 'remove' : 'add'}>
                    {t(c.inRegion ? 'admin.countries.remove' : 'admin.countries.add')}
                  </button>
                </Form>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <h2>{t('admin.countries.new')}</h2>
      <Form method="post">
        {(['code', 'nameRu', 'nameEn'] as const).map((f) => (
          <label key={f} className="field">
            <span>{t(labels[f])}</span>
            <input name={f} defaultValue={actionData?.values?.[f] ?? ''} maxLength={100} />
          </label>
        ))}
        <button type="submit" name="intent" value="add">
          {t('admin.countries.add')}
        </button>
      </Form>
    </div>
  )
}
