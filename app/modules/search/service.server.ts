import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { meiliConfig } from './config.server'
import type { EngineHealth, SearchEngine, SearchRequest, SearchResult } from './engine'
import { MeiliSearchEngine } from './meili-engine.server'
import { outboxStats } from './outbox.server'
import { PostgresSearchEngine } from './pg-engine.server'

/** The configured engine: Meilisearch when MEILI_URL is set, PostgreSQL otherwise. */
export function getSearchEngine(db: Kysely<Database>): SearchEngine {
  const config = meiliConfig()
  return config ? new MeiliSearchEngine(db, config) : new PostgresSearchEngine(db)
}

/**
 * Searches with the configured engine. The PostgreSQL search data is always kept up to date, so if
 * Meilisearch does not answer, the search still works (on PostgreSQL) instead of failing the page.
 */
export async function searchBusinesses(db: Kysely<Database>, request: SearchRequest): Promise<SearchResult> {
  const engine = getSearchEngine(db)
  if (engine instanceof PostgresSearchEngine) return engine.search(request)
  try {
    return await engine.search(request)
  } catch (error) {
    console.warn(
      'Meilisearch search failed, answering from PostgreSQL:',
      error instanceof Error ? error.message : error,
    )
    return new PostgresSearchEngine(db).search(request)
  }
}

export type SearchHealth = EngineHealth & { checkedAt: string; lastError: string | null }

/**
 * The search status for administrators (shown in the admin area once accounts exist; for now served as
 * JSON at /api/v1/search/health): the engine, whether it answers, its document count and the outbox.
 */
export async function searchHealth(db: Kysely<Database>): Promise<SearchHealth> {
  const engine = getSearchEngine(db)
  const [health, outbox] = await Promise.all([engine.health(), outboxStats(db)])
  const stale = outbox.oldestPendingSeconds !== null && outbox.oldestPendingSeconds > 300
  return {
    ...health,
    ok: health.ok && !stale,
    pending: outbox.pending,
    failing: outbox.failing,
    oldestPendingSeconds: outbox.oldestPendingSeconds,
    lastError: outbox.lastError,
    message: health.message ?? (stale ? 'search outbox is more than 5 minutes behind' : null),
    checkedAt: new Date().toISOString(),
  }
}
