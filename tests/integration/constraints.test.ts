import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, NewBusiness } from '#db/schema'
import { testDatabases } from '../support/databases'

const validBusiness: NewBusiness = {
  name_ru: 'ООО «Проверка»',
  country_code: 'JP',
  city: 'Tokyo',
  lat: 35.68,
  lon: 139.69,
  status: 'published',
  consent_at: new Date().toISOString(),
}

/** Runs an insert inside a savepoint-free transaction that is always rolled back. */
async function refused(db: Kysely<Database>, write: (trx: Kysely<Database>) => Promise<unknown>) {
  let error: unknown = null
  await db
    .transaction()
    .execute(async (trx) => {
      try {
        await write(trx)
      } catch (e) {
        error = e
      }
      throw new Error('rollback')
    })
    .catch(() => {})
  return error
}

describe.each(testDatabases())('database constraints on $name', ({ open }) => {
  let db: Kysely<Database>
  beforeAll(async () => {
    db = await open()
    await db.insertInto('users').values({ id: 'u1', email: 'Owner@Example.org', name: 'Owner' }).execute()
    await db
      .insertInto('councils')
      .values({ country_code: 'JP', name_ru: 'Совет', name_en: 'Council' })
      .execute()
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('accepts a valid listing', async () => {
    const row = await db
      .insertInto('businesses')
      .values(validBusiness)
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(row.id).toBeGreaterThan(0)
  })

  const badBusinesses: [string, Partial<NewBusiness>][] = [
    ['no name at all', { name_ru: '  ', name_en: null, name_local: null }],
    ['latitude 95', { lat: 95 }],
    ['longitude -181', { lon: -181 }],
    ['latitude without longitude', { lon: null }],
    ['unknown country', { country_code: 'XX' }],
    ['unknown status', { status: 'deleted' as never }],
    ['unknown size band', { size_band: 'huge' as never }],
    ['founded in 1700', { founded_year: 1700 }],
    ['website without scheme', { website: 'example.com' }],
    ['malformed e-mail', { email: 'not-an-email' }],
    ['phone not in E.164', { phone: '03-1234-5678' }],
    ['messengers not an object', { messengers: JSON.stringify(['telegram']) }],
    ['returned without a reason', { status: 'returned', moderator_reason: null }],
    ['published without consent', { consent_at: null }],
    ['published without a point', { lat: null, lon: null }],
    ['name over 200 characters', { name_ru: 'я'.repeat(201) }],
    ['description over 5000 characters', { description_en: 'x'.repeat(5001) }],
    ['31 keywords', { keywords: Array.from({ length: 31 }, (_, i) => `k${i}`) }],
    ['owner that does not exist', { owner_id: 'nobody' }],
    ['version 0', { version: 0 }],
  ]

  it.each(badBusinesses)('refuses a listing with %s', async (_label, change) => {
    const error = await refused(db, (trx) =>
      trx
        .insertInto('businesses')
        .values({ ...validBusiness, ...change })
        .execute(),
    )
    expect(error).toBeTruthy()
  })

  it('refuses a duplicate external id within a country', async () => {
    await db
      .insertInto('businesses')
      .values({ ...validBusiness, external_id: 'ext-1' })
      .execute()
    const error = await refused(db, (trx) =>
      trx
        .insertInto('businesses')
        .values({ ...validBusiness, external_id: 'ext-1' })
        .execute(),
    )
    expect(error).toBeTruthy()
  })

  it('keeps e-mail unique regardless of case', async () => {
    const error = await refused(db, (trx) =>
      trx.insertInto('users').values({ id: 'u2', email: 'owner@EXAMPLE.org', name: 'Twin' }).execute(),
    )
    expect(String(error)).toMatch(/users_email_lower_key/)
  })

  it('refuses a second council for the same country', async () => {
    const error = await refused(db, (trx) =>
      trx.insertInto('councils').values({ country_code: 'JP', name_ru: 'Ещё', name_en: 'Another' }).execute(),
    )
    expect(error).toBeTruthy()
  })

  it('ties coordinator grants, and only them, to a council', async () => {
    const council = await db.selectFrom('councils').select('id').executeTakeFirstOrThrow()
    expect(
      await refused(db, (trx) =>
        trx.insertInto('role_grants').values({ user_id: 'u1', role: 'council_coordinator' }).execute(),
      ),
    ).toBeTruthy()
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('role_grants')
          .values({ user_id: 'u1', role: 'admin', council_id: council.id })
          .execute(),
      ),
    ).toBeTruthy()
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('role_grants')
          .values({ user_id: 'u1', role: 'superuser' as never })
          .execute(),
      ),
    ).toBeTruthy()
    await db.insertInto('role_grants').values({ user_id: 'u1', role: 'wg_member' }).execute()
    expect(
      await refused(db, (trx) =>
        trx.insertInto('role_grants').values({ user_id: 'u1', role: 'wg_member' }).execute(),
      ),
    ).toBeTruthy()
  })

  it('refuses sector and region links to unknown codes, and a fourth sector position', async () => {
    const b = await db
      .insertInto('businesses')
      .values(validBusiness)
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(
      await refused(db, (trx) =>
        trx.insertInto('business_sectors').values({ business_id: b.id, sector_code: 'Z' }).execute(),
      ),
    ).toBeTruthy()
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('business_sectors')
          .values({ business_id: b.id, sector_code: 'G', position: 3 })
          .execute(),
      ),
    ).toBeTruthy()
    expect(
      await refused(db, (trx) =>
        trx.insertInto('business_regions').values({ business_id: b.id, region_code: 'RU-XXX' }).execute(),
      ),
    ).toBeTruthy()
  })

  it('guards forums, quotas, nominations and reviews', async () => {
    const badForum = { title_ru: 'Форум', title_en: 'Forum', year: 2027 }
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('forums')
          .values({
            ...badForum,
            nominations_open_at: '2027-02-01T00:00:00Z',
            nominations_close_at: '2027-01-01T00:00:00Z',
          })
          .execute(),
      ),
    ).toBeTruthy()
    const forum = await db.insertInto('forums').values(badForum).returning('id').executeTakeFirstOrThrow()
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('forum_quotas')
          .values({ forum_id: forum.id, country_code: 'JP', quota: -1 })
          .execute(),
      ),
    ).toBeTruthy()
    const council = await db.selectFrom('councils').select('id').executeTakeFirstOrThrow()
    const business = await db
      .insertInto('businesses')
      .values(validBusiness)
      .returning('id')
      .executeTakeFirstOrThrow()
    const nomination = {
      forum_id: forum.id,
      business_id: business.id,
      country_code: 'JP',
      council_id: council.id,
      person_name: 'Иван Петров',
    }
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('nominations')
          .values({ ...nomination, status: 'submitted' })
          .execute(),
      ),
    ).toBeTruthy()
    const n = await db.insertInto('nominations').values(nomination).returning('id').executeTakeFirstOrThrow()
    expect(
      await refused(db, (trx) => trx.insertInto('nominations').values(nomination).execute()),
    ).toBeTruthy()
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('nomination_reviews')
          .values({
            nomination_id: n.id,
            reviewer_id: 'u1',
            score_relevance: 6,
            score_potential: 3,
            score_readiness: 3,
          })
          .execute(),
      ),
    ).toBeTruthy()
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('nomination_reviews')
          .values({
            nomination_id: n.id,
            reviewer_id: 'u1',
            conflicted: true,
            score_relevance: 4,
            score_potential: 3,
            score_readiness: 3,
          })
          .execute(),
      ),
    ).toBeTruthy()
    await db
      .insertInto('nomination_reviews')
      .values({
        nomination_id: n.id,
        reviewer_id: 'u1',
        score_relevance: 5,
        score_potential: 3,
        score_readiness: 4,
      })
      .execute()
  })

  it('refuses history rows of unknown entities and badly named actions', async () => {
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('history')
          .values({ entity_type: 'spaceship' as never, entity_id: '1', action: 'created' })
          .execute(),
      ),
    ).toBeTruthy()
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('history')
          .values({ entity_type: 'business', entity_id: '1', action: 'DROP TABLE' })
          .execute(),
      ),
    ).toBeTruthy()
  })

  it('refuses bad outbox rows', async () => {
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('search_outbox')
          .values({ business_id: 1, op: 'drop' as never })
          .execute(),
      ),
    ).toBeTruthy()
    expect(
      await refused(db, (trx) =>
        trx
          .insertInto('mail_outbox')
          .values({ to_email: 'a@b.c', locale: 'de' as never, kind: 'x', subject: 's', text_body: 't' })
          .execute(),
      ),
    ).toBeTruthy()
  })

  it('leaves the database as it was after refused writes', async () => {
    const { rows } = await sql<{
      n: number
    }>`select count(*)::int as n from businesses where external_id is null`.execute(db)
    expect(rows[0]?.n).toBe(3)
  })
})
