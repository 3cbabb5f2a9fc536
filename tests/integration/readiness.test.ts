import type { Kysely } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { setDb } from '#db/client.server'
import { openDatabase } from '#db/open.server'
import type { Database } from '#db/schema'
import { readiness } from '~/modules/health/readiness.server'
import { loader as healthz } from '~/routes/healthz'
import { loader as readyz } from '~/routes/readyz'
import { newServerDatabaseUrl, testDatabases } from '../support/databases'
import { run } from '../support/http'
import { startTcpRelay } from '../support/tcp-relay'

type Body = {
  status: string
  checks: Record<string, { status: string; error?: string; pending?: string[]; engine?: string }>
}

const savedMeili = process.env.MEILI_URL

describe.each(testDatabases())('health and readiness on $name', ({ open }) => {
  let db: Kysely<Database>
  beforeAll(async () => {
    db = await open()
    setDb(db)
  })
  afterEach(() => {
    if (savedMeili === undefined) delete process.env.MEILI_URL
    else process.env.MEILI_URL = savedMeili
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('/healthz answers without asking the database', async () => {
    setDb(undefined)
    try {
      const res = await run(healthz, '/healthz')
      expect(res.status).toBe(200)
      expect(res.data).toMatchObject({ status: 'ok' })
      expect(res.headers.get('Cache-Control')).toBe('no-store')
    } finally {
      setDb(db)
    }
  })

  it('/readyz is 200 with every check when the database is migrated', async () => {
    delete process.env.MEILI_URL
    const res = await run(readyz, '/readyz')
    expect(res.status).toBe(200)
    expect(res.data).toEqual({
      status: 'ready',
      checks: {
        database: { status: 'ok' },
        migrations: { status: 'ok' },
        search: { engine: 'postgres', status: 'skipped' },
      },
    })
  })

  it('/readyz is 503 while a migration is pending, and names it', async () => {
    await db
      .deleteFrom('kysely_migration' as never)
      .where('name' as never, '=', '0011_imports' as never)
      .execute()
    try {
      const res = await run(readyz, '/readyz')
      expect(res.status).toBe(503)
      expect((res.data as Body).checks.migrations).toEqual({
        status: 'fail',
        error: 'migrations pending',
        pending: ['0011_imports'],
      })
    } finally {
      await db
        .insertInto('kysely_migration' as never)
        .values({ name: '0011_imports', timestamp: new Date().toISOString() } as never)
        .execute()
    }
  })

  it('an unreachable Meilisearch degrades but does not take the process out of rotation', async () => {
    process.env.MEILI_URL = 'http://127.0.0.1:9'
    const res = await run(readyz, '/readyz')
    expect(res.status).toBe(200)
    const body = res.data as Body
    expect(body.status).toBe('degraded')
    expect(body.checks.search).toMatchObject({ engine: 'meilisearch', status: 'fail' })
    // The public body names no host.
    expect(JSON.stringify(body)).not.toContain('127.0.0.1')
  })
})

const meiliUrl = process.env.MEILI_URL
describe.skipIf(!meiliUrl)('readiness with a real Meilisearch', () => {
  it('reports the engine ok', async () => {
    const [database] = testDatabases()
    const db = await (database?.open() ?? Promise.reject(new Error('no database')))
    try {
      expect((await readiness(db)).checks.search).toEqual({ engine: 'meilisearch', status: 'ok' })
    } finally {
      await db.destroy()
    }
  })
})

const server = inject('serverTemplate')
describe.skipIf(!server)('/readyz through a real database outage', () => {
  if (!server) console.log('TEST_DATABASE_URL is not set: the database outage test of /readyz is skipped.')

  it('goes red when the PostgreSQL server becomes unreachable and green when it returns', async () => {
    const url = await newServerDatabaseUrl()
    if (!url) throw new Error('TEST_DATABASE_URL is not set')
    const direct = new URL(url)
    const relay = await startTcpRelay({ host: direct.hostname, port: Number(direct.port || 5432) })
    const through = new URL(direct)
    through.hostname = '127.0.0.1'
    through.port = String(relay.port)
    const db = await openDatabase({ kind: 'postgres', url: through.toString() })
    setDb(db)
    delete process.env.MEILI_URL
    try {
      const before = await run(readyz, '/readyz')
      expect(before.status).toBe(200)

      await relay.cut()
      const during = await run(readyz, '/readyz')
      expect(during.status).toBe(503)
      expect(during.data).toMatchObject({
        status: 'unready',
        checks: { database: { status: 'fail' }, migrations: { status: 'skipped' } },
      })
      // New connections are refused too, not only the ones that were open.
      const still = await run(readyz, '/readyz')
      expect(still.status).toBe(503)
      expect(still.data).toMatchObject({ checks: { database: { status: 'fail', error: 'ECONNREFUSED' } } })
      // Alive all the same: nothing should restart this process for a database outage.
      expect((await run(healthz, '/healthz')).status).toBe(200)

      await relay.restore()
      const after = await run(readyz, '/readyz')
      expect(after.status).toBe(200)
      expect(after.data).toMatchObject({ status: 'ready', checks: { database: { status: 'ok' } } })

      // A network that hangs instead of refusing: the probe gives up after its timeout, then recovers.
      relay.stall()
      const hung = await readiness(db, { timeoutMs: 300 })
      expect(hung).toMatchObject({
        status: 'unready',
        checks: { database: { status: 'fail', error: 'timeout' } },
      })
      relay.resume()
      expect((await readiness(db)).status).toBe('ready')
    } finally {
      setDb(undefined)
      await relay.close()
      await db.destroy()
      if (savedMeili !== undefined) process.env.MEILI_URL = savedMeili
    }
  })
})
