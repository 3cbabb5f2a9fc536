import type { Kysely } from 'kysely'
import type { Database, NominationStatus } from '#db/schema'
import { NominationError } from './errors'
import { quotaFor, usedSlots } from './nominations.server'
import { isChair, isCouncilOf, isReviewer, type NominationActor } from './state'

export async function getForum(db: Kysely<Database>, id: number) {
  const forum = await db.selectFrom('forums').selectAll().where('id', '=', id).executeTakeFirst()
  if (!forum) throw new NominationError('not_found')
  return forum
}

/**
 * Who sees a nomination: its own council always; the working group once it has been submitted
 * (a draft, or a draft withdrawn before submission, is the council's business only).
 */
export function canViewNomination(
  actor: NominationActor,
  n: { council_id: number; status: NominationStatus; submitted_at: Date | null },
) {
  if (isCouncilOf(actor, n.council_id)) return true
  if (!isReviewer(actor)) return false
  if (n.status === 'draft') return false
  if (n.status === 'withdrawn' && !n.submitted_at) return false
  return true
}

/** A nomination with its business, country and forum names; refused (not_found) to anyone who may not see it. */
export async function getNominationFor(db: Kysely<Database>, actor: NominationActor, id: number) {
  const row = await db
    .selectFrom('nominations as n')
    .innerJoin('businesses as b', 'b.id', 'n.business_id')
    .innerJoin('forums as f', 'f.id', 'n.forum_id')
    .innerJoin('countries as c', 'c.code', 'n.country_code')
    .selectAll('n')
    .select([
      'b.name_ru as business_name_ru',
      'b.name_en as business_name_en',
      'b.name_local as business_name_local',
      'b.city as business_city',
      'f.title_ru as forum_title_ru',
      'f.title_en as forum_title_en',
      'c.name_ru as country_name_ru',
      'c.name_en as country_name_en',
    ])
    .where('n.id', '=', id)
    .executeTakeFirst()
  // Someone probing ids learns nothing: another council's nomination looks like a missing one.
  if (!row || !canViewNomination(actor, row)) throw new NominationError('not_found')
  return row
}

export async function nominationHistory(db: Kysely<Database>, id: number, includeReviews: boolean) {
  let query = db
    .selectFrom('history as h')
    .leftJoin('users as u', 'u.id', 'h.actor_id')
    .select(['h.id', 'h.action', 'h.note', 'h.created_at', 'u.name as actor_name'])
    .where('h.entity_type', '=', 'nomination')
    .where('h.entity_id', '=', String(id))
  if (!includeReviews) query = query.where('h.action', 'not in', ['reviewed', 'review_conflicted'])
  return query.orderBy('h.id').execute()
}

/** The council's own nominations for a forum, newest first. */
export async function councilNominations(
  db: Kysely<Database>,
  forumId: number,
  councilIds: readonly number[],
) {
  if (councilIds.length === 0) return []
  return db
    .selectFrom('nominations as n')
    .innerJoin('businesses as b', 'b.id', 'n.business_id')
    .select([
      'n.id',
      'n.status',
      'n.person_name',
      'n.country_code',
      'n.updated_at',
      'b.name_ru as business_name_ru',
      'b.name_en as business_name_en',
    ])
    .where('n.forum_id', '=', forumId)
    .where('n.council_id', 'in', councilIds)
    .orderBy('n.id', 'desc')
    .execute()
}

export async function quotaSummary(db: Kysely<Database>, forumId: number, countryCode: string) {
  const [quota, used] = await Promise.all([
    quotaFor(db, forumId, countryCode),
    usedSlots(db, forumId, countryCode),
  ])
  return { quota, used, left: Math.max(0, quota - used) }
}

/** Published listings of the given countries whose name contains the text: the council's picker. */
export async function searchNominableListings(
  db: Kysely<Database>,
  countryCodes: readonly string[],
  text: string,
  limit = 20,
) {
  if (countryCodes.length === 0) return []
  let query = db
    .selectFrom('businesses')
    .select(['id', 'name_ru', 'name_en', 'name_local', 'city', 'country_code'])
    .where('status', '=', 'published')
    .where('country_code', 'in', countryCodes)
  const q = text.trim().slice(0, 100)
  if (q) {
    const pattern = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    query = query.where((eb) =>
      eb.or([
        eb('name_ru', 'ilike', pattern),
        eb('name_en', 'ilike', pattern),
        eb('name_local', 'ilike', pattern),
      ]),
    )
  }
  return query.orderBy('name_ru').orderBy('id').limit(limit).execute()
}

/** Coordinators of a council and the chairs, as mail recipients. */
export async function recipients(db: Kysely<Database>, who: { councilId?: number; chairs?: boolean }) {
  let query = db
    .selectFrom('role_grants as g')
    .innerJoin('users as u', 'u.id', 'g.user_id')
    .select(['u.id', 'u.email', 'u.locale'])
    .distinct()
    .where('u.deleted_at', 'is', null)
    .where('u.blocked_at', 'is', null)
  query = query.where((eb) => {
    const ors = []
    if (who.councilId !== undefined)
      ors.push(eb.and([eb('g.role', '=', 'council_coordinator'), eb('g.council_id', '=', who.councilId)]))
    if (who.chairs) ors.push(eb('g.role', '=', 'wg_chair'))
    return ors.length ? eb.or(ors) : eb.val(false)
  })
  return query.execute()
}

/** Rows of the working group's export: the ranked table plus what a printout needs. */
export async function exportRows(db: Kysely<Database>, actor: NominationActor, ids: readonly number[]) {
  if (!isReviewer(actor) && !isChair(actor)) throw new NominationError('not_allowed')
  if (ids.length === 0) return []
  return db
    .selectFrom('nominations as n')
    .innerJoin('businesses as b', 'b.id', 'n.business_id')
    .select([
      'n.id',
      'n.person_name',
      'n.person_position',
      'n.person_email',
      'n.person_phone',
      'n.justification_ru',
      'n.justification_en',
      'n.topics',
      'n.submitted_at',
      'b.name_ru as business_name_ru',
      'b.name_en as business_name_en',
    ])
    .where('n.id', 'in', ids)
    .execute()
}
