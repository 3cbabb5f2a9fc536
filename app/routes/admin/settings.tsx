import { data, Form, redirect, useSearchParams } from 'react-router'
import { getDb } from '#db/client.server'
import { AdminNav } from '~/components/admin-nav'
import { FormNotice } from '~/components/form-field'
import { requireRole } from '~/modules/accounts/guard.server'
import { readForm } from '~/modules/http/read-form'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { useT } from '~/modules/i18n/use-translation'
import {
  type EmbedPolicy,
  getSettings,
  normaliseOrigin,
  saveSetting,
} from '~/modules/settings/settings.server'
import { syncVerificationFlags } from '~/modules/upkeep/verification-expiry.server'
import type { Route } from './+types/settings'

export function meta() {
  return [{ title: 'Настройки · Settings' }]
}

export async function loader({ request }: Route.LoaderArgs) {
  const db = await getDb()
  await requireRole(db, request, 'admin')
  return { settings: await getSettings(db) }
}

type Values = { mode: string; origins: string; months: string }

export async function action({ request }: Route.ActionArgs) {
  const db = await getDb()
  const t = makeTranslator(await getLocale(request))
  const me = await requireRole(db, request, 'admin')
  const form = await readForm(request, t('error.badRequest.title'))
  const values: Values = {
    mode: String(form.get('mode') ?? ''),
    origins: String(form.get('origins') ?? ''),
    months: String(form.get('months') ?? ''),
  }
  const errors: string[] = []
  const mode = (['none', 'allowlist', 'any'] as const).find((m) => m === values.mode)
  const lines = values.origins
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
  const origins = lines.map(normaliseOrigin)
  const bad = lines.filter((_, i) => origins[i] === null)
  if (!mode) errors.push(t('admin.error.invalid', { fields: t('settings.embed.legend') }))
  if (bad.length) errors.push(t('settings.embed.badOrigins', { lines: bad.slice(0, 5).join(', ') }))
  if (lines.length > 50) errors.push(t('admin.error.invalid', { fields: t('settings.embed.origins') }))
  if (mode === 'allowlist' && lines.length === 0) errors.push(t('settings.embed.emptyAllowlist'))
  const months = Number(values.months)
  if (!/^\d{1,3}$/.test(values.months.trim()) || months < 1 || months > 120) {
    errors.push(t('settings.verification.bad'))
  }
  if (errors.length || !mode) return data({ errors, values }, { status: 400 })
  const policy: EmbedPolicy = { mode, origins: [...new Set(origins.filter((o): o is string => o !== null))] }
  await saveSetting(db, 'embedPolicy', policy, me.id)
  const previousMonths = (await getSettings(db)).verificationValidityMonths
  await saveSetting(db, 'verificationValidityMonths', months, me.id)
  // A new period changes which verifications stand: the search data follows at once.
  if (months !== previousMonths) await syncVerificationFlags(db)
  return redirect('/admin/settings?saved=1')
}

export default function AdminSettings({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const [params] = useSearchParams()
  const { settings } = loaderData
  const values: Values = actionData?.values ?? {
    mode: settings.embedPolicy.mode,
    origins: settings.embedPolicy.origins.join('\n'),
    months: String(settings.verificationValidityMonths),
  }
  return (
    <div className="admin-page">
      <h1>{t('settings.title')}</h1>
      <AdminNav />
      {params.get('saved') && !actionData ? <FormNotice kind="ok">{t('admin.saved')}</FormNotice> : null}
      {actionData?.errors.map((error) => (
        <FormNotice key={error} kind="error">
          {error}
        </FormNotice>
      ))}
      <Form method="post" className="settings-form">
        <fieldset>
          <legend>{t('settings.embed.legend')}</legend>
          <p className="field-hint">{t('settings.embed.help')}</p>
          {(['none', 'allowlist', 'any'] as const).map((mode) => (
            <label key={mode} className="radio-option">
              <input type="radio" name="mode" value={mode} defaultChecked={values.mode === mode} />{' '}
              {t(`settings.embed.${mode}`)}
            </label>
          ))}
          <label className="field">
            <span>{t('settings.embed.origins')}</span>
            <textarea name="origins" rows={4} defaultValue={values.origins} maxLength={5000} />
          </label>
        </fieldset>
        <fieldset>
          <legend>{t('settings.verification.legend')}</legend>
          <label className="field">
            <span>{t('settings.verification.months')}</span>
            <input name="months" inputMode="numeric" defaultValue={values.months} maxLength={3} required />
          </label>
        </fieldset>
        <button type="submit">{t('admin.save')}</button>
      </Form>
    </div>
  )
}
