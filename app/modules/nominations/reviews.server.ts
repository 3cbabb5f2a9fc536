import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import type { Scores } from './criteria'
import { NominationError } from './errors'
import { isChair, isReviewer, type NominationActor, reviewableStates } from './state'

export { type Criterion, criteria, type Scores } from './criteria'

/** A reviewer who coordinates the nominee's council judges their own candidate: excluded. */
async function coordinatesCouncil(db: Kysely<Database>, userId: string, councilId: number) {
  const row = await db
    .selectFrom('role_grants')
    .select('id')
    .where('user_id', '=', userId)
    .where('role', '=', 'council_coordinator')
    .where('council_id', '=', councilId)
    .executeTakeFirst()
  return Boolean(row)
}

/**
 * Saves (or replaces) the actor's review. `conflicted: true` declares a conflict of
 * interest and records no scores; a coordinator of the nominee's council is always conflicted.
 */
export async function saveReview(
  db: Kysely<Database>,
  actor: NominationActor,
  nominationId: number,
  input: { scores: Scores | null; comment: string | null; conflicted: boolean },
) {
  if (!isReviewer(actor)) throw new NominationError('not_allowed')
  return db.transaction().execute(async (trx) => {
    const nomination = await trx
      .selectFrom('nominations')
      .select(['id', 'status', 'council_id'])
      .where('id', '=', nominationId)
      .executeTakeFirst()
    if (!nomination) throw new NominationError('not_found')
    if (!reviewableStates.includes(nomination.status))
      throw new NominationError('wrong_state', { status: nomination.status })
    const conflicted =
      input.conflicted || (await coordinatesCouncil(trx, actor.userId, nomination.council_id))
    if (!conflicted && !input.scores) throw new NominationError('comment_required', { field: 'scores' })
    const values = {
      score_relevance: conflicted ? null : (input.scores?.relevance ?? null),
      score_potential: conflicted ? null : (input.scores?.potential ?? null),
      score_readiness: conflicted ? null : (input.scores?.readiness ?? null),
      comment: input.comment?.trim() || null,
      conflicted,
    }
    const before = await trx
      .selectFrom('nomination_reviews')
      .selectAll()
      .where('nomination_id', '=', nominationId)
      .where('reviewer_id', '=', actor.userId)
      .executeTakeFirst()
    const row = await trx
      .insertInto('nomination_reviews')
      .values({ nomination_id: nominationId, reviewer_id: actor.userId, ...values })
      .onConflict((oc) =>
        oc.columns(['nomination_id', 'reviewer_id']).doUpdateSet({ ...values, updated_at: sql`now()` }),
      )
      .returningAll()
      .executeTakeFirstOrThrow()
    await trx
      .insertInto('history')
      .values({
        entity_type: 'nomination',
        entity_id: String(nominationId),
        action: conflicted ? 'review_conflicted' : 'reviewed',
        actor_id: actor.userId,
        before: before ? JSON.stringify(before) : null,
        after: JSON.stringify(values),
      })
      .execute()
    return row
  })
}

export type VisibleReview = {
  reviewerId: string
  reviewerName: string
  scores: Scores | null
  comment: string | null
  conflicted: boolean
  own: boolean
}

/** Reviewers see others' scores only once they have given their own; the chair sees all. */
export async function reviewsVisibleTo(db: Kysely<Database>, actor: NominationActor, nominationId: number) {
  if (!isReviewer(actor)) throw new NominationError('not_allowed')
  const rows = await db
    .selectFrom('nomination_reviews as r')
    .innerJoin('users as u', 'u.id', 'r.reviewer_id')
    .select([
      'r.reviewer_id',
      'u.name',
      'r.score_relevance',
      'r.score_potential',
      'r.score_readiness',
      'r.comment',
      'r.conflicted',
    ])
    .where('r.nomination_id', '=', nominationId)
    .orderBy('r.created_at')
    .execute()
  const reviews: VisibleReview[] = rows.map((r) => ({
    reviewerId: r.reviewer_id,
    reviewerName: r.name,
    scores:
      r.score_relevance === null || r.score_potential === null || r.score_readiness === null
        ? null
        : { relevance: r.score_relevance, potential: r.score_potential, readiness: r.score_readiness },
    comment: r.comment,
    conflicted: r.conflicted,
    own: r.reviewer_id === actor.userId,
  }))
  const hasOwn = reviews.some((r) => r.own)
  const othersVisible = isChair(actor) || hasOwn
  return { reviews: othersVisible ? reviews : reviews.filter((r) => r.own), othersVisible, hasOwn }
}

export type RankedNomination = {
  id: number
  countryCode: string
  businessId: number
  status: string
  personName: string
  average: number | null
  spread: number | null
  reviews: number
}

/**
 * The chair's ranking: each review's mean over the criteria, then the mean over
 * non-conflicted reviews (spread = max − min of those means).
 */
export async function rankedNominations(
  db: Kysely<Database>,
  forumId: number,
  filters: { country?: string; status?: string; minAverage?: number } = {},
): Promise<RankedNomination[]> {
  let query = db
    .selectFrom('nominations as n')
    .leftJoin(
      (eb) =>
        eb
          .selectFrom('nomination_reviews')
          .select([
            'nomination_id',
            sql<number>`avg((score_relevance + score_potential + score_readiness) / 3.0)`.as('average'),
            sql<number>`max((score_relevance + score_potential + score_readiness) / 3.0) - min((score_relevance + score_potential + score_readiness) / 3.0)`.as(
              'spread',
            ),
            (e) => e.fn.countAll<number>().as('reviews'),
          ])
          .where('conflicted', '=', false)
          .groupBy('nomination_id')
          .as('s'),
      (join) => join.onRef('s.nomination_id', '=', 'n.id'),
    )
    .select([
      'n.id',
      'n.country_code',
      'n.business_id',
      'n.status',
      'n.person_name',
      's.average',
      's.spread',
      's.reviews',
    ])
    .where('n.forum_id', '=', forumId)
    .where('n.status', 'not in', ['draft', 'withdrawn'])
  if (filters.country) query = query.where('n.country_code', '=', filters.country)
  if (filters.status) query = query.where('n.status', '=', filters.status as never)
  if (filters.minAverage !== undefined) query = query.where('s.average', '>=', filters.minAverage)
  const rows = await query.orderBy(sql`s.average desc nulls last`).orderBy('n.id').execute()
  return rows.map((r) => ({
    id: r.id,
    countryCode: r.country_code,
    businessId: r.business_id,
    status: r.status,
    personName: r.person_name,
    average: r.average === null ? null : Math.round(Number(r.average) * 100) / 100,
    spread: r.spread === null ? null : Math.round(Number(r.spread) * 100) / 100,
    reviews: Number(r.reviews ?? 0),
  }))
}
