import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'

/**
 * Request rate limits kept in the database's `rate_limits` table (the one sign-in throttling uses),
 * so every replica counts against the same numbers: one upsert per limited request, a fixed window
 * per key. Limits are set far above what a person does — a map dragged non-stop makes a few API calls
 * a second, an export takes a person a minute to open — and an office or mobile carrier puts many
 * people behind one IP, so the IP limit is the larger one. See docs/decisions/0012.
 */
export type Policy = { name: string; windowSeconds: number; maxPerIp: number; maxPerCredential: number }

export const POLICIES = {
  /** /api/v1/*: search, suggestions, the map's clusters, listings. */
  api: { name: 'api', windowSeconds: 60, maxPerIp: 1200, maxPerCredential: 600 },
  /** /export.csv|xlsx|geojson and forum exports: each one reads up to every listing. */
  export: { name: 'export', windowSeconds: 15 * 60, maxPerIp: 60, maxPerCredential: 30 },
} as const satisfies Record<string, Policy>

export type PolicyName = keyof typeof POLICIES

/** Which policy, if any, limits a path (a React Router `.data` request counts as its page). */
export function policyFor(pathname: string): Policy | null {
  const path = pathname.replace(/\.data$/, '')
  if (path.startsWith('/api/v1/')) return POLICIES.api
  if (/^\/export\.(csv|xlsx|geojson)$/.test(path)) return POLICIES.export
  if (/^\/forums\/[^/]+\/export\.(csv|xlsx)$/.test(path)) return POLICIES.export
  return null
}

export type RateKey = { key: string; max: number }

const digest = (value: string) => createHash('sha256').update(value).digest('base64url').slice(0, 32)

/**
 * The counters a request spends: its IP always, and its credential when it has one (the session
 * cookie or an API token, hashed), so people behind one address do not share the smaller allowance.
 * A made-up cookie buys nothing: the IP counter still applies.
 */
export function rateKeys(policy: Policy, ip: string, credential: string | null): RateKey[] {
  const keys: RateKey[] = [{ key: `rl:${policy.name}:ip:${ip}`, max: policy.maxPerIp }]
  if (credential)
    keys.push({ key: `rl:${policy.name}:cred:${digest(credential)}`, max: policy.maxPerCredential })
  return keys
}

/** The session cookie's value or the Bearer token: what identifies the caller without a lookup. */
export function credentialOf(headers: Pick<Headers, 'get'>): string | null {
  const bearer = /^Bearer\s+(\S+)/i.exec(headers.get('authorization') ?? '')
  if (bearer?.[1]) return bearer[1]
  const session = /(?:^|;\s*)(?:__Secure-)?cbm[._]session_token=([^;]+)/.exec(headers.get('cookie') ?? '')
  return session?.[1] ?? null
}

export type RateVerdict = { ok: true } | { ok: false; retryAfterSeconds: number }

/**
 * Counts this request against every key of the policy in one statement (one round trip, one commit);
 * refuses when any key is over its limit for the window.
 */
export async function hitRateLimit(
  db: Kysely<Database>,
  policy: Policy,
  keys: RateKey[],
): Promise<RateVerdict> {
  const window = policy.windowSeconds
  const expired = sql<boolean>`rate_limits.window_started_at <= now() - make_interval(secs => ${window})`
  const rows = await db
    .insertInto('rate_limits')
    .values(keys.map(({ key }) => ({ key, count: 1, window_started_at: sql`now()` })))
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        count: sql`case when ${expired} then 1 else rate_limits.count + 1 end`,
        window_started_at: sql`case when ${expired} then now() else rate_limits.window_started_at end`,
      }),
    )
    .returning([
      'key',
      'count',
      sql<number>`extract(epoch from (window_started_at + make_interval(secs => ${window}) - now()))`.as(
        'left',
      ),
    ])
    .execute()
  let wait = 0
  for (const row of rows) {
    const max = keys.find((k) => k.key === row.key)?.max ?? Number.POSITIVE_INFINITY
    if (row.count > max) wait = Math.max(wait, Math.max(1, Math.ceil(Number(row.left))))
  }
  // Now and then, forget counters whose window ended long ago (IPs and sessions seen once).
  if (Math.random() < 0.001) await forgetOldCounters(db)
  return wait > 0 ? { ok: false, retryAfterSeconds: wait } : { ok: true }
}

export async function forgetOldCounters(db: Kysely<Database>) {
  await db
    .deleteFrom('rate_limits')
    .where('window_started_at', '<', sql<Date>`now() - interval '1 day'`)
    .execute()
}
