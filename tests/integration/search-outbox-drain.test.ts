import type { Kysely } from 'kysely'
import { Meilisearch } from 'meilisearch'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import type { SearchEngine } from '~/modules/search/engine'
import { MeiliSearchEngine } from '~/modules/search/meili-engine.server'
import { startSearchOutboxWorker } from '~/modules/search/outbox.server'
import { testDatabases } from '../support/databases'
import { InMemorySearchEngineForTests } from '../support/in-memory-search-engine'
import { insertCorpus, type LoadedListing } from '../support/search-corpus'
import { startTcpRelay } from '../support/tcp-relay'

/**
 * A search engine outage while listings keep changing: every change waits in the outbox (none lost, the
 * running worker keeps failing and backing off), and when the engine returns the same worker drains the
 * outbox and the engine holds each listing's latest state. Against an in-process engine for tests always,
 * and against a real Meilisearch, cut off through a TCP relay, when MEILI_URL is set.
 */

const until = async (what: string, check: () => Promise<boolean>, attempts = 600) => {
  for (let i = 0; i < attempts; i++) {
    if (await check()) return
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  throw new Error(`gave up waiting: ${what}`)
}

/** The write path's search step, in the writer's transaction: rename and tell search. */
async function rename(db: Kysely<Database>, ids: number[], round: number) {
  await db.transaction().execute(async (trx) => {
    for (const id of ids) {
      await trx
        .updateTable('businesses')
        .set({ name_en: `Renamed ${id} round ${round}` })
        .where('id', '=', id)
        .execute()
    }
    await onBusinessesChanged(trx, ids)
  })
}

type Setup = {
  engine: SearchEngine
  goDown: () => Promise<void>
  comeBack: () => Promise<void>
  /** listing id → English name the engine holds */
  indexed: (ids: number[]) => Promise<Map<number, string | null>>
  teardown: () => Promise<void>
}

async function exercise(db: Kysely<Database>, listings: LoadedListing[], setup: Setup) {
  const saved = process.env.MEILI_URL
  // Queueing in the outbox is on whenever Meilisearch is configured; the worker below uses `engine`.
  process.env.MEILI_URL ??= 'http://127.0.0.1:9'
  await db.deleteFrom('search_outbox').execute()
  const published = listings.filter((l) => l.status === 'published').map((l) => l.id)
  const changed = published.slice(0, 12)
  const worker = startSearchOutboxWorker(db, setup.engine, 20)
  try {
    await setup.goDown()
    // Three rounds of writes during the outage; a listing changed twice queues twice.
    await rename(db, changed.slice(0, 8), 1)
    await rename(db, changed.slice(4, 12), 2)
    await rename(db, changed.slice(0, 2), 3)
    const queued = 8 + 8 + 2
    // The running worker tries every row, fails, and leaves it in place with a later retry time.
    await until('every queued row tried once', async () => {
      const rows = await db.selectFrom('search_outbox').select('attempts').execute()
      return rows.length === queued && rows.every((r) => r.attempts >= 1)
    })
    const waiting = await db.selectFrom('search_outbox').select(['business_id', 'last_error']).execute()
    expect(new Set(waiting.map((r) => r.business_id))).toEqual(new Set(changed))
    expect(waiting.every((r) => r.last_error)).toBe(true)
    expect([...(await setup.indexed(changed)).values()].some((name) => name?.includes('round'))).toBe(false)

    await setup.comeBack()
    await until('outbox drained', async () => {
      const { n } = await db
        .selectFrom('search_outbox')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return Number(n) === 0
    })
    const held = await setup.indexed(changed)
    for (const id of changed) {
      const last = id === changed[0] || id === changed[1] ? 3 : changed.indexOf(id) >= 4 ? 2 : 1
      expect(held.get(id)).toBe(`Renamed ${id} round ${last}`)
    }
  } finally {
    worker.stop()
    if (saved === undefined) delete process.env.MEILI_URL
    else process.env.MEILI_URL = saved
    await setup.teardown()
  }
}

const meiliUrl = process.env.MEILI_URL
if (!meiliUrl)
  console.log('search outbox drain: MEILI_URL is not set, so the real Meilisearch outage test is skipped.')

describe.each(testDatabases())('search outbox drains after an outage on $name', ({ open }) => {
  let db: Kysely<Database>
  let listings: LoadedListing[]
  beforeAll(async () => {
    db = await open()
    listings = await insertCorpus(db)
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('with the in-memory engine for tests: nothing lost while down, all delivered when back', async () => {
    const engine = new InMemorySearchEngineForTests(db)
    await exercise(db, listings, {
      engine,
      goDown: async () => {
        engine.down = true
      },
      comeBack: async () => {
        engine.down = false
      },
      indexed: async () => engine.documents,
      teardown: async () => {},
    })
    expect(engine.failedWrites).toBeGreaterThan(0)
  })

  it.skipIf(!meiliUrl)('with a real Meilisearch cut off through a TCP relay', async () => {
    const target = new URL(meiliUrl ?? '')
    const relay = await startTcpRelay({ host: target.hostname, port: Number(target.port || 80) })
    const through = new URL(target)
    through.hostname = '127.0.0.1'
    through.port = String(relay.port)
    const apiKey = process.env.MEILI_MASTER_KEY || undefined
    const uid = `outbox_drain_${process.pid}_${Date.now()}`
    const engine = new MeiliSearchEngine(db, { host: through.toString(), apiKey, index: uid })
    const direct = new Meilisearch({ host: meiliUrl ?? '', apiKey })
    await exercise(db, listings, {
      engine,
      goDown: () => relay.cut(),
      comeBack: () => relay.restore(),
      indexed: async (ids) => {
        const held = new Map<number, string | null>()
        const result = await direct
          .index(uid)
          .getDocuments<{ id: number; names: string[] }>({ limit: 1000 })
          .catch(() => ({ results: [] as { id: number; names: string[] }[] }))
        for (const doc of result.results) {
          if (ids.includes(Number(doc.id)))
            held.set(Number(doc.id), doc.names.find((n) => n.startsWith('Renamed')) ?? null)
        }
        return held
      },
      teardown: async () => {
        await relay.close()
        await direct.deleteIndexIfExists(uid)
      },
    })
  })
})
