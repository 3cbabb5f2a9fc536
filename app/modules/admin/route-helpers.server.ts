import { data } from 'react-router'
import type { z } from 'zod'
import type { MessageKey } from '~/modules/i18n/messages'
import type { Translator } from '~/modules/i18n/translate'
import { AdminError } from './admin.server'

/** A refused admin change as a 4xx with the message; the typed values go back to the form. */
export function adminFailure(error: unknown, t: Translator, values: Record<string, string>) {
  if (!(error instanceof AdminError)) throw error
  const status = error.code === 'notFound' ? 404 : error.code === 'duplicate' ? 409 : 400
  return data({ error: t(`admin.error.${error.code}`), values }, { status })
}

/** Invalid fields, named by their labels, as a 400 that keeps what was typed. */
export function invalidFields(
  error: z.ZodError,
  t: Translator,
  labels: Record<string, MessageKey>,
  values: Record<string, string>,
) {
  const fields = [...new Set(error.issues.map((i) => String(i.path[0])))].map((f) =>
    labels[f] ? t(labels[f]) : f,
  )
  return data({ error: t('admin.error.invalid', { fields: fields.join(', ') }), values }, { status: 400 })
}
