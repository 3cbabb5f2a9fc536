import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#db/schema'
import { demoAccounts, seedDemo } from '../../scripts/lib/demo/seed'
import { testDatabases } from '../support/databases'

async function digest(db: Kysely<Database>) {
  const { rows } = await sql<{ row: string }>`
    select (to_jsonb(b) - 'owner_id')::text || coalesce(b.owner_id, '') || s.codes || r.codes as row
    from businesses b
    cross join lateral (select string_agg(sector_code, ',' order by position) codes from business_sectors where business_id = b.id) s(codes)
    cross join lateral (select coalesce(string_agg(region_code, ',' order by region_code), '') codes from business_regions where business_id = b.id) r(codes)
    order by b.id
  `.execute(db)
  return createHash('sha256')
    .update(rows.map((r) => r.row).join('\n'))
    .digest('hex')
}

describe.each(testDatabases())('demo seed on $name', ({ open }) => {
  let first: Kysely<Database>
  let second: Kysely<Database>
  beforeAll(async () => {
    ;[first, second] = await Promise.all([open(), open()])
    await seedDemo(first, { count: 300, seed: 7 })
    await seedDemo(second, { count: 300, seed: 7 })
  })
  afterAll(async () => {
    await Promise.all([first.destroy(), second.destroy()])
  })

  it('gives the same listings for the same seed', async () => {
    expect(await digest(first)).toBe(await digest(second))
  })

  it('gives other listings for another seed', async () => {
    const third = await open()
    await seedDemo(third, { count: 300, seed: 8 })
    expect(await digest(third)).not.toBe(await digest(first))
    await third.destroy()
  })

  it('creates one demo account per role with the documented e-mails', async () => {
    const users = await first
      .selectFrom('users')
      .innerJoin('role_grants', 'role_grants.user_id', 'users.id')
      .select(['users.email', 'role_grants.role', 'role_grants.council_id'])
      .execute()
    const emails = new Set(users.map((u) => u.email))
    for (const account of demoAccounts) expect(emails).toContain(account.email)
    const jp = await first
      .selectFrom('councils')
      .select('id')
      .where('country_code', '=', 'JP')
      .executeTakeFirstOrThrow()
    expect(users.find((u) => u.email === 'council-jp@demo.example.org')).toMatchObject({
      role: 'council_coordinator',
      council_id: jp.id,
    })
  })

  it('gives the entrepreneur listings in Japan, one of them pending', async () => {
    const own = await first
      .selectFrom('businesses')
      .select(['country_code', 'status'])
      .where('owner_id', '=', 'demo-entrepreneur')
      .execute()
    expect(own.length).toBeGreaterThanOrEqual(3)
    expect(own.every((b) => b.country_code === 'JP')).toBe(true)
    expect(own.filter((b) => b.status === 'pending')).toHaveLength(1)
  })

  it('spreads listings over many countries with names in three scripts and valid links', async () => {
    const stats = await first
      .selectFrom('businesses')
      .select([
        (eb) => eb.fn.count<number>('country_code').distinct().as('countries'),
        (eb) => eb.fn.countAll<number>().as('total'),
        sql<number>`count(*) filter (where name_local ~ '[\u3040-\u30ff\u4e00-\u9fff\uac00-\ud7af\u0e00-\u0e7f]')`.as(
          'cjkThai',
        ),
        sql<number>`count(*) filter (where status = 'published')`.as('published'),
      ])
      .executeTakeFirstOrThrow()
    expect(Number(stats.total)).toBe(300)
    expect(Number(stats.countries)).toBeGreaterThanOrEqual(10)
    expect(Number(stats.cjkThai)).toBeGreaterThan(30)
    expect(Number(stats.published)).toBeGreaterThan(200)
    const orphans = await first
      .selectFrom('businesses as b')
      .select('b.id')
      .where(({ not, exists, selectFrom }) =>
        not(
          exists(
            selectFrom('business_sectors as s')
              .select('s.business_id')
              .whereRef('s.business_id', '=', 'b.id'),
          ),
        ),
      )
      .execute()
    expect(orphans).toEqual([])
  })

  it('continues the id sequence after the seeded rows', async () => {
    const row = await first
      .insertInto('businesses')
      .values({ name_en: 'After seed', country_code: 'JP' })
      .returning('id')
      .executeTakeFirstOrThrow()
    expect(row.id).toBe(301)
  })
})
