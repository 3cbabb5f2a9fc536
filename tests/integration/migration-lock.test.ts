import { type Kysely, sql } from 'kysely'
import pg from 'pg'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { MIGRATION_LOCK_KEY, migrateToLatest, migrations } from '#db/migrate.server'
import { openDatabase } from '#db/open.server'
import type { Database } from '#db/schema'
import { newServerDatabaseUrl } from '../support/databases'

/**
 * Two app replicas start at once on an empty server database and both migrate: each migration must be
 * applied exactly once and both must start.
 */
const server = inject('serverTemplate')

async function freshServerDatabase() {
  const url = await newServerDatabaseUrl({ empty: true })
  if (!url) throw new Error('TEST_DATABASE_URL is not set')
  return url
}

// PGlite takes the same lock path on every test run: the global setup migrates a fresh one.
describe.skipIf(!server)('migration lock on the PostgreSQL server', () => {
  if (!server) console.log('TEST_DATABASE_URL is not set: the two-replica migration test is skipped.')
  const open: Kysely<Database>[] = []
  afterAll(async () => {
    await Promise.all(open.map((db) => db.destroy()))
  })

  it('two migrators on one fresh database both succeed and apply each migration once', async () => {
    const url = await freshServerDatabase()
    const a = await openDatabase({ kind: 'postgres', url })
    const b = await openDatabase({ kind: 'postgres', url })
    open.push(a, b)
    const [ra, rb] = await Promise.all([migrateToLatest(a), migrateToLatest(b)])
    const applied = [...(ra.results ?? []), ...(rb.results ?? [])]
    expect(applied.every((r) => r.status === 'Success')).toBe(true)
    // Every migration applied by one of the two, none by both.
    expect(applied.map((r) => r.migrationName).sort()).toEqual(Object.keys(migrations).sort())
    const { rows } = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(a)
    expect(rows.map((r) => r.name)).toEqual(Object.keys(migrations))
  })

  it('a migrator waits while another process holds the lock, then finds nothing left to do', async () => {
    const url = await freshServerDatabase()
    const holder = new pg.Client({ connectionString: url })
    await holder.connect()
    const db = await openDatabase({ kind: 'postgres', url })
    open.push(db)
    try {
      await holder.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY])
      let finished = false
      const running = migrateToLatest(db).then((result) => {
        finished = true
        return result
      })
      // Wait until the migrator is queued on our lock (seen in pg_locks), then check it has not run.
      for (;;) {
        const { rows } = await holder.query<{ n: number }>(
          `select count(*)::int as n from pg_locks
            where locktype = 'advisory' and not granted and database = (select oid from pg_database where datname = current_database())`,
        )
        if ((rows[0]?.n ?? 0) > 0) break
        await new Promise((resolve) => setTimeout(resolve, 20))
      }
      expect(finished).toBe(false)
      const { rows: tables } = await holder.query(
        `select 1 from pg_tables where tablename = 'kysely_migration'`,
      )
      expect(tables).toHaveLength(0)
      await holder.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY])
      const result = await running
      expect(result.results).toHaveLength(Object.keys(migrations).length)
      expect((await migrateToLatest(db)).results).toEqual([])
    } finally {
      await holder.end()
    }
  })
})
