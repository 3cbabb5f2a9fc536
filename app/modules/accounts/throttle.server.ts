import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'

/** Sign-in throttling: this many failures in the window lock the account and the IP out until it ends. */
export const SIGN_IN_MAX_FAILURES = 10
export const SIGN_IN_WINDOW_MINUTES = 15

/** Keys hold a hash of the e-mail, so the table does not collect the addresses people mistype. */
export function signInThrottleKeys(email: string, ip: string) {
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')
  return [`signin:account:${account}`, `signin:ip:${ip}`]
}

/** Minutes until the caller may try again, or null when no key is over the limit. */
export async function throttledFor(db: Kysely<Database>, keys: string[]): Promise<number | null> {
  const rows = await db
    .selectFrom('rate_limits')
    .select([
      'count',
      sql<number>`extract(epoch from (window_started_at + make_interval(mins => ${SIGN_IN_WINDOW_MINUTES}) - now()))`.as(
        'left',
      ),
    ])
    .where('key', 'in', keys)
    .where('count', '>=', SIGN_IN_MAX_FAILURES)
    .where(sql<boolean>`window_started_at > now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`)
    .execute()
  if (rows.length === 0) return null
  const seconds = Math.max(...rows.map((r) => Number(r.left)))
  return Math.max(1, Math.ceil(seconds / 60))
}

/** Counts one failure against every key, starting a new window where the old one has ended. */
export async function recordFailure(db: Kysely<Database>, keys: string[]) {
  const expired = sql<boolean>`rate_limits.window_started_at <= now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`
  for (const key of keys) {
    await db
      .insertInto('rate_limits')
      .values({ key, count: 1, window_started_at: sql`now()` })
      .onConflict((oc) =>
        oc.column('key').doUpdateSet({
          count: sql`case when ${expired} then 1 else rate_limits.count + 1 end`,
          window_started_at: sql`case when ${expired} then now() else rate_limits.window_started_at end`,
        }),
      )
      .execute()
  }
}

export async function clearFailures(db: Kysely<Database>, keys: string[]) {
  await db.deleteFrom('rate_limits').where('key', 'in', keys).execute()
}
