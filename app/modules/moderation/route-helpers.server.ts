import { data } from 'react-router'
import type { Translator } from '~/modules/i18n/translate'
import { ModerationError } from './moderation.server'

const statusOf: Record<ModerationError['code'], number> = {
  notFound: 404,
  forbidden: 403,
  notAllowed: 409,
  reasonRequired: 400,
  reasonTooLong: 400,
  conflict: 409,
}

/** A refused moderation action as the 4xx reply of a form: the message, and what was typed. */
export function moderationFailure(error: unknown, t: Translator, reason: string) {
  if (!(error instanceof ModerationError)) throw error
  return data(
    { error: t(`moderation.error.${error.code}`), failedId: error.id ?? null, reason },
    { status: statusOf[error.code] },
  )
}
