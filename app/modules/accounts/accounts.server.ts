import { isAPIError } from 'better-auth/api'
import type { Kysely } from 'kysely'
import type { Database, Locale } from '#db/schema'
import { archiveAllOf } from '~/modules/businesses/write.server'
import { getAuth, passwordHasher } from './auth.server'
import { clearFailures, recordFailure, signInThrottleKeys, throttledFor } from './throttle.server'

/** better-auth signals failures with APIError; anything else is a real fault and propagates. */
function apiCode(error: unknown): string | null {
  if (!isAPIError(error)) return null
  const body = error.body as { code?: unknown } | undefined
  return typeof body?.code === 'string' ? body.code : String(error.status)
}

/** Copies the Set-Cookie headers better-auth produced onto a fresh Headers for our response. */
function cookieHeaders(from: Headers) {
  const headers = new Headers()
  for (const cookie of from.getSetCookie()) headers.append('Set-Cookie', cookie)
  return headers
}

/** Only the cookie travels to better-auth; it needs nothing else from the browser's request. */
function sessionHeaders(request: Request, extra: Record<string, string> = {}) {
  const headers = new Headers(extra)
  const cookie = request.headers.get('Cookie')
  if (cookie) headers.set('Cookie', cookie)
  const agent = request.headers.get('User-Agent')
  if (agent) headers.set('User-Agent', agent.slice(0, 300))
  return headers
}

export type SignUpInput = { email: string; password: string; name: string; locale: Locale }

/**
 * Creates the account and sends the confirmation link. An address that already has an account gets
 * a notice by e-mail instead, and the caller sees the same answer either way (no account enumeration).
 */
export async function signUp(
  db: Kysely<Database>,
  input: SignUpInput,
): Promise<{ ok: true } | { ok: false; code: string }> {
  try {
    await getAuth(db).api.signUpEmail({
      body: { email: input.email, password: input.password, name: input.name, locale: input.locale } as never,
    })
    return { ok: true }
  } catch (error) {
    const code = apiCode(error)
    if (code === 'USER_ALREADY_EXISTS' || code === 'USER_ALREADY_EXISTS_USE_ANOTHER_EMAIL')
      return { ok: true }
    if (code) return { ok: false, code }
    throw error
  }
}

export async function setUserLocale(db: Kysely<Database>, userId: string, locale: Locale) {
  await db.updateTable('users').set({ locale, updated_at: new Date() }).where('id', '=', userId).execute()
}

export type SignInResult =
  | { ok: true; headers: Headers; locale: Locale }
  | { ok: false; reason: 'failed' | 'unverified' | 'blocked' }
  | { ok: false; reason: 'throttled'; minutes: number }

/** Signs in with e-mail and password, throttled per account and per IP; a new session every time. */
export async function signIn(
  db: Kysely<Database>,
  request: Request,
  ip: string,
  input: { email: string; password: string },
): Promise<SignInResult> {
  const keys = signInThrottleKeys(input.email, ip)
  const minutes = await throttledFor(db, keys)
  if (minutes !== null) return { ok: false, reason: 'throttled', minutes }

  const user = await db
    .selectFrom('users')
    .select(['id', 'blocked_at', 'deleted_at', 'locale'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', input.email.trim().toLowerCase()))
    .executeTakeFirst()

  let result: { headers: Headers; response: { token: string } }
  try {
    result = await getAuth(db).api.signInEmail({
      body: { email: input.email.trim().toLowerCase(), password: input.password, rememberMe: true },
      headers: sessionHeaders(request, { 'X-Forwarded-For': ip }),
      returnHeaders: true,
    })
  } catch (error) {
    const code = apiCode(error)
    if (code === 'EMAIL_NOT_VERIFIED') return { ok: false, reason: 'unverified' }
    if (code) {
      await recordFailure(db, keys)
      return { ok: false, reason: 'failed' }
    }
    throw error
  }
  if (user?.blocked_at || user?.deleted_at) {
    // The password was right, but this account may not sign in: drop the session just made.
    await db.deleteFrom('sessions').where('token', '=', result.response.token).execute()
    return { ok: false, reason: 'blocked' }
  }
  await clearFailures(db, keys.slice(0, 1))
  // Session rotation: whatever session this browser carried before is ended.
  const previous = await currentSessionToken(db, request)
  if (previous && previous !== result.response.token)
    await db.deleteFrom('sessions').where('token', '=', previous).execute()
  return { ok: true, headers: cookieHeaders(result.headers), locale: user?.locale ?? 'ru' }
}

async function currentSessionToken(db: Kysely<Database>, request: Request) {
  if (!request.headers.get('Cookie')) return null
  try {
    const session = await getAuth(db).api.getSession({
      headers: sessionHeaders(request),
      query: { disableRefresh: true },
    })
    return session?.session.token ?? null
  } catch {
    return null
  }
}

/** Ends the session and clears the cookie. */
export async function signOut(db: Kysely<Database>, request: Request): Promise<Headers> {
  try {
    const result = await getAuth(db).api.signOut({ headers: sessionHeaders(request), returnHeaders: true })
    return cookieHeaders(result.headers)
  } catch (error) {
    if (!apiCode(error)) throw error
    return new Headers()
  }
}

export async function verifyEmail(db: Kysely<Database>, token: string): Promise<boolean> {
  if (!token || token.length > 2000) return false
  try {
    await getAuth(db).api.verifyEmail({ query: { token } })
    return true
  } catch (error) {
    if (apiCode(error)) return false
    throw error
  }
}

/** Sends a reset link if the account exists; says nothing about whether it does. */
export async function requestPasswordReset(db: Kysely<Database>, email: string) {
  try {
    await getAuth(db).api.requestPasswordReset({ body: { email: email.trim().toLowerCase() } })
  } catch (error) {
    if (!apiCode(error)) throw error
  }
}

/** Whether a reset token is still usable, so the page can say so before the user types a password. */
export async function resetTokenIsValid(db: Kysely<Database>, token: string) {
  if (!token || token.length > 500) return false
  const context = await getAuth(db).$context
  const verification = await context.internalAdapter.findVerificationValue(`reset-password:${token}`)
  return verification !== null && verification !== undefined && verification.expiresAt > new Date()
}

export async function resetPassword(
  db: Kysely<Database>,
  token: string,
  newPassword: string,
): Promise<boolean> {
  try {
    await getAuth(db).api.resetPassword({ body: { token, newPassword } })
    return true
  } catch (error) {
    if (apiCode(error)) return false
    throw error
  }
}

export async function changePassword(
  db: Kysely<Database>,
  request: Request,
  input: { currentPassword: string; newPassword: string },
): Promise<{ ok: true; headers: Headers } | { ok: false }> {
  try {
    const result = await getAuth(db).api.changePassword({
      body: {
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        revokeOtherSessions: true,
      },
      headers: sessionHeaders(request),
      returnHeaders: true,
    })
    return { ok: true, headers: cookieHeaders(result.headers) }
  } catch (error) {
    if (apiCode(error)) return { ok: false }
    throw error
  }
}

/** Checks a user's password without signing in (used to confirm account deletion). */
export async function checkPassword(db: Kysely<Database>, userId: string, password: string) {
  const account = await db
    .selectFrom('accounts')
    .select('password')
    .where('user_id', '=', userId)
    .where('provider_id', '=', 'credential')
    .executeTakeFirst()
  if (!account?.password) return false
  return passwordHasher.verify({ hash: account.password, password })
}

/**
 * Deletes an account the way PRODUCT.md asks: the person's listings are archived (through the one
 * listing write path, so history and search stay right), the history is kept, the credentials and
 * sessions are removed and the address is freed for a new sign-up. The user row stays (anonymised)
 * so that history keeps pointing at an actor.
 */
export async function deleteAccount(db: Kysely<Database>, userId: string) {
  await archiveAllOf(db, userId)
  await db.transaction().execute(async (trx) => {
    const before = await trx
      .selectFrom('users')
      .select(['email', 'name'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    await trx.deleteFrom('sessions').where('user_id', '=', userId).execute()
    await trx.deleteFrom('accounts').where('user_id', '=', userId).execute()
    await trx.deleteFrom('role_grants').where('user_id', '=', userId).execute()
    await trx.deleteFrom('saved_searches').where('user_id', '=', userId).execute()
    await trx
      .updateTable('users')
      .set({
        email: `deleted-${userId.toLowerCase().replace(/[^a-z0-9]/g, '')}@deleted.invalid`,
        name: '—',
        image: null,
        deleted_at: new Date(),
        updated_at: new Date(),
      })
      .where('id', '=', userId)
      .execute()
    await trx
      .insertInto('history')
      .values({
        entity_type: 'user',
        entity_id: userId,
        action: 'deleted',
        actor_id: userId,
        before: JSON.stringify({ email_domain: before.email.split('@')[1] ?? null }),
        after: null,
      })
      .execute()
  })
}
