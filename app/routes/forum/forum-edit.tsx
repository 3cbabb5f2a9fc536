import { useEffect, useState } from 'react'
import { data, Form, redirect, useSearchParams } from 'react-router'
import { forbidden } from '~/modules/accounts/guard.server'
import { readForm } from '~/modules/http/read-form'
import { useT } from '~/modules/i18n/use-translation'
import { fieldErrors, formRecord } from '~/modules/nominations/content-schema'
import { forumSchema, quotaSchema } from '~/modules/nominations/forum-schema'
import { createForum, quotaTable, setQuota, updateForum } from '~/modules/nominations/forums.server'
import { getForum } from '~/modules/nominations/read.server'
import { forumContext, orRefuse, parseId } from '~/modules/nominations/route-context.server'
import { commonTimeZones, instantToZonedLocal, zonedLocalToInstant } from '~/modules/nominations/zoned-time'
import type { Route } from './+types/forum-edit'

export function meta() {
  return [{ title: 'Форум · Forum' }]
}

type Values = Record<string, string>

async function chairContext(request: Request) {
  const ctx = await forumContext(request)
  if (!ctx.isChair) throw await forbidden(request)
  return ctx
}

const iso = (d: Date | string | null) => (d ? new Date(d).toISOString() : '')
const day = (d: Date | string | null) => (d ? new Date(d).toISOString().slice(0, 10) : '')

export async function loader({ request, params }: Route.LoaderArgs) {
  const { db, t } = await chairContext(request)
  if (params.id === undefined) return { id: null, forum: null, quotas: [] }
  const id = parseId(t, params.id)
  const forum = await orRefuse(t, () => getForum(db, id))
  const quotas = await quotaTable(db, id)
  return {
    id,
    forum: {
      titleRu: forum.title_ru,
      titleEn: forum.title_en,
      year: String(forum.year),
      placeRu: forum.place_ru ?? '',
      placeEn: forum.place_en ?? '',
      startsOn: day(forum.starts_on),
      endsOn: day(forum.ends_on),
      opensAt: iso(forum.nominations_open_at),
      closesAt: iso(forum.nominations_close_at),
      status: forum.status,
      defaultQuota: String(forum.default_quota),
    } as Values,
    quotas: quotas.map((q) => ({
      code: q.code.trim(),
      nameRu: q.name_ru,
      nameEn: q.name_en,
      override: q.override,
      quota: q.override ?? q.default_quota,
      used: Number(q.used ?? 0),
    })),
  }
}

export async function action({ request, params }: Route.ActionArgs) {
  const ctx = await chairContext(request)
  const { db, actor, t } = ctx
  const id = params.id === undefined ? null : parseId(t, params.id)
  if (id !== null) await orRefuse(t, () => getForum(db, id))
  const form = formRecord(await readForm(request, t('error.badRequest.title')))
  if (form.intent === 'quota' && id !== null) {
    const raw = { countryCode: (form.countryCode ?? '').toUpperCase(), quota: form.quota ?? '' }
    if (raw.quota.trim() === '') {
      const code = raw.countryCode
      if (!/^[A-Z]{2}$/.test(code))
        return data({ values: form, errors: { quota: 'invalid_choice' } }, { status: 400 })
      await orRefuse(t, () => setQuota(db, actor, id, code, null))
      return redirect(`/forums/${id}/edit?saved=1`)
    }
    const parsed = quotaSchema.safeParse(raw)
    if (!parsed.success)
      return data(
        { values: form, errors: { quota: fieldErrors(parsed.error).quota ?? 'invalid' } },
        { status: 400 },
      )
    await orRefuse(t, () => setQuota(db, actor, id, parsed.data.countryCode, parsed.data.quota))
    return redirect(`/forums/${id}/edit?saved=1`)
  }
  const zone = form.timeZone ?? 'UTC'
  const errors: Record<string, string> = {}
  const instant = (key: 'opensAt' | 'closesAt') => {
    const local = form[`${key}Local`]?.trim()
    if (!local) return ''
    const at = zonedLocalToInstant(local, zone)
    if (!at) errors[key] = 'invalid_date'
    return at?.toISOString() ?? ''
  }
  const parsed = forumSchema.safeParse({
    ...form,
    opensAt: instant('opensAt'),
    closesAt: instant('closesAt'),
  })
  if (!parsed.success || Object.keys(errors).length > 0) {
    return data(
      { values: form, errors: { ...(parsed.success ? {} : fieldErrors(parsed.error)), ...errors } },
      { status: 400 },
    )
  }
  const saved =
    id === null
      ? await orRefuse(t, () => createForum(db, actor, parsed.data))
      : await orRefuse(t, () => updateForum(db, actor, id, parsed.data))
  return redirect(`/forums/${saved.id}/edit?saved=1`)
}

function Field({
  name,
  label,
  value,
  error,
  type = 'text',
}: {
  name: string
  label: string
  value?: string
  error?: string
  type?: string
}) {
  const t = useT()
  return (
    <div className="field">
      <label htmlFor={`f-${name}`}>{label}</label>
      <input
        id={`f-${name}`}
        name={name}
        type={type}
        defaultValue={value}
        aria-invalid={error ? true : undefined}
      />
      {error ? <p className="field-error">{t(`formError.${error}` as never)}</p> : null}
    </div>
  )
}

export default function ForumEdit({ loaderData, actionData }: Route.ComponentProps) {
  const t = useT()
  const resubmitted = actionData?.values as Values | undefined
  const errors = (actionData?.errors ?? {}) as Record<string, string>
  const forum = loaderData.forum ?? {}
  const [zone, setZone] = useState(resubmitted?.timeZone ?? 'UTC')
  const [browserZone, setBrowserZone] = useState<string | null>(null)
  useEffect(() => {
    const own = Intl.DateTimeFormat().resolvedOptions().timeZone
    setBrowserZone(own)
    // The chair thinks in their own zone: show stored times there unless they already typed something.
    if (!resubmitted) setZone(own)
  }, [resubmitted])
  const zones =
    browserZone && !commonTimeZones.includes(browserZone as never)
      ? [browserZone, ...commonTimeZones]
      : [...commonTimeZones]
  const localOf = (key: 'opensAt' | 'closesAt') =>
    resubmitted
      ? (resubmitted[`${key}Local`] ?? '')
      : forum[key]
        ? instantToZonedLocal(new Date(forum[key]), zone)
        : ''
  const v = (key: string) => (resubmitted ? resubmitted[key] : forum[key]) ?? ''
  const [search] = useSearchParams()
  const saved = search.has('saved')
  return (
    <div>
      <h1>{loaderData.id ? t('forum.edit') : t('forum.new')}</h1>
      {saved && !actionData ? <p className="notice notice-ok">{t('forum.saved')}</p> : null}
      {Object.keys(errors).length > 0 ? (
        <p className="notice notice-error" role="alert">
          {t('formError.check')}
        </p>
      ) : null}
      <Form method="post" className="forum-form">
        <input type="hidden" name="intent" value="forum" />
        <Field name="titleRu" label={t('forum.titleRu')} value={v('titleRu')} error={errors.titleRu} />
        <Field name="titleEn" label={t('forum.titleEn')} value={v('titleEn')} error={errors.titleEn} />
        <Field
          name="year"
          label={t('forum.year')}
          value={v('year') || String(new Date().getFullYear() + 1)}
          error={errors.year}
          type="number"
        />
        <Field name="placeRu" label={t('forum.placeRu')} value={v('placeRu')} error={errors.placeRu} />
        <Field name="placeEn" label={t('forum.placeEn')} value={v('placeEn')} error={errors.placeEn} />
        <Field
          name="startsOn"
          label={t('forum.startsOn')}
          value={v('startsOn')}
          error={errors.startsOn}
          type="date"
        />
        <Field
          name="endsOn"
          label={t('forum.endsOn')}
          value={v('endsOn')}
          error={errors.endsOn}
          type="date"
        />
        <div className="field">
          <label htmlFor="f-timeZone">{t('forum.timeZone')}</label>
          <select id="f-timeZone" name="timeZone" value={zone} onChange={(e) => setZone(e.target.value)}>
            {zones.map((z) => (
              <option key={z} value={z}>
                {z}
              </option>
            ))}
          </select>
        </div>
        <Field
          key={`o-${zone}`}
          name="opensAtLocal"
          label={t('forum.opensAt')}
          value={localOf('opensAt')}
          error={errors.opensAt}
          type="datetime-local"
        />
        <Field
          key={`c-${zone}`}
          name="closesAtLocal"
          label={t('forum.closesAt')}
          value={localOf('closesAt')}
          error={errors.closesAt}
          type="datetime-local"
        />
        <div className="field">
          <label htmlFor="f-status">{t('forum.status')}</label>
          <select id="f-status" name="status" defaultValue={v('status') || 'planned'}>
            {(['planned', 'open', 'closed', 'held'] as const).map((s) => (
              <option key={s} value={s}>
                {t(`forum.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="defaultQuota"
          label={t('forum.defaultQuota')}
          value={v('defaultQuota') || '3'}
          error={errors.defaultQuota}
          type="number"
        />
        <button type="submit">{t('forum.save')}</button>
      </Form>
      {loaderData.id ? (
        <section>
          <h2>{t('forum.quotas')}</h2>
          {errors.quota ? (
            <p className="notice notice-error">{t(`formError.${errors.quota}` as never)}</p>
          ) : null}
          <table className="data-table">
            <thead>
              <tr>
                <th>{t('forum.country')}</th>
                <th>{t('forum.quota')}</th>
                <th>{t('forum.used')}</th>
                <th>{t('forum.override')}</th>
              </tr>
            </thead>
            <tbody>
              {loaderData.quotas.map((q) => (
                <tr key={q.code}>
                  <td>
                    {t.locale === 'ru' ? q.nameRu : q.nameEn} ({q.code})
                  </td>
                  <td>{q.quota}</td>
                  <td>{q.used}</td>
                  <td>
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="quota" />
                      <input type="hidden" name="countryCode" value={q.code} />
                      <input
                        name="quota"
                        type="number"
                        min={0}
                        aria-label={`${t('forum.quota')} ${q.code}`}
                        defaultValue={q.override ?? ''}
                        size={4}
                      />
                      <button type="submit">{t('forum.saveQuota')}</button>
                    </Form>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      ) : null}
    </div>
  )
}
