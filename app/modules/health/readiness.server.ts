import type { Kysely } from 'kysely'
import { Meilisearch } from 'meilisearch'
import { migrations } from '#db/migrate.server'
import type { Database } from '#db/schema'
import { meiliConfig } from '~/modules/search/config.server'

export type CheckStatus = 'ok' | 'fail' | 'skipped'
export type Check = { status: CheckStatus; error?: string }
export type Readiness = {
  /** ready: serve traffic; degraded: serve, something optional is down; unready: take me out of rotation. */
  status: 'ready' | 'degraded' | 'unready'
  checks: {
    database: Check
    migrations: Check & { pending?: string[] }
    search: Check & { engine: 'postgres' | 'meilisearch' }
  }
}

const DEFAULT_TIMEOUT_MS = 2000

class TimeoutError extends Error {}

/** A load balancer asks often and must hear back fast, so every probe gives up after `ms`. */
function within<T>(ms: number, work: Promise<T>): Promise<T> {
  let timer: NodeJS.Timeout | undefined
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new TimeoutError(`no answer within ${ms} ms`)), ms)
  })
  return Promise.race([work, timeout]).finally(() => clearTimeout(timer))
}

/**
 * What the public body says about a failure: an error code or "timeout", never the message, which may
 * carry internal host names. The full message goes to the log when a check changes state.
 */
function reason(error: unknown) {
  if (error instanceof TimeoutError) return 'timeout'
  const code =
    (error as { code?: unknown; cause?: { code?: unknown } }).code ??
    (error as { cause?: { code?: unknown } }).cause?.code
  return typeof code === 'string' && /^[\w.-]{1,40}$/.test(code) ? code : 'unreachable'
}

const lastStatus = new Map<string, CheckStatus>()

function logChange(name: string, status: CheckStatus, error?: unknown) {
  if (lastStatus.get(name) === status) return
  lastStatus.set(name, status)
  if (status === 'fail')
    console.warn(`readiness: ${name} failed: ${error instanceof Error ? error.message : String(error)}`)
  else if (status === 'ok') console.log(`readiness: ${name} ok`)
}

/**
 * Whether this process should receive traffic: the database answers, and it has every migration this
 * build knows (a replica started before the migration finished must not serve the new code on the old
 * schema). One query answers both. Meilisearch is reported but does not make the process unready: search
 * falls back to PostgreSQL and changes wait in the outbox, so pulling every replica out of rotation
 * because of it would turn a degraded search into an outage of the whole site.
 */
export async function readiness(
  db: Kysely<Database>,
  { timeoutMs = DEFAULT_TIMEOUT_MS }: { timeoutMs?: number } = {},
): Promise<Readiness> {
  const [schema, search] = await Promise.all([databaseAndMigrations(db, timeoutMs), searchEngine(timeoutMs)])
  const critical = schema.database.status === 'ok' && schema.migrations.status === 'ok'
  return {
    status: !critical ? 'unready' : search.status === 'fail' ? 'degraded' : 'ready',
    checks: { ...schema, search },
  }
}

async function databaseAndMigrations(db: Kysely<Database>, timeoutMs: number) {
  try {
    const rows = await within(
      timeoutMs,
      db
        // Kysely's bookkeeping table is not in our Database type.
        .selectFrom('kysely_migration' as never)
        .select('name' as never)
        .execute() as Promise<{ name: string }[]>,
    )
    logChange('database', 'ok')
    const done = new Set(rows.map((r) => r.name))
    const pending = Object.keys(migrations).filter((name) => !done.has(name))
    return {
      database: { status: 'ok' as const },
      migrations: pending.length
        ? { status: 'fail' as const, error: 'migrations pending', pending }
        : { status: 'ok' as const },
    }
  } catch (error) {
    // A database that answers without the bookkeeping table has not been migrated at all.
    if ((error as { code?: string }).code === '42P01') {
      return {
        database: { status: 'ok' as const },
        migrations: {
          status: 'fail' as const,
          error: 'migrations pending',
          pending: Object.keys(migrations),
        },
      }
    }
    logChange('database', 'fail', error)
    return {
      database: { status: 'fail' as const, error: reason(error) },
      migrations: { status: 'skipped' as const },
    }
  }
}

async function searchEngine(timeoutMs: number): Promise<Check & { engine: 'postgres' | 'meilisearch' }> {
  const config = meiliConfig()
  // PostgreSQL search is the database itself: nothing more to ask.
  if (!config) return { engine: 'postgres', status: 'skipped' }
  try {
    const client = new Meilisearch({ host: config.host, apiKey: config.apiKey, timeout: timeoutMs })
    await within(timeoutMs, client.health())
    logChange('search', 'ok')
    return { engine: 'meilisearch', status: 'ok' }
  } catch (error) {
    logChange('search', 'fail', error)
    return { engine: 'meilisearch', status: 'fail', error: reason(error) }
  }
}
