import { data } from 'react-router'
import { getDb } from '#db/client.server'
import { type CurrentUser, requireRole } from '~/modules/accounts/guard.server'
import { getLocale } from '~/modules/i18n/locale.server'
import { makeTranslator, type Translator } from '~/modules/i18n/translate'
import { councilCountries, toActor } from './actor'
import { nominationErrorMessage, nominationErrorStatus } from './error-message'
import { NominationError } from './errors'
import { isChair, isReviewer, type NominationActor } from './state'

export type ForumContext = {
  db: Awaited<ReturnType<typeof getDb>>
  user: CurrentUser
  actor: NominationActor
  t: Translator
  countries: string[]
  isCouncil: boolean
  isReviewer: boolean
  isChair: boolean
}

/** Every forum page: signed in as a coordinator, working-group member or chair, or refused (403). */
export async function forumContext(request: Request): Promise<ForumContext> {
  const db = await getDb()
  const user = await requireRole(db, request, 'council_coordinator', 'wg_member', 'wg_chair')
  const actor = toActor(user)
  return {
    db,
    user,
    actor,
    t: makeTranslator(await getLocale(request)),
    countries: councilCountries(user),
    isCouncil: actor.councilIds.length > 0,
    isReviewer: isReviewer(actor),
    isChair: isChair(actor),
  }
}

/** A positive integer route id, or a 404 (never a 500 for `/nominations/abc`). */
export function parseId(t: Translator, raw: string | undefined) {
  const id = Number(raw)
  if (!raw || !/^\d{1,9}$/.test(raw) || !Number.isSafeInteger(id) || id <= 0) {
    throw data(t('error.notFound.text'), { status: 404 })
  }
  return id
}

/** Runs `fn`; a NominationError becomes a thrown 4xx response with a sentence in the viewer's language. */
export async function orRefuse<T>(
  t: Translator,
  fn: () => Promise<T>,
  context: { closesAt?: Date | null } = {},
) {
  try {
    return await fn()
  } catch (error) {
    if (error instanceof NominationError) {
      throw data(nominationErrorMessage(t, error, context), { status: nominationErrorStatus(error) })
    }
    throw error
  }
}
