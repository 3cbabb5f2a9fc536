import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, NominationStatus } from '#db/schema'
import { NominationError } from '~/modules/nominations/errors'
import {
  createNomination,
  type NominationContent,
  transitionNomination,
  updateNomination,
} from '~/modules/nominations/nominations.server'
import { rankedNominations, reviewsVisibleTo, saveReview } from '~/modules/nominations/reviews.server'
import type { NominationAction, NominationActor } from '~/modules/nominations/state'
import { testDatabases } from '../support/databases'

const DAY = 86_400_000
const content: NominationContent = {
  personName: 'Ирина Соколова',
  personPosition: 'Генеральный директор',
  personEmail: 'irina@example.org',
  personPhone: '+81312345678',
  justificationRu: 'Крупнейший логистический оператор сообщества.',
  justificationEn: null,
  topics: 'Логистика Дальнего Востока',
}

async function codeOf(promise: Promise<unknown>) {
  try {
    await promise
    return 'ok'
  } catch (e) {
    if (e instanceof NominationError) return e.code
    throw e
  }
}

describe.each(testDatabases())('nominations on $name', ({ name, open }) => {
  let db: Kysely<Database>
  let forumId: number
  let closedForumId: number
  const actors: Record<string, NominationActor> = {}
  const jpBusinesses: number[] = []
  let cnBusiness: number
  let pendingJp: number

  async function nominate(businessId: number, forum = forumId, actor = actors.jp) {
    return createNomination(db, actor as NominationActor, { forumId: forum, businessId, content })
  }

  async function nominationIn(status: NominationStatus) {
    const business = await db
      .insertInto('businesses')
      .values({
        name_ru: `Компания ${status} ${Math.random()}`,
        country_code: 'JP',
        city: 'Osaka',
        lat: 34.7,
        lon: 135.5,
        status: 'published',
        consent_at: new Date().toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const n = await nominate(business.id)
    if (status === 'draft') return n
    await db.updateTable('nominations').set({ status }).where('id', '=', n.id).execute()
    return { ...n, status }
  }

  beforeAll(async () => {
    db = await open()
    const councils = await db
      .insertInto('councils')
      .values([
        { country_code: 'JP', name_ru: 'КСОРС Японии', name_en: 'KSORS Japan' },
        { country_code: 'CN', name_ru: 'КСОРС Китая', name_en: 'KSORS China' },
      ])
      .returning(['id', 'country_code'])
      .execute()
    const jp = councils.find((c) => c.country_code === 'JP')?.id ?? 0
    const cn = councils.find((c) => c.country_code === 'CN')?.id ?? 0
    const users = ['jp', 'cn', 'wg', 'wg2', 'chair', 'admin', 'owner', 'jpwg']
    await db
      .insertInto('users')
      .values(users.map((u) => ({ id: u, email: `${u}@example.org`, name: u })))
      .execute()
    await db
      .insertInto('role_grants')
      .values([
        { user_id: 'jp', role: 'council_coordinator', council_id: jp },
        { user_id: 'cn', role: 'council_coordinator', council_id: cn },
        { user_id: 'jpwg', role: 'council_coordinator', council_id: jp },
        { user_id: 'jpwg', role: 'wg_member' },
      ])
      .execute()
    Object.assign(actors, {
      jp: { userId: 'jp', roles: ['council_coordinator'], councilIds: [jp] },
      cn: { userId: 'cn', roles: ['council_coordinator'], councilIds: [cn] },
      wg: { userId: 'wg', roles: ['wg_member'], councilIds: [] },
      wg2: { userId: 'wg2', roles: ['wg_member'], councilIds: [] },
      chair: { userId: 'chair', roles: ['wg_chair', 'wg_member'], councilIds: [] },
      admin: { userId: 'admin', roles: ['admin'], councilIds: [] },
      owner: { userId: 'owner', roles: ['entrepreneur'], councilIds: [] },
      jpwg: { userId: 'jpwg', roles: ['council_coordinator', 'wg_member'], councilIds: [jp] },
    } satisfies Record<string, NominationActor>)
    const now = Date.now()
    const forum = await db
      .insertInto('forums')
      .values({
        title_ru: 'Форум',
        title_en: 'Forum',
        year: 2027,
        status: 'open',
        default_quota: 2,
        nominations_open_at: new Date(now - DAY).toISOString(),
        nominations_close_at: new Date(now + 30 * DAY).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    forumId = forum.id
    const closed = await db
      .insertInto('forums')
      .values({
        title_ru: 'Прошлый форум',
        title_en: 'Past forum',
        year: 2025,
        status: 'open',
        nominations_open_at: new Date(now - 60 * DAY).toISOString(),
        nominations_close_at: new Date(now - DAY).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    closedForumId = closed.id
    const base = { city: 'Tokyo', lat: 35.6, lon: 139.7, consent_at: new Date().toISOString() }
    for (let i = 0; i < 5; i++) {
      const b = await db
        .insertInto('businesses')
        .values({ ...base, name_ru: `Токио ${i}`, country_code: 'JP', status: 'published' })
        .returning('id')
        .executeTakeFirstOrThrow()
      jpBusinesses.push(b.id)
    }
    cnBusiness = (
      await db
        .insertInto('businesses')
        .values({ ...base, name_ru: 'Пекин', country_code: 'CN', status: 'published' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    pendingJp = (
      await db
        .insertInto('businesses')
        .values({ ...base, name_ru: 'Ждёт', country_code: 'JP', status: 'pending' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('lets a council nominate only published listings of its own country', async () => {
    expect(await codeOf(nominate(cnBusiness))).toBe('not_allowed')
    expect(await codeOf(nominate(pendingJp))).toBe('business_not_eligible')
    for (const who of ['cn', 'wg', 'chair', 'admin', 'owner']) {
      expect(await codeOf(nominate(jpBusinesses[0] ?? 0, forumId, actors[who])), who).toBe('not_allowed')
    }
    const n = await nominate(jpBusinesses[0] ?? 0)
    expect(n.status).toBe('draft')
    expect(await codeOf(nominate(jpBusinesses[0] ?? 0))).toBe('already_nominated')
    const history = await db
      .selectFrom('history')
      .selectAll()
      .where('entity_type', '=', 'nomination')
      .where('entity_id', '=', String(n.id))
      .execute()
    expect(history.map((h) => [h.action, h.actor_id])).toEqual([['created', 'jp']])
  })

  it('submits within the window and the quota, refusing the third with the quota named', async () => {
    const a = await nominate(jpBusinesses[1] ?? 0)
    const b = await nominate(jpBusinesses[2] ?? 0)
    const c = await nominate(jpBusinesses[3] ?? 0)
    // The first test's draft still does not count: only submitted ones take slots.
    expect((await transitionNomination(db, actors.jp as NominationActor, a.id, 'submit')).status).toBe(
      'submitted',
    )
    expect((await transitionNomination(db, actors.jp as NominationActor, b.id, 'submit')).status).toBe(
      'submitted',
    )
    const refused = await transitionNomination(db, actors.jp as NominationActor, c.id, 'submit').catch(
      (e) => e,
    )
    expect(refused).toBeInstanceOf(NominationError)
    expect(refused).toMatchObject({ code: 'quota_full', details: { quota: 2 } })
    // Withdrawing frees a slot.
    await transitionNomination(db, actors.jp as NominationActor, a.id, 'withdraw')
    expect((await transitionNomination(db, actors.jp as NominationActor, c.id, 'submit')).status).toBe(
      'submitted',
    )
    // A per-country override raises the quota.
    await db
      .insertInto('forum_quotas')
      .values({ forum_id: forumId, country_code: 'JP', quota: 1000 })
      .execute()
  })

  it('refuses submitting outside the window', async () => {
    const n = await nominate(jpBusinesses[4] ?? 0, closedForumId)
    expect(await codeOf(transitionNomination(db, actors.jp as NominationActor, n.id, 'submit'))).toBe(
      'window_closed',
    )
    expect(
      await codeOf(
        transitionNomination(db, actors.jp as NominationActor, n.id, 'submit', {
          now: new Date(Date.now() - 30 * DAY),
        }),
      ),
    ).toBe('ok')
  })

  // Every action from every state by every role: allowed exactly where the state machine says.
  const allowed: Record<NominationAction, { from: NominationStatus[]; by: string[] }> = {
    submit: { from: ['draft'], by: ['jp', 'jpwg'] },
    withdraw: { from: ['draft', 'submitted', 'shortlisted'], by: ['jp', 'jpwg'] },
    return: { from: ['submitted'], by: ['chair'] },
    shortlist: { from: ['submitted'], by: ['chair'] },
    accept: { from: ['shortlisted'], by: ['chair'] },
    decline: { from: ['submitted', 'shortlisted'], by: ['chair'] },
  }
  const states: NominationStatus[] = [
    'draft',
    'submitted',
    'shortlisted',
    'accepted',
    'declined',
    'withdrawn',
  ]
  const roles = ['jp', 'cn', 'wg', 'chair', 'admin', 'owner']

  it.each(Object.keys(allowed) as NominationAction[])(
    'guards "%s" for every role and state',
    async (action) => {
      const rule = allowed[action]
      for (const status of states) {
        for (const who of roles) {
          const n = await nominationIn(status)
          const result = await codeOf(
            transitionNomination(db, actors[who] as NominationActor, n.id, action, { note: 'Причина' }),
          )
          const expected = !rule.by.includes(who)
            ? 'not_allowed'
            : rule.from.includes(status)
              ? 'ok'
              : 'wrong_state'
          expect(result, `${who} ${action} from ${status}`).toBe(expected)
          const after = await db
            .selectFrom('nominations')
            .select('status')
            .where('id', '=', n.id)
            .executeTakeFirstOrThrow()
          if (expected !== 'ok') expect(after.status).toBe(status)
        }
      }
    },
  )

  it('records every transition with its actor and requires a comment to return', async () => {
    const n = await nominationIn('draft')
    await transitionNomination(db, actors.jp as NominationActor, n.id, 'submit')
    expect(
      await codeOf(transitionNomination(db, actors.chair as NominationActor, n.id, 'return', { note: '  ' })),
    ).toBe('comment_required')
    const returned = await transitionNomination(db, actors.chair as NominationActor, n.id, 'return', {
      note: 'Добавьте обоснование на английском',
    })
    expect(returned).toMatchObject({ status: 'draft', return_comment: 'Добавьте обоснование на английском' })
    await transitionNomination(db, actors.jp as NominationActor, n.id, 'submit')
    await transitionNomination(db, actors.chair as NominationActor, n.id, 'shortlist')
    const accepted = await transitionNomination(db, actors.chair as NominationActor, n.id, 'accept', {
      note: 'Приглашён',
    })
    expect(accepted).toMatchObject({ status: 'accepted', decided_by: 'chair', decision_note: 'Приглашён' })
    const history = await db
      .selectFrom('history')
      .select(['action', 'actor_id'])
      .where('entity_type', '=', 'nomination')
      .where('entity_id', '=', String(n.id))
      .orderBy('id')
      .execute()
    expect(history.map((h) => `${h.action}:${h.actor_id}`)).toEqual([
      'created:jp',
      'submit:jp',
      'return:chair',
      'submit:jp',
      'shortlist:chair',
      'accept:chair',
    ])
  })

  it('edits only before a decision, refusing a stale version', async () => {
    const n = await nominationIn('draft')
    const edited = await updateNomination(db, actors.jp as NominationActor, n.id, n.version, {
      ...content,
      topics: 'Новые темы',
    })
    expect(edited).toMatchObject({ topics: 'Новые темы', version: n.version + 1 })
    expect(await codeOf(updateNomination(db, actors.jp as NominationActor, n.id, n.version, content))).toBe(
      'stale',
    )
    expect(
      await codeOf(updateNomination(db, actors.cn as NominationActor, n.id, edited.version, content)),
    ).toBe('not_allowed')
    const decided = await nominationIn('accepted')
    expect(
      await codeOf(updateNomination(db, actors.jp as NominationActor, decided.id, decided.version, content)),
    ).toBe('wrong_state')
  })

  it('hides others’ scores until a reviewer gives their own, and excludes conflicted reviewers', async () => {
    const n = await nominationIn('submitted')
    await saveReview(db, actors.wg as NominationActor, n.id, {
      scores: { relevance: 5, potential: 4, readiness: 3 },
      comment: 'Сильный кандидат',
      conflicted: false,
    })
    const before = await reviewsVisibleTo(db, actors.wg2 as NominationActor, n.id)
    expect(before).toMatchObject({ othersVisible: false, hasOwn: false, reviews: [] })
    await saveReview(db, actors.wg2 as NominationActor, n.id, {
      scores: { relevance: 3, potential: 3, readiness: 3 },
      comment: null,
      conflicted: false,
    })
    const after = await reviewsVisibleTo(db, actors.wg2 as NominationActor, n.id)
    expect(after.reviews).toHaveLength(2)
    // Coordinating the nominee's council makes a reviewer conflicted, whatever they claim.
    const conflicted = await saveReview(db, actors.jpwg as NominationActor, n.id, {
      scores: { relevance: 5, potential: 5, readiness: 5 },
      comment: null,
      conflicted: false,
    })
    expect(conflicted).toMatchObject({ conflicted: true, score_relevance: null })
    expect(
      await codeOf(
        saveReview(db, actors.jp as NominationActor, n.id, {
          scores: { relevance: 1, potential: 1, readiness: 1 },
          comment: null,
          conflicted: false,
        }),
      ),
    ).toBe('not_allowed')
    const chairView = await reviewsVisibleTo(db, actors.chair as NominationActor, n.id)
    expect(chairView.reviews).toHaveLength(3)
    const ranked = await rankedNominations(db, forumId)
    const row = ranked.find((r) => r.id === n.id)
    expect(row).toMatchObject({ average: 3.5, spread: 1, reviews: 2 })
    const draft = await nominationIn('draft')
    expect(
      await codeOf(
        saveReview(db, actors.wg as NominationActor, draft.id, {
          scores: { relevance: 1, potential: 1, readiness: 1 },
          comment: null,
          conflicted: false,
        }),
      ),
    ).toBe('wrong_state')
  })

  it.runIf(name === 'postgres')('holds the quota under parallel submissions on the server', async () => {
    const forum = await db
      .insertInto('forums')
      .values({
        title_ru: 'Гонка',
        title_en: 'Race',
        year: 2028,
        status: 'open',
        default_quota: 1,
        nominations_open_at: new Date(Date.now() - DAY).toISOString(),
        nominations_close_at: new Date(Date.now() + DAY).toISOString(),
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    const drafts = []
    for (const businessId of jpBusinesses) drafts.push(await nominate(businessId, forum.id))
    // Open the pool's connections first, so that the submissions really run side by side.
    await Promise.all(Array.from({ length: 8 }, () => sql`select pg_sleep(0.05)`.execute(db)))
    const results = await Promise.all(
      drafts.map((d, i) =>
        codeOf(
          transitionNomination(db, (i % 2 ? actors.jp : actors.jpwg) as NominationActor, d.id, 'submit'),
        ),
      ),
    )
    expect(results.filter((r) => r === 'ok')).toHaveLength(1)
    expect(results.filter((r) => r === 'quota_full')).toHaveLength(drafts.length - 1)
    const submitted = await db
      .selectFrom('nominations')
      .select('id')
      .where('forum_id', '=', forum.id)
      .where('status', '=', 'submitted')
      .execute()
    expect(submitted).toHaveLength(1)
  })
})
