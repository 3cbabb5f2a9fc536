import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { migrateToLatest, migrations, pendingMigrations } from '#db/migrate.server'
import { testDatabases } from '../support/databases'

describe.each(testDatabases())('migrations on $name', ({ open }) => {
  let db: Awaited<ReturnType<typeof open>>
  beforeAll(async () => {
    db = await open()
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('leaves nothing pending and re-running is a no-op', async () => {
    expect(await pendingMigrations(db)).toEqual([])
    const again = await migrateToLatest(db)
    expect(again.results).toEqual([])
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db)
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations))
  })

  it('creates every table of the data model', async () => {
    const { rows } = await sql<{ table_name: string }>`
      select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'
    `.execute(db)
    const tables = rows.map((r) => r.table_name)
    for (const table of [
      'countries',
      'councils',
      'sectors',
      'federal_districts',
      'russian_regions',
      'users',
      'accounts',
      'sessions',
      'verifications',
      'rate_limits',
      'role_grants',
      'api_tokens',
      'businesses',
      'business_sectors',
      'business_regions',
      'history',
      'search_outbox',
      'mail_outbox',
      'saved_searches',
      'forums',
      'forum_quotas',
      'nominations',
      'nomination_reviews',
    ]) {
      expect(tables).toContain(table)
    }
  })

  it('has the pg_trgm and unaccent extensions', async () => {
    const { rows } = await sql<{ extname: string }>`select extname from pg_extension`.execute(db)
    expect(rows.map((r) => r.extname)).toEqual(expect.arrayContaining(['pg_trgm', 'unaccent']))
    const { rows: check } = await sql<{ u: string }>`select unaccent('Hà Nội') as u`.execute(db)
    expect(check[0]?.u).toBe('Ha Noi')
  })
})
