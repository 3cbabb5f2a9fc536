import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import type { SearchEngine } from './engine'

const BATCH = 500
/** Retry delay after a failure: 2, 4, 8 … seconds, at most five minutes. */
const MAX_DELAY_SECONDS = 300

export type DrainReport = { processed: number; failed: number; error: string | null }

/**
 * Sends the queued listing changes to an external engine. Rows are deleted only after the engine
 * confirmed the write; on failure they stay, with a growing delay, so an outage loses nothing and the
 * engine catches up when it returns. The engine looks each listing up when it indexes it, so replaying
 * a row twice (two app processes) is harmless.
 */
export async function drainSearchOutbox(db: Kysely<Database>, engine: SearchEngine): Promise<DrainReport> {
  const rows = await db
    .selectFrom('search_outbox')
    .select(['id', 'business_id'])
    .where('available_at', '<=', sql<Date>`now()`)
    .orderBy('id')
    .limit(BATCH)
    .execute()
  if (rows.length === 0) return { processed: 0, failed: 0, error: null }
  const rowIds = rows.map((r) => r.id)
  try {
    await engine.index([...new Set(rows.map((r) => r.business_id))])
    await db.deleteFrom('search_outbox').where('id', 'in', rowIds).execute()
    return { processed: rows.length, failed: 0, error: null }
  } catch (error) {
    const message = (error instanceof Error ? error.message : String(error)).slice(0, 1000)
    await db
      .updateTable('search_outbox')
      .set({
        attempts: sql`attempts + 1`,
        last_error: message,
        available_at: sql`now() + make_interval(secs => least(power(2, attempts + 1), ${MAX_DELAY_SECONDS}))`,
      })
      .where('id', 'in', rowIds)
      .execute()
    return { processed: 0, failed: rows.length, error: message }
  }
}

export type OutboxStats = {
  pending: number
  failing: number
  oldestPendingSeconds: number | null
  lastError: string | null
}

export async function outboxStats(db: Kysely<Database>): Promise<OutboxStats> {
  const row = await db
    .selectFrom('search_outbox')
    .select([
      (eb) => eb.fn.countAll<number>().as('pending'),
      sql<number>`count(*) filter (where attempts > 0)`.as('failing'),
      sql<number | null>`extract(epoch from now() - min(created_at))::float8`.as('oldest'),
      sql<
        string | null
      >`(array_agg(last_error order by id desc) filter (where last_error is not null))[1]`.as('last_error'),
    ])
    .executeTakeFirstOrThrow()
  return {
    pending: Number(row.pending),
    failing: Number(row.failing),
    oldestPendingSeconds: row.oldest === null ? null : Math.round(Number(row.oldest)),
    lastError: row.last_error,
  }
}

/** The worker that runs inside the app process (scripts/start.ts) while Meilisearch is configured. */
export function startSearchOutboxWorker(db: Kysely<Database>, engine: SearchEngine, intervalMs = 1000) {
  let stopped = false
  let timer: NodeJS.Timeout | undefined
  const tick = async () => {
    if (stopped) return
    try {
      // Keep draining while there is work; then wait.
      for (;;) {
        const report = await drainSearchOutbox(db, engine)
        if (report.error) console.warn(`search outbox: ${report.failed} change(s) not sent: ${report.error}`)
        if (report.processed === 0 || stopped) break
      }
    } catch (error) {
      console.warn('search outbox worker:', error instanceof Error ? error.message : error)
    }
    if (!stopped) timer = setTimeout(tick, intervalMs)
  }
  timer = setTimeout(tick, 0)
  return {
    stop() {
      stopped = true
      if (timer) clearTimeout(timer)
    },
  }
}
