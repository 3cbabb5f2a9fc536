import { type Kysely, sql } from 'kysely'
import type { Database, Locale } from '#db/schema'
import { appUrl } from '~/modules/accounts/auth.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { queueMail } from '~/modules/mail/mailer.server'
import { listingName } from '~/modules/moderation/names'
import { composeConfirmationMail } from './confirm-mail'
import { signConfirmToken } from './confirm-token.server'
import { CONFIRM_AFTER_MONTHS, REMIND_AFTER_MONTHS } from './policy'

export const CONFIRMATION_KIND = 'listing_confirmation'
/** Listings asked about per run; the job runs again later for the rest. */
const BATCH = 500

export type ConfirmationRun = { queued: number }

/** A listing whose owner is asked now; `reminder` when this cycle's first request went unanswered. */
type ClaimedListing = {
  id: number
  name_ru: string | null
  name_en: string | null
  name_local: string | null
  email: string
  locale: Locale
  reminder: boolean
}

/**
 * Asks owners to confirm their published listings (decision 0021): due CONFIRM_AFTER_MONTHS after the
 * last confirmation, and again every REMIND_AFTER_MONTHS while unanswered. The claim (a conditional
 * update of `confirmation_requested_at`) and the mail commit together, so a crash, a restart or a
 * second replica never sends one twice. Owners who are blocked or deleted get nothing.
 */
export async function requestConfirmations(db: Kysely<Database>, now = new Date()): Promise<ConfirmationRun> {
  return db.transaction().execute(async (trx) => {
    const { rows } = await sql<ClaimedListing>`
      with due as (
        select b.id, (b.confirmation_requested_at >= b.confirmed_at) as reminder from businesses b
        join users u on u.id = b.owner_id and u.blocked_at is null and u.deleted_at is null
        where b.status = 'published'
          and b.confirmed_at <= ${now}::timestamptz - make_interval(months => ${CONFIRM_AFTER_MONTHS})
          and (b.confirmation_requested_at is null or b.confirmation_requested_at < b.confirmed_at
            or b.confirmation_requested_at <= ${now}::timestamptz - make_interval(months => ${REMIND_AFTER_MONTHS}))
        order by b.confirmed_at, b.id
        limit ${BATCH}
        for update of b skip locked
      ), claimed as (
        update businesses b set confirmation_requested_at = ${now}
        from due where b.id = due.id
        returning b.id, b.name_ru, b.name_en, b.name_local, b.owner_id, coalesce(due.reminder, false) as reminder
      )
      select c.id, c.name_ru, c.name_en, c.name_local, u.email, u.locale, c.reminder
      from claimed c join users u on u.id = c.owner_id`.execute(trx)
    await queueMail(
      trx,
      rows.map((row) => confirmationMail(row, now)),
    )
    return { queued: rows.length }
  })
}

function confirmationMail(row: ClaimedListing, now: Date) {
  const base = appUrl()
  const t = makeTranslator(row.locale)
  return {
    to: row.email,
    locale: row.locale,
    kind: CONFIRMATION_KIND,
    ...composeConfirmationMail(t, {
      listingName: listingName(row, row.locale),
      confirmUrl: `${base}/confirm?token=${signConfirmToken(row.id, now)}`,
      editUrl: `${base}/my/listings/${row.id}`,
      listingUrl: `${base}/businesses/${row.id}`,
      reminder: row.reminder,
    }),
  }
}

export type ConfirmOutcome = 'confirmed' | 'notPublished' | 'notFound'

/**
 * Records that a published listing is current (its owner clicked the mailed link or the button on
 * "My listings"). Only the confirmation date changes: no new version, so an editor open elsewhere
 * keeps working, and nothing goes back to moderation.
 */
export async function confirmListing(db: Kysely<Database>, businessId: number): Promise<ConfirmOutcome> {
  const row = await db
    .updateTable('businesses')
    .set({ confirmed_at: sql`now()` })
    .where('id', '=', businessId)
    .where('status', '=', 'published')
    .returning('id')
    .executeTakeFirst()
  if (row) return 'confirmed'
  const exists = await db
    .selectFrom('businesses')
    .select('id')
    .where('id', '=', businessId)
    .executeTakeFirst()
  return exists ? 'notPublished' : 'notFound'
}
