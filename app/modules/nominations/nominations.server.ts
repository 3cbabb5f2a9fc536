import { type Kysely, sql, type Transaction } from 'kysely'
import type { Database, NominationStatus } from '#db/schema'
import { NominationError } from './errors'
import {
  checkTransition,
  editableStates,
  isCouncilOf,
  type NominationAction,
  type NominationActor,
  quotaStates,
  transitions,
  windowIsOpen,
} from './state'

export type NominationContent = {
  personName: string
  personPosition: string | null
  personEmail: string | null
  personPhone: string | null
  justificationRu: string | null
  justificationEn: string | null
  topics: string | null
}

function contentColumns(content: NominationContent) {
  return {
    person_name: content.personName,
    person_position: content.personPosition,
    person_email: content.personEmail,
    person_phone: content.personPhone,
    justification_ru: content.justificationRu,
    justification_en: content.justificationEn,
    topics: content.topics,
  }
}

async function record(
  trx: Kysely<Database>,
  actor: NominationActor,
  id: number,
  action: string,
  before: unknown,
  after: unknown,
  note: string | null = null,
) {
  await trx
    .insertInto('history')
    .values({
      entity_type: 'nomination',
      entity_id: String(id),
      action,
      actor_id: actor.userId,
      before: before === null ? null : JSON.stringify(before),
      after: after === null ? null : JSON.stringify(after),
      note,
    })
    .execute()
}

/** The number of slots a country has at a forum: its override, or the forum's default. */
export async function quotaFor(db: Kysely<Database>, forumId: number, countryCode: string) {
  const row = await db
    .selectFrom('forums')
    .leftJoin('forum_quotas', (join) =>
      join.onRef('forum_quotas.forum_id', '=', 'forums.id').on('forum_quotas.country_code', '=', countryCode),
    )
    .select(['forums.default_quota', 'forum_quotas.quota'])
    .where('forums.id', '=', forumId)
    .executeTakeFirst()
  if (!row) throw new NominationError('not_found')
  return row.quota ?? row.default_quota
}

export async function usedSlots(db: Kysely<Database>, forumId: number, countryCode: string) {
  const row = await db
    .selectFrom('nominations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('forum_id', '=', forumId)
    .where('country_code', '=', countryCode)
    .where('status', 'in', quotaStates)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** A council starts a nomination of a published listing of its own country, as a draft. */
export async function createNomination(
  db: Kysely<Database>,
  actor: NominationActor,
  input: { forumId: number; businessId: number; content: NominationContent },
) {
  return db.transaction().execute(async (trx) => {
    const forum = await trx
      .selectFrom('forums')
      .select(['id', 'status'])
      .where('id', '=', input.forumId)
      .executeTakeFirst()
    if (!forum) throw new NominationError('not_found')
    if (forum.status === 'held') throw new NominationError('window_closed')
    const business = await trx
      .selectFrom('businesses')
      .innerJoin('councils', 'councils.country_code', 'businesses.country_code')
      .select(['businesses.id', 'businesses.status', 'businesses.country_code', 'councils.id as council_id'])
      .where('businesses.id', '=', input.businessId)
      .executeTakeFirst()
    if (!business || business.status !== 'published') throw new NominationError('business_not_eligible')
    if (!isCouncilOf(actor, business.council_id)) throw new NominationError('not_allowed')
    const taken = await trx
      .selectFrom('nominations')
      .select('id')
      .where('forum_id', '=', forum.id)
      .where('business_id', '=', business.id)
      .where('status', '<>', 'withdrawn')
      .executeTakeFirst()
    if (taken) throw new NominationError('already_nominated', { id: taken.id })
    const row = await trx
      .insertInto('nominations')
      .values({
        forum_id: forum.id,
        business_id: business.id,
        country_code: business.country_code,
        council_id: business.council_id,
        created_by: actor.userId,
        ...contentColumns(input.content),
      })
      .returningAll()
      .executeTakeFirstOrThrow()
    await record(trx, actor, row.id, 'created', null, contentColumns(input.content))
    return row
  })
}

async function lockNomination(trx: Transaction<Database>, id: number) {
  const row = await trx
    .selectFrom('nominations')
    .selectAll()
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst()
  if (!row) throw new NominationError('not_found')
  return row
}

/** The council edits a nomination before any decision; a stale version is refused, not overwritten. */
export async function updateNomination(
  db: Kysely<Database>,
  actor: NominationActor,
  id: number,
  expectedVersion: number,
  content: NominationContent,
) {
  return db.transaction().execute(async (trx) => {
    const current = await lockNomination(trx, id)
    if (!isCouncilOf(actor, current.council_id)) throw new NominationError('not_allowed')
    if (!editableStates.includes(current.status)) throw new NominationError('wrong_state')
    if (current.version !== expectedVersion) throw new NominationError('stale')
    const after = contentColumns(content)
    if (current.status !== 'draft' && !after.justification_ru?.trim() && !after.justification_en?.trim()) {
      throw new NominationError('comment_required', { field: 'justification' })
    }
    const row = await trx
      .updateTable('nominations')
      .set({ ...after, version: current.version + 1, updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    const before = Object.fromEntries(Object.keys(after).map((k) => [k, current[k as keyof typeof current]]))
    await record(trx, actor, id, 'edited', before, after)
    return row
  })
}

/**
 * Moves a nomination through its state machine. A submission is checked against the
 * window and the country's quota while holding a per-(forum, country) lock, so two
 * coordinators submitting the last slot at once cannot both succeed.
 */
export async function transitionNomination(
  db: Kysely<Database>,
  actor: NominationActor,
  id: number,
  action: NominationAction,
  options: { note?: string | null; now?: Date } = {},
) {
  const now = options.now ?? new Date()
  const note = options.note?.trim() || null
  return db.transaction().execute(async (trx) => {
    const peek = await trx
      .selectFrom('nominations')
      .select(['forum_id', 'country_code'])
      .where('id', '=', id)
      .executeTakeFirst()
    if (!peek) throw new NominationError('not_found')
    if (action === 'submit') {
      await sql`select pg_advisory_xact_lock(hashtext(${`nomination-quota:${peek.forum_id}:${peek.country_code}`}))`.execute(
        trx,
      )
    }
    const current = await lockNomination(trx, id)
    const refusal = checkTransition(actor, action, current)
    if (refusal) throw new NominationError(refusal, { status: current.status })
    if (action === 'return' && !note) throw new NominationError('comment_required', { field: 'note' })

    if (action === 'submit') {
      if (!current.justification_ru?.trim() && !current.justification_en?.trim()) {
        throw new NominationError('comment_required', { field: 'justification' })
      }
      const forum = await trx
        .selectFrom('forums')
        .select(['status', 'nominations_open_at', 'nominations_close_at'])
        .where('id', '=', current.forum_id)
        .executeTakeFirstOrThrow()
      if (!windowIsOpen(forum, now)) throw new NominationError('window_closed')
      const [quota, used] = await Promise.all([
        quotaFor(trx, current.forum_id, current.country_code),
        usedSlots(trx, current.forum_id, current.country_code),
      ])
      if (used >= quota) throw new NominationError('quota_full', { quota })
    }

    const to: NominationStatus = transitions[action].to
    const decided = action === 'accept' || action === 'decline'
    const row = await trx
      .updateTable('nominations')
      .set({
        status: to,
        version: current.version + 1,
        updated_at: sql`now()`,
        ...(action === 'submit' ? { submitted_at: now.toISOString(), return_comment: null } : {}),
        ...(action === 'return' ? { return_comment: note } : {}),
        ...(decided ? { decided_at: now.toISOString(), decided_by: actor.userId, decision_note: note } : {}),
        ...(action === 'shortlist' && note ? { decision_note: note } : {}),
      })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await record(trx, actor, id, action, { status: current.status }, { status: to }, note)
    return row
  })
}
