import type { Translator } from '~/modules/i18n/translate'
import type { NominationError } from './errors'

/** A NominationError as a sentence in the viewer's language; the window's closing time and the quota are named. */
export function nominationErrorMessage(
  t: Translator,
  error: NominationError,
  context: { closesAt?: Date | null } = {},
) {
  const d = error.details
  switch (error.code) {
    case 'wrong_state':
      return t('nominationError.wrong_state', {
        status: d.status ? t(`nomination.status.${d.status}` as never) : '—',
      })
    case 'window_closed':
      return t('nominationError.window_closed', {
        closes: context.closesAt
          ? `${context.closesAt.toISOString().slice(0, 16).replace('T', ' ')} UTC`
          : '—',
      })
    case 'quota_full':
      return t('nominationError.quota_full', { quota: Number(d.quota ?? 0) })
    case 'comment_required':
      return t('nominationError.comment_required', {
        field: t(`nominationField.${String(d.field ?? 'note')}` as never),
      })
    case 'already_nominated':
      return t('nominationError.already_nominated', { id: String(d.id ?? '') })
    default:
      return t(`nominationError.${error.code}`)
  }
}

/** HTTP status for a refusal: missing → 404, forbidden → 403, a conflict with the current state → 409. */
export function nominationErrorStatus(error: NominationError) {
  if (error.code === 'not_found') return 404
  if (error.code === 'not_allowed') return 403
  if (
    error.code === 'stale' ||
    error.code === 'wrong_state' ||
    error.code === 'quota_full' ||
    error.code === 'window_closed' ||
    error.code === 'already_nominated'
  )
    return 409
  return 400
}
