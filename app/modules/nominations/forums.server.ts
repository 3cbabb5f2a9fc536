import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import { NominationError } from './errors'
import type { ForumInput } from './forum-schema'
import { isChair, type NominationActor } from './state'

function columns(input: ForumInput) {
  return {
    title_ru: input.titleRu,
    title_en: input.titleEn,
    year: input.year,
    place_ru: input.placeRu,
    place_en: input.placeEn,
    starts_on: input.startsOn,
    ends_on: input.endsOn,
    nominations_open_at: input.opensAt?.toISOString() ?? null,
    nominations_close_at: input.closesAt?.toISOString() ?? null,
    status: input.status,
    default_quota: input.defaultQuota,
  }
}

async function record(
  db: Kysely<Database>,
  actor: NominationActor,
  id: number,
  action: string,
  before: unknown,
  after: unknown,
) {
  await db
    .insertInto('history')
    .values({
      entity_type: 'forum',
      entity_id: String(id),
      action,
      actor_id: actor.userId,
      before: before === null ? null : JSON.stringify(before),
      after: JSON.stringify(after),
    })
    .execute()
}

export async function createForum(db: Kysely<Database>, actor: NominationActor, input: ForumInput) {
  if (!isChair(actor)) throw new NominationError('not_allowed')
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('forums')
      .values({ ...columns(input), created_by: actor.userId })
      .returningAll()
      .executeTakeFirstOrThrow()
    await record(trx, actor, row.id, 'created', null, columns(input))
    return row
  })
}

export async function updateForum(
  db: Kysely<Database>,
  actor: NominationActor,
  id: number,
  input: ForumInput,
) {
  if (!isChair(actor)) throw new NominationError('not_allowed')
  return db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('forums')
      .selectAll()
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst()
    if (!before) throw new NominationError('not_found')
    const row = await trx
      .updateTable('forums')
      .set({ ...columns(input), updated_at: sql`now()` })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow()
    await record(trx, actor, id, 'edited', before, columns(input))
    return row
  })
}

/** Sets a country's quota override; `null` returns the country to the forum's default. */
export async function setQuota(
  db: Kysely<Database>,
  actor: NominationActor,
  forumId: number,
  countryCode: string,
  quota: number | null,
) {
  if (!isChair(actor)) throw new NominationError('not_allowed')
  await db.transaction().execute(async (trx) => {
    const forum = await trx.selectFrom('forums').select('id').where('id', '=', forumId).executeTakeFirst()
    if (!forum) throw new NominationError('not_found')
    if (quota === null) {
      await trx
        .deleteFrom('forum_quotas')
        .where('forum_id', '=', forumId)
        .where('country_code', '=', countryCode)
        .execute()
    } else {
      await trx
        .insertInto('forum_quotas')
        .values({ forum_id: forumId, country_code: countryCode, quota })
        .onConflict((oc) => oc.columns(['forum_id', 'country_code']).doUpdateSet({ quota }))
        .execute()
    }
    await record(trx, actor, forumId, 'quota_set', null, { countryCode, quota })
  })
}

export async function listForums(db: Kysely<Database>) {
  return db.selectFrom('forums').selectAll().orderBy('year', 'desc').orderBy('id', 'desc').execute()
}

/** Quotas of every country in the region for a forum, with the slots already used. */
export async function quotaTable(db: Kysely<Database>, forumId: number) {
  return db
    .selectFrom('countries as c')
    .innerJoin('forums as f', (join) => join.on('f.id', '=', forumId))
    .leftJoin('forum_quotas as q', (join) =>
      join.onRef('q.country_code', '=', 'c.code').onRef('q.forum_id', '=', 'f.id'),
    )
    .select([
      'c.code',
      'c.name_ru',
      'c.name_en',
      'q.quota as override',
      'f.default_quota',
      (eb) =>
        eb
          .selectFrom('nominations as n')
          .select((e) => e.fn.countAll<number>().as('n'))
          .whereRef('n.forum_id', '=', 'f.id')
          .whereRef('n.country_code', '=', 'c.code')
          .where('n.status', 'in', ['submitted', 'shortlisted', 'accepted', 'declined'])
          .as('used'),
    ])
    .where('c.in_region', '=', true)
    .orderBy('c.code')
    .execute()
}
