import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'

/**
 * Sign-in throttling: this many failures in the window lock the account (or the IP) out until the
 * window ends. An IP gets a higher limit than an account, because a council office or a mobile
 * carrier puts many honest people behind one address.
 */
export const SIGN_IN_MAX_FAILURES = 10
export const SIGN_IN_MAX_FAILURES_PER_IP = 30
export const SIGN_IN_WINDOW_MINUTES = 15

export type ThrottleKey = { key: string; max: number }

/** The account key holds a hash of the e-mail, so the table does not collect mistyped addresses. */
export function signInThrottleKeys(email: string, ip: string): ThrottleKey[] {
  const account = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')
  return [
    { key: `signin:account:${account}`, max: SIGN_IN_MAX_FAILURES },
    { key: `signin:ip:${ip}`, max: SIGN_IN_MAX_FAILURES_PER_IP },
  ]
}

const inWindow = sql<boolean>`window_started_at > now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`

/**
 * E-mail sending on behalf of anonymous callers (sign-up, password reset): at most 3 messages to one
 * address and 20 requests from one IP per window, so the forms cannot be used to flood an inbox.
 */
export function mailThrottleKeys(email: string, ip: string): ThrottleKey[] {
  const to = createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')
  return [
    { key: `mail:to:${to}`, max: 3 },
    { key: `mail:ip:${ip}`, max: 20 },
  ]
}

/** Counts one use against the keys; returns the minutes to wait when that would go over a limit. */
export async function consume(db: Kysely<Database>, keys: ThrottleKey[]): Promise<number | null> {
  const wait = await throttledFor(db, keys)
  if (wait !== null) return wait
  await recordFailure(db, keys)
  return null
}

/** Minutes until the caller may try again, or null when no key is over its limit. */
export async function throttledFor(db: Kysely<Database>, keys: ThrottleKey[]): Promise<number | null> {
  const rows = await db
    .selectFrom('rate_limits')
    .select([
      'key',
      'count',
      sql<number>`extract(epoch from (window_started_at + make_interval(mins => ${SIGN_IN_WINDOW_MINUTES}) - now()))`.as(
        'left',
      ),
    ])
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .where(inWindow)
    .execute()
  const over = rows.filter(
    (r) => r.count >= (keys.find((k) => k.key === r.key)?.max ?? Number.POSITIVE_INFINITY),
  )
  if (over.length === 0) return null
  const seconds = Math.max(...over.map((r) => Number(r.left)))
  return Math.max(1, Math.ceil(seconds / 60))
}

/** Counts one failure against every key, starting a new window where the old one has ended. */
export async function recordFailure(db: Kysely<Database>, keys: ThrottleKey[]) {
  const expired = sql<boolean>`rate_limits.window_started_at <= now() - make_interval(mins => ${SIGN_IN_WINDOW_MINUTES})`
  for (const { key } of keys) {
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

export async function clearFailures(db: Kysely<Database>, keys: ThrottleKey[]) {
  await db
    .deleteFrom('rate_limits')
    .where(
      'key',
      'in',
      keys.map((k) => k.key),
    )
    .execute()
}
