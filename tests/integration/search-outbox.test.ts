import type { Kysely } from 'kysely'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { emptyFacets, type SearchEngine } from '~/modules/search/engine'
import { MeiliSearchEngine } from '~/modules/search/meili-engine.server'
import { drainSearchOutbox } from '~/modules/search/outbox.server'
import { emptyFilters } from '~/modules/search/params'
import { searchBusinesses, searchHealth } from '~/modules/search/service.server'
import { testDatabases } from '../support/databases'
import { insertCorpus, type LoadedListing } from '../support/search-corpus'

/** An engine that records what it was asked to index and can be told to fail (a stand-in for an outage). */
function recordingEngine() {
  const indexed: number[][] = []
  let failing = true
  const engine: SearchEngine = {
    name: 'recording',
    async search() {
      return {
        hits: [],
        total: 0,
        facets: emptyFacets(),
        page: 1,
        perPage: 20,
        pages: 1,
        correctedQuery: null,
        engine: 'recording',
      }
    },
    async index(ids) {
      if (failing) throw new Error('connection refused')
      indexed.push(ids)
    },
    async remove() {},
    async reindexAll() {
      return { documents: 0 }
    },
    async health() {
      return {
        engine: 'recording',
        ok: true,
        documents: 0,
        pending: 0,
        oldestPendingSeconds: null,
        failing: 0,
        message: null,
      }
    },
  }
  return { engine, indexed, recover: () => (failing = false) }
}

describe.each(testDatabases())('search outbox on $name', ({ open }) => {
  let db: Kysely<Database>
  let listings: LoadedListing[]
  const saved = process.env.MEILI_URL
  beforeAll(async () => {
    db = await open()
    listings = await insertCorpus(db)
  })
  afterEach(() => {
    if (saved === undefined) delete process.env.MEILI_URL
    else process.env.MEILI_URL = saved
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('queues nothing without Meilisearch, one row per listing with it, inside the caller transaction', async () => {
    delete process.env.MEILI_URL
    await onBusinessesChanged(db, [listings[0]?.id ?? 0])
    expect(await db.selectFrom('search_outbox').selectAll().execute()).toHaveLength(0)
    process.env.MEILI_URL = 'http://127.0.0.1:9'
    await db
      .transaction()
      .execute(async (trx) => {
        await onBusinessesChanged(trx, [listings[0]?.id ?? 0, listings[1]?.id ?? 0])
        throw new Error('rolled back')
      })
      .catch(() => {})
    expect(await db.selectFrom('search_outbox').selectAll().execute()).toHaveLength(0)
    await onBusinessesChanged(db, [listings[0]?.id ?? 0, listings[1]?.id ?? 0, listings[0]?.id ?? 0])
    expect(await db.selectFrom('search_outbox').selectAll().execute()).toHaveLength(2)
  })

  it('takes a bulk change of any size in one call', async () => {
    delete process.env.MEILI_URL
    const ids = Array.from({ length: 70_000 }, (_, i) => i + 1)
    await expect(onBusinessesChanged(db, ids)).resolves.toBeUndefined()
  })

  it('keeps changes while the engine is down and delivers them when it returns', async () => {
    const { engine, indexed, recover } = recordingEngine()
    const failed = await drainSearchOutbox(db, engine)
    expect(failed).toMatchObject({ processed: 0, failed: 2, error: 'connection refused' })
    const rows = await db.selectFrom('search_outbox').selectAll().execute()
    expect(rows.map((r) => r.attempts)).toEqual([1, 1])
    expect(rows[0]?.last_error).toBe('connection refused')
    // Not retried before its delay…
    expect(await drainSearchOutbox(db, engine)).toMatchObject({ processed: 0, failed: 0 })
    // …and delivered once the delay has passed and the engine is back.
    await db
      .updateTable('search_outbox')
      .set({ available_at: new Date(Date.now() - 1000) })
      .execute()
    recover()
    expect(await drainSearchOutbox(db, engine)).toMatchObject({ processed: 2, failed: 0 })
    expect(indexed).toEqual([[listings[0]?.id, listings[1]?.id]])
    expect(await db.selectFrom('search_outbox').selectAll().execute()).toHaveLength(0)
  })

  it('with Meilisearch unreachable: writes wait in the outbox, health says so, search answers from PostgreSQL', async () => {
    process.env.MEILI_URL = 'http://127.0.0.1:9'
    await onBusinessesChanged(
      db,
      listings.map((l) => l.id),
    )
    const meili = new MeiliSearchEngine(db, { host: 'http://127.0.0.1:9', index: 'businesses' })
    const report = await drainSearchOutbox(db, meili)
    expect(report.processed).toBe(0)
    expect(report.failed).toBeGreaterThan(0)
    const health = await searchHealth(db)
    expect(health).toMatchObject({ engine: 'meilisearch', ok: false })
    expect(health.pending).toBe(listings.length)
    expect(health.failing).toBeGreaterThan(0)
    const result = await searchBusinesses(db, {
      q: 'Сакура',
      filters: emptyFilters(),
      bbox: null,
      sort: 'relevance',
      page: 1,
      perPage: 20,
      locale: 'ru',
      audience: 'public',
    })
    expect(result.engine).toBe('postgres')
    expect(result.total).toBe(1)
  })
})
