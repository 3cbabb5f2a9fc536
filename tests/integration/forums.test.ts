import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#db/schema'
import { NominationError } from '~/modules/nominations/errors'
import { forumSchema } from '~/modules/nominations/forum-schema'
import { createForum, quotaTable, setQuota, updateForum } from '~/modules/nominations/forums.server'
import { quotaFor } from '~/modules/nominations/nominations.server'
import type { NominationActor } from '~/modules/nominations/state'
import { testDatabases } from '../support/databases'

const chair: NominationActor = { userId: 'chair', roles: ['wg_chair'], councilIds: [] }
const member: NominationActor = { userId: 'wg', roles: ['wg_member'], councilIds: [] }

const form = {
  titleRu: 'Деловой форум 2027',
  titleEn: 'Business Forum 2027',
  year: '2027',
  placeRu: 'Владивосток',
  placeEn: 'Vladivostok',
  startsOn: '2027-09-01',
  endsOn: '2027-09-03',
  opensAt: '2027-01-10T00:00:00+09:00',
  closesAt: '2027-03-31T23:59:00+09:00',
  status: 'open',
  defaultQuota: '3',
}

describe('forum form', () => {
  it('accepts a full edition and converts the window to absolute instants', () => {
    const parsed = forumSchema.parse(form)
    expect(parsed.opensAt?.toISOString()).toBe('2027-01-09T15:00:00.000Z')
    expect(parsed.year).toBe(2027)
  })
  it.each([
    [{ closesAt: '2027-01-01T00:00:00Z' }, 'closesAt', 'before_start'],
    [{ endsOn: '2027-08-01' }, 'endsOn', 'before_start'],
    [{ year: '1999' }, 'year', 'out_of_range'],
    [{ year: 'abc' }, 'year', 'invalid_number'],
    [{ titleRu: '  ' }, 'titleRu', 'required'],
    [{ opensAt: 'tomorrow' }, 'opensAt', 'invalid_date'],
    [{ startsOn: '2027-13-45' }, 'startsOn', 'invalid_date'],
    [{ status: 'cancelled' }, 'status', 'invalid_choice'],
    [{ defaultQuota: '-1' }, 'defaultQuota', 'out_of_range'],
  ])('refuses %j naming the field', (change, field, message) => {
    const result = forumSchema.safeParse({ ...form, ...change })
    expect(result.success).toBe(false)
    expect(result.error?.issues.map((i) => [i.path.join('.'), i.message])).toContainEqual([field, message])
  })
})

describe.each(testDatabases())('forums on $name', ({ open }) => {
  let db: Kysely<Database>
  beforeAll(async () => {
    db = await open()
    await db.insertInto('users').values({ id: 'chair', email: 'chair@example.org', name: 'Chair' }).execute()
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('lets only the chair create and edit editions, recording each change', async () => {
    await expect(createForum(db, member, forumSchema.parse(form))).rejects.toBeInstanceOf(NominationError)
    const forum = await createForum(db, chair, forumSchema.parse(form))
    const edited = await updateForum(db, chair, forum.id, forumSchema.parse({ ...form, status: 'closed' }))
    expect(edited.status).toBe('closed')
    await expect(updateForum(db, member, forum.id, forumSchema.parse(form))).rejects.toMatchObject({
      code: 'not_allowed',
    })
    const history = await db
      .selectFrom('history')
      .select('action')
      .where('entity_type', '=', 'forum')
      .orderBy('id')
      .execute()
    expect(history.map((h) => h.action)).toEqual(['created', 'edited'])
  })

  it('overrides a country quota and returns it to the default', async () => {
    const forum = await createForum(db, chair, forumSchema.parse(form))
    expect(await quotaFor(db, forum.id, 'JP')).toBe(3)
    await setQuota(db, chair, forum.id, 'JP', 5)
    expect(await quotaFor(db, forum.id, 'JP')).toBe(5)
    const table = await quotaTable(db, forum.id)
    expect(table.find((r) => r.code === 'JP')).toMatchObject({ override: 5, default_quota: 3, used: 0 })
    await setQuota(db, chair, forum.id, 'JP', null)
    expect(await quotaFor(db, forum.id, 'JP')).toBe(3)
    await expect(setQuota(db, member, forum.id, 'JP', 1)).rejects.toMatchObject({ code: 'not_allowed' })
  })
})
