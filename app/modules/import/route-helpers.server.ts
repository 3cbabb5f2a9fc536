import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { requireRole } from '~/modules/accounts/guard.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { moderatorCountryChoices } from '~/modules/moderation/moderation.server'
import { checkImport } from './imports.server'
import { MAX_IMPORT_BYTES } from './parse.server'

/**
 * Who may import and for which countries: a council's coordinators for their council's country,
 * admins for any region country. Everyone else gets 403 before anything is read.
 */
export async function importScope(request: Request, askedCountry?: string | null) {
  const db = await getDb()
  const locale = await getLocale(request)
  const t = makeTranslator(locale)
  const user = await requireRole(db, request, 'council_coordinator', 'admin')
  const choices = await moderatorCountryChoices(db, user, locale)
  if (choices.length === 0) throw data(t('moderation.noCountries'), { status: 403 })
  const asked = askedCountry?.toUpperCase()
  const country = asked ? choices.find((c) => c.code === asked) : choices[0]
  if (!country) throw data(t('error.forbidden'), { status: 403 })
  return { db, locale, t, user, choices, country }
}

/** The import a URL names, if this user may see its country; otherwise 404 (its existence stays private). */
export async function importIdScope(request: Request, rawId: string | undefined) {
  const base = await importScope(request)
  const id = /^\d{1,9}$/.test(rawId ?? '') ? Number(rawId) : null
  const row = id
    ? await base.db.selectFrom('imports').select('country_code').where('id', '=', id).executeTakeFirst()
    : undefined
  const country = row ? base.choices.find((c) => c.code === row.country_code.trim()) : undefined
  if (!id || !country) throw data(base.t('import.error.notFound'), { status: 404 })
  return { ...base, id, country }
}

export type UploadOutcome = { error: string; status: number } | { id: number }

/**
 * The upload step shared by the page's form (no JavaScript) and the progress-reporting upload:
 * refuses a body over the limit before reading it, then checks the file (nothing is imported yet).
 */
export async function handleUpload(request: Request): Promise<UploadOutcome> {
  const url = new URL(request.url)
  const length = Number(request.headers.get('content-length') ?? 0)
  const { db, t, locale, user, country } = await importScope(request, url.searchParams.get('country'))
  const tooLarge = {
    error: t('import.error.tooLarge', { max: MAX_IMPORT_BYTES / 1024 / 1024 }),
    status: 413,
  }
  // Multipart framing adds a few hundred bytes to the file itself.
  if (length > MAX_IMPORT_BYTES + 64 * 1024) return tooLarge
  let form: FormData
  try {
    form = await request.formData()
  } catch {
    return { error: t('import.error.unreadable'), status: 400 }
  }
  const chosen = String(form.get('country') ?? country.code).toUpperCase()
  const scope = chosen === country.code ? { country } : await importScope(request, chosen)
  const file = form.get('file')
  if (!(file instanceof File) || file.size === 0) return { error: t('import.noFile'), status: 400 }
  if (file.size > MAX_IMPORT_BYTES) return tooLarge
  const outcome = await checkImport(db, {
    user,
    countryCode: scope.country.code,
    fileName: file.name,
    bytes: new Uint8Array(await file.arrayBuffer()),
    t,
    locale,
  })
  return 'failure' in outcome ? { error: outcome.failure, status: 400 } : outcome
}
