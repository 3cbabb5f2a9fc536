import { Form, redirect, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { AdminNav } from '~/components/admin-nav'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import { listSectors, saveSectorLabels } from '~/modules/admin/admin.server'
import { adminFailure, invalidFields } from '~/modules/admin/route-helpers.server'
import { formObject, sectorSchema } from '~/modules/admin/schemas'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import type { Route } from './+types/sectors'

export function meta() {
  return [{ title: 'Отрасли · Sectors' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  await requireRole(db, request, 'admin')
  return { sectors: await listSectors(db) }
}

const labels = {
  code: 'admin.sectors.name',
  nameRu: 'admin.councils.nameRu',
  nameEn: 'admin.councils.nameEn',
  shortRu: 'admin.sectors.short',
  shortEn: 'admin.sectors.short',
} as const

export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const t = makeTranslator(await getLocale(request))
  const me = await requireRole(db, request, 'admin')
  const values = formObject(await readForm(request, t('error.badRequest.title')))
  const parsed = sectorSchema.safeParse(values)
  if (!parsed.success) return invalidFields(parsed.error, t, labels, values)
  try {
    await saveSectorLabels(db, me.id, parsed.data)
  } catch (error) {
    return adminFailure(error, t, values)
  }
  return redirect('/admin/sectors?saved=1')
}

export default function AdminSectors({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const failed = actionData?.values
  return (
    <div className="admin-page">
      <h1>{t('admin.nav.sectors')}</h1>
      <AdminNav />
      {params.get('saved') ? <FormNotice kind="ok">{t('admin.saved')}</FormNotice> : null}
      {actionData?.error ? <FormNotice kind="error">{actionData.error}</FormNotice> : null}
      <ul className="admin-sectors">
        {loaderData.sectors.map((s) => {
          const v =
            failed?.code === s.code
              ? failed
              : { nameRu: s.name_ru, nameEn: s.name_en, shortRu: s.short_ru, shortEn: s.short_en }
          return (
            <li key={s.code} data-code={s.code}>
              <Form method="post">
                <input type="hidden" name="code" value={s.code} />
                <strong>{s.code}</strong>{' '}
                {(['nameRu', 'nameEn', 'shortRu', 'shortEn'] as const).map((f) => (
                  <label key={f} className="field">
                    <span>
                      {t(labels[f])} ({f.endsWith('Ru') ? 'ru' : 'en'})
                    </span>
                    <input name={f} defaultValue={v[f] ?? ''} maxLength={300} />
                  </label>
                ))}
                <button type="submit">{t('admin.save')}</button>
              </Form>
            </li>
          )
        })}
      </ul>
    </div>
  )
}
