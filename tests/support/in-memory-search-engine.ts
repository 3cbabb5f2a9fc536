import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { emptyFacets, type SearchEngine } from '~/modules/search/engine'

/**
 * FOR TESTS ONLY: an external search engine kept in this process's memory, standing in for Meilisearch
 * where none is reachable. It indexes what the outbox worker sends it the way the real engine does (reads
 * each listing's search row when asked, drops the ones that are gone), and `down` makes every write fail
 * the way a refused connection does, so outage and recovery can be tested without a mock server.
 */
export class InMemorySearchEngineForTests implements SearchEngine {
  readonly name = 'in-memory-for-tests'
  /** listing id → its English name when last indexed */
  readonly documents = new Map<number, string | null>()
  down = false
  failedWrites = 0

  constructor(private readonly db: Kysely<Database>) {}

  async index(businessIds: number[]) {
    if (this.down) {
      this.failedWrites++
      throw new Error('connect ECONNREFUSED (in-memory engine is down)')
    }
    const ids = [...new Set(businessIds)]
    if (ids.length === 0) return
    const rows = await this.db
      .selectFrom('business_search as s')
      .innerJoin('businesses as b', 'b.id', 's.business_id')
      .select(['s.business_id as id', 'b.name_en'])
      .where('s.business_id', 'in', ids)
      .execute()
    const present = new Set(rows.map((r) => r.id))
    for (const row of rows) this.documents.set(row.id, row.name_en)
    for (const id of ids) if (!present.has(id)) this.documents.delete(id)
  }

  async remove(businessIds: number[]) {
    if (this.down) throw new Error('connect ECONNREFUSED (in-memory engine is down)')
    for (const id of businessIds) this.documents.delete(id)
  }

  async search() {
    return {
      hits: [],
      total: 0,
      facets: emptyFacets(),
      page: 1,
      perPage: 20,
      pages: 1,
      correctedQuery: null,
      engine: this.name,
    }
  }

  async reindexAll() {
    return { documents: this.documents.size }
  }

  async health() {
    return {
      engine: this.name,
      ok: !this.down,
      documents: this.documents.size,
      pending: 0,
      oldestPendingSeconds: null,
      failing: 0,
      message: this.down ? 'down' : null,
    }
  }
}
