import { createHash, randomBytes } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'

/**
 * Personal API tokens (decision 0013): 32 random bytes shown once, stored only as their SHA-256
 * (a high-entropy secret needs no slow password hash; a copy of the table cannot be replayed), with
 * a short prefix kept in clear so the owner can tell tokens apart. A token acts as its owner with
 * the owner's current roles, and only for reading (guard.server.ts enforces that).
 */

export const TOKEN_PREFIX = 'cbm_'
/** Visible part kept in the database: "cbm_" and 8 characters of the random part. */
const VISIBLE_CHARS = TOKEN_PREFIX.length + 8
export const MAX_ACTIVE_TOKENS = 10
export const TOKEN_EXPIRY_DAYS = ['', '30', '90', '365'] as const
export type TokenExpiry = (typeof TOKEN_EXPIRY_DAYS)[number]
/** last_used_at is written at most this often per token, so reads do not turn into a write each. */
const LAST_USED_RESOLUTION = '1 minute'

export function hashToken(token: string) {
  return createHash('sha256').update(token, 'utf8').digest('hex')
}

/** Base64url keeps the token one word: easy to paste into a header or a shell variable. */
function newToken() {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`
}

/** A syntactically plausible token: anything else is rejected before touching the database. */
export function looksLikeToken(value: string) {
  return /^cbm_[A-Za-z0-9_-]{43}$/.test(value)
}

export type ApiTokenSummary = {
  id: number
  name: string
  prefix: string
  createdAt: Date
  lastUsedAt: Date | null
  expiresAt: Date | null
  revokedAt: Date | null
}

export async function listApiTokens(db: Kysely<Database>, userId: string): Promise<ApiTokenSummary[]> {
  const rows = await db
    .selectFrom('api_tokens')
    .select(['id', 'name', 'token_prefix', 'created_at', 'last_used_at', 'expires_at', 'revoked_at'])
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.token_prefix,
    createdAt: r.created_at,
    lastUsedAt: r.last_used_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
  }))
}

export type CreateResult =
  | { ok: true; token: string; summary: ApiTokenSummary }
  | { ok: false; reason: 'too_many' }

/** Creates a token; the clear token is in the result and nowhere else. */
export async function createApiToken(
  db: Kysely<Database>,
  userId: string,
  input: { name: string; expiresInDays: number | null },
  now = new Date(),
): Promise<CreateResult> {
  const { count } = await db
    .selectFrom('api_tokens')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where((eb) => eb.or([eb('expires_at', 'is', null), eb('expires_at', '>', now)]))
    .executeTakeFirstOrThrow()
  if (Number(count) >= MAX_ACTIVE_TOKENS) return { ok: false, reason: 'too_many' }
  const token = newToken()
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * 86_400_000) : null
  const row = await db
    .insertInto('api_tokens')
    .values({
      user_id: userId,
      name: input.name,
      token_hash: hashToken(token),
      token_prefix: token.slice(0, VISIBLE_CHARS),
      expires_at: expiresAt,
      created_at: now,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow()
  return {
    ok: true,
    token,
    summary: {
      id: row.id,
      name: input.name,
      prefix: token.slice(0, VISIBLE_CHARS),
      createdAt: row.created_at,
      lastUsedAt: null,
      expiresAt,
      revokedAt: null,
    },
  }
}

/** Revokes one of the user's own tokens; false when there is no such active token of theirs. */
export async function revokeApiToken(db: Kysely<Database>, userId: string, tokenId: number) {
  // `returning` rather than numUpdatedRows: PGlite's dialect does not report affected rows.
  const revoked = await db
    .updateTable('api_tokens')
    .set({ revoked_at: new Date() })
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .returning('id')
    .execute()
  return revoked.length === 1
}

export type TokenCheck =
  | { ok: true; userId: string }
  | { ok: false; reason: 'invalid' | 'revoked' | 'expired' }

/** Who a presented token belongs to, or why it does not count. Marks it used. */
export async function resolveApiToken(
  db: Kysely<Database>,
  token: string,
  now = new Date(),
): Promise<TokenCheck> {
  if (!looksLikeToken(token)) return { ok: false, reason: 'invalid' }
  const row = await db
    .selectFrom('api_tokens')
    .select(['id', 'user_id', 'revoked_at', 'expires_at', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .executeTakeFirst()
  if (!row) return { ok: false, reason: 'invalid' }
  if (row.revoked_at) return { ok: false, reason: 'revoked' }
  if (row.expires_at && row.expires_at <= now) return { ok: false, reason: 'expired' }
  await db
    .updateTable('api_tokens')
    .set({ last_used_at: now })
    .where('id', '=', row.id)
    .where((eb) =>
      eb.or([
        eb('last_used_at', 'is', null),
        eb('last_used_at', '<', sql<Date>`${now}::timestamptz - ${LAST_USED_RESOLUTION}::interval`),
      ]),
    )
    .execute()
  return { ok: true, userId: row.user_id }
}
