import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import { appUrl } from '~/modules/accounts/auth.server'
import { makeTranslator } from '~/modules/i18n/translate'
import { sendMail } from '~/modules/mail/mailer.server'
import { listingName } from './names'

/** Published or returned: the owner hears it in the owner's language (imported listings have none). */
export async function notifyOwner(
  db: Kysely<Database>,
  id: number,
  action: 'publish' | 'return',
  reason: string | null,
) {
  const row = await db
    .selectFrom('businesses')
    .innerJoin('users', 'users.id', 'businesses.owner_id')
    .select([
      'businesses.id',
      'businesses.name_ru',
      'businesses.name_en',
      'businesses.name_local',
      'users.email',
      'users.locale',
    ])
    .where('businesses.id', '=', id)
    .where('users.deleted_at', 'is', null)
    .executeTakeFirst()
  if (!row) return
  const t = makeTranslator(row.locale)
  const name = listingName(row, row.locale)
  const published = action === 'publish'
  await sendMail(db, {
    to: row.email,
    locale: row.locale,
    kind: published ? 'listing_published' : 'listing_returned',
    subject: t(published ? 'mail.published.subject' : 'mail.returned.subject', { name }),
    text: published
      ? t('mail.published.text', { name, url: `${appUrl()}/businesses/${id}` })
      : t('mail.returned.text', { name, reason: reason ?? '', url: `${appUrl()}/my/listings/${id}` }),
  })
}

/** The coordinators of a country's council, with their mail preference. */
function coordinatorsOf(db: Kysely<Database>) {
  return db
    .selectFrom('role_grants')
    .innerJoin('councils', 'councils.id', 'role_grants.council_id')
    .innerJoin('users', 'users.id', 'role_grants.user_id')
    .where('role_grants.role', '=', 'council_coordinator')
    .where('users.blocked_at', 'is', null)
    .where('users.deleted_at', 'is', null)
}

/**
 * A listing was submitted: its country's coordinators who chose one e-mail per listing get one now;
 * those on the daily digest get it with the next digest.
 */
export async function notifySubmitted(db: Kysely<Database>, id: number) {
  const business = await db
    .selectFrom('businesses')
    .select(['id', 'name_ru', 'name_en', 'name_local', 'country_code'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!business) return
  const recipients = await coordinatorsOf(db)
    .select(['users.email', 'users.locale'])
    .where('councils.country_code', '=', business.country_code)
    .where('users.moderation_mail', '=', 'each')
    .distinct()
    .execute()
  for (const r of recipients) {
    const t = makeTranslator(r.locale)
    const name = listingName(business, r.locale)
    await sendMail(db, {
      to: r.email,
      locale: r.locale,
      kind: 'listing_submitted',
      subject: t('mail.submitted.subject', { name }),
      text: t('mail.submitted.text', { name, url: `${appUrl()}/moderation/${id}` }),
    })
  }
}

const DAY_MS = 24 * 60 * 60 * 1000

/**
 * The daily digest: every coordinator on 'daily' whose last digest is a day old (or who never had
 * one) gets the listings of their countries submitted since then and still pending — one e-mail, or
 * none when nothing new came in. Returns how many e-mails went out. Run by an interval in the app
 * (scripts/start.ts) and by tests with their own `now`.
 */
export async function sendModerationDigests(db: Kysely<Database>, now: Date): Promise<number> {
  const dayAgo = new Date(now.getTime() - DAY_MS)
  const due = await coordinatorsOf(db)
    .select(['users.id', 'users.email', 'users.locale', 'users.moderation_digest_at'])
    .select(sql<string[]>`array_agg(distinct councils.country_code)`.as('countries'))
    .where('users.moderation_mail', '=', 'daily')
    .where((eb) =>
      eb.or([eb('users.moderation_digest_at', 'is', null), eb('users.moderation_digest_at', '<=', dayAgo)]),
    )
    .groupBy(['users.id', 'users.email', 'users.locale', 'users.moderation_digest_at'])
    .execute()
  let sent = 0
  for (const user of due) {
    const since = user.moderation_digest_at ? new Date(user.moderation_digest_at) : dayAgo
    const countries = (user.countries ?? []).map((c) => c.trim())
    const items = await db
      .selectFrom('businesses')
      .select(['id', 'name_ru', 'name_en', 'name_local', 'country_code'])
      .where('status', '=', 'pending')
      .where('country_code', 'in', countries.length ? countries : ['--'])
      .where('submitted_at', '>', since)
      .where('submitted_at', '<=', now)
      .orderBy('submitted_at')
      .limit(200)
      .execute()
    // The mark moves even when nothing came in, so the next digest covers exactly the next day.
    await db.updateTable('users').set({ moderation_digest_at: now }).where('id', '=', user.id).execute()
    if (items.length === 0) continue
    const t = makeTranslator(user.locale)
    const lines = items.map(
      (b) => `- ${listingName(b, user.locale)} (${b.country_code.trim()}): ${appUrl()}/moderation/${b.id}`,
    )
    await sendMail(db, {
      to: user.email,
      locale: user.locale,
      kind: 'moderation_digest',
      subject: t('mail.digest.subject', { n: items.length }),
      text: `${t('mail.digest.text', { n: items.length, url: `${appUrl()}/moderation` })}\n\n${lines.join('\n')}`,
    })
    sent += 1
  }
  return sent
}

/** A coordinator switches between one e-mail per listing and the daily digest. */
export async function setModerationMail(db: Kysely<Database>, userId: string, mode: 'each' | 'daily') {
  await db
    .updateTable('users')
    .set({ moderation_mail: mode, moderation_digest_at: mode === 'daily' ? new Date() : null })
    .where('id', '=', userId)
    .execute()
}
