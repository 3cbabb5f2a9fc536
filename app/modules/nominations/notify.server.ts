import type { Kysely } from 'kysely'
import type { Database, NominationStatus } from '#db/schema'
import { pick } from '~/modules/i18n/locales'
import { makeTranslator } from '~/modules/i18n/translate'
import { sendMail } from '~/modules/mail/mailer.server'
import { recipients } from './read.server'
import type { NominationAction } from './state'

type Mailed = {
  id: number
  council_id: number
  status: NominationStatus
  person_name: string
  country_code: string
  forum_id: number
}

/**
 * Tells the parties about a transition, each in their own language: a submission goes to the
 * chairs and the council's coordinators; the chair's decisions go to the council. Withdrawals are
 * the council's own act, so the chairs hear of it.
 */
export async function notifyTransition(
  db: Kysely<Database>,
  nomination: Mailed,
  action: NominationAction,
  note: string | null,
  origin: string,
) {
  const who =
    action === 'submit'
      ? { councilId: nomination.council_id, chairs: true }
      : action === 'withdraw'
        ? { councilId: nomination.council_id, chairs: true }
        : { councilId: nomination.council_id }
  const [people, forum] = await Promise.all([
    recipients(db, who),
    db
      .selectFrom('forums')
      .select(['title_ru', 'title_en'])
      .where('id', '=', nomination.forum_id)
      .executeTakeFirstOrThrow(),
  ])
  const url = `${origin}/nominations/${nomination.id}`
  for (const person of people) {
    const t = makeTranslator(person.locale)
    const params = {
      id: String(nomination.id),
      forum: pick(person.locale, forum.title_ru, forum.title_en) ?? '',
      status: t(`nomination.status.${nomination.status}`),
      person: nomination.person_name,
      country: nomination.country_code.trim(),
      note: note ? t('mail.nomination.note', { note }) : '',
      url,
    }
    await sendMail(db, {
      to: person.email,
      locale: person.locale,
      kind: `nomination_${action}`,
      subject: t('mail.nomination.subject', params),
      text: t('mail.nomination.body', params),
    })
  }
}
