import type { Kysely } from 'kysely'
import { data, redirect } from 'react-router'
import type { BusinessStatus, Database, Locale, Role } from '#db/schema'
import { getLocale } from '~/modules/i18n/locale.server'
import { isLocale } from '~/modules/i18n/locales'
import { makeTranslator } from '~/modules/i18n/translate'
import { resolveApiToken } from './api-tokens.server'
import { getAuth } from './auth.server'

/**
 * Every permission check of the app lives here: routes call requireUser / requireRole and ask
 * canEditBusiness (and friends) before they load or change anything. PRODUCT.md's table of roles
 * is the specification; tests/integration/role-matrix.test.ts proves it.
 */

export type Grant = { role: Role; councilId: number | null; countryCode: string | null }

export type CurrentUser = {
  id: string
  email: string
  name: string
  locale: Locale
  grants: Grant[]
}

const perRequest = new WeakMap<Request, Promise<CurrentUser | null>>()

/**
 * The signed-in user (by session cookie, or by API token on the read API), or null. Blocked and
 * deleted accounts count as signed out. Memoised per request.
 */
export function getCurrentUser(db: Kysely<Database>, request: Request): Promise<CurrentUser | null> {
  let pending = perRequest.get(request)
  if (!pending) {
    pending = loadCurrentUser(db, request)
    perRequest.set(request, pending)
  }
  return pending
}

async function loadCurrentUser(db: Kysely<Database>, request: Request): Promise<CurrentUser | null> {
  const token = bearerToken(request)
  if (token !== null) return loadTokenUser(db, request, token)
  const cookie = request.headers.get('Cookie')
  if (!cookie?.includes('session_token')) return null
  const session = await getAuth(db).api.getSession({ headers: new Headers({ Cookie: cookie }) })
  if (!session) return null
  return loadUser(db, session.user.id)
}

/** `Authorization: Bearer <token>`, or null when the request carries no bearer credential. */
function bearerToken(request: Request) {
  const match = /^\s*Bearer\s+(.*)$/i.exec(request.headers.get('Authorization') ?? '')
  return match ? (match[1] ?? '').trim() : null
}

/** What a token may do (decision 0013): read the JSON API and the exports, nothing else. */
export function tokenMayRead(request: Request) {
  if (request.method !== 'GET' && request.method !== 'HEAD') return false
  const path = new URL(request.url).pathname
  return path.startsWith('/api/') || /^\/(forums\/[^/]+\/)?export\.(csv|xlsx|geojson)$/.test(path)
}

/**
 * A request with a bearer token is answered as the token's owner or not at all: a bad token is a
 * 401 (a tool should notice, not silently read the public view), a token used for anything but
 * reading the API is a 403. Both are JSON in the caller's language (?lang=, else the cookie).
 */
async function loadTokenUser(db: Kysely<Database>, request: Request, token: string): Promise<CurrentUser> {
  if (!tokenMayRead(request)) throw await tokenError(request, 403, 'token_read_only')
  const check = await resolveApiToken(db, token)
  if (!check.ok) throw await tokenError(request, 401, `token_${check.reason}`)
  const user = await loadUser(db, check.userId)
  if (!user) throw await tokenError(request, 401, 'token_invalid')
  return user
}

type TokenErrorCode = 'token_invalid' | 'token_revoked' | 'token_expired' | 'token_read_only'

async function tokenError(request: Request, status: 401 | 403, code: TokenErrorCode) {
  const lang = new URL(request.url).searchParams.get('lang')
  const t = makeTranslator(isLocale(lang) ? lang : await getLocale(request))
  const headers = new Headers({ 'Cache-Control': 'no-store' })
  if (status === 401) headers.set('WWW-Authenticate', 'Bearer error="invalid_token"')
  return Response.json({ error: { code, message: t(`apiToken.error.${code}`) } }, { status, headers })
}

/** The user with their grants, or null when blocked, deleted or not yet confirmed. */
async function loadUser(db: Kysely<Database>, userId: string): Promise<CurrentUser | null> {
  const user = await db
    .selectFrom('users')
    .select(['id', 'email', 'name', 'locale', 'email_verified', 'blocked_at', 'deleted_at'])
    .where('id', '=', userId)
    .executeTakeFirst()
  if (!user || user.blocked_at || user.deleted_at || !user.email_verified) return null
  const grants = await db
    .selectFrom('role_grants')
    .leftJoin('councils', 'councils.id', 'role_grants.council_id')
    .select(['role_grants.role', 'role_grants.council_id', 'councils.country_code'])
    .where('role_grants.user_id', '=', user.id)
    .execute()
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    locale: user.locale,
    grants: grants.map((g) => ({
      role: g.role,
      councilId: g.council_id,
      countryCode: g.country_code?.trim() ?? null,
    })),
  }
}

/** Signed-in user or a redirect to the sign-in page that comes back here afterwards. */
export async function requireUser(db: Kysely<Database>, request: Request): Promise<CurrentUser> {
  const user = await getCurrentUser(db, request)
  if (user) return user
  const url = new URL(request.url)
  throw redirect(`/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`)
}

export function hasRole(user: CurrentUser | null, ...roles: Role[]) {
  return user?.grants.some((g) => roles.includes(g.role)) ?? false
}

/** Signed-in user holding at least one of the roles; 403 with a message in the viewer's language otherwise. */
export async function requireRole(
  db: Kysely<Database>,
  request: Request,
  ...roles: Role[]
): Promise<CurrentUser> {
  const user = await requireUser(db, request)
  if (hasRole(user, ...roles)) return user
  throw await forbidden(request)
}

export async function forbidden(request: Request) {
  const t = makeTranslator(await getLocale(request))
  return data(t('error.forbidden'), { status: 403 })
}

type BusinessAccess = { owner_id: string | null; status: BusinessStatus; country_code: string }

/**
 * Only the owner edits a listing's content, and not once it is archived. Council coordinators
 * moderate (publish, return, verify) but do not rewrite; admins manage people and taxonomies.
 */
export function canEditBusiness(user: CurrentUser | null, business: BusinessAccess) {
  return (
    user !== null &&
    business.owner_id === user.id &&
    business.status !== 'archived' &&
    hasRole(user, 'entrepreneur')
  )
}

/** Who may see an unpublished listing: its owner, its country's council, the working group. */
export function canViewUnpublishedBusiness(user: CurrentUser | null, business: BusinessAccess) {
  if (!user) return false
  if (business.owner_id === user.id) return true
  if (hasRole(user, 'wg_member', 'wg_chair')) return true
  return user.grants.some(
    (g) => g.role === 'council_coordinator' && g.countryCode === business.country_code.trim(),
  )
}

/** Creating listings: entrepreneurs (everyone who signed up). */
export function canCreateBusiness(user: CurrentUser | null) {
  return hasRole(user, 'entrepreneur')
}

/**
 * The countries whose listings a user moderates: a coordinator its councils' countries; an admin
 * every country ('all', for support when a council is absent or stuck). The working group searches
 * pending listings but does not moderate (PRODUCT.md), so it gets none.
 */
export function moderatedCountries(user: CurrentUser | null): 'all' | string[] {
  if (!user) return []
  if (hasRole(user, 'admin')) return 'all'
  return [
    ...new Set(
      user.grants
        .filter((g) => g.role === 'council_coordinator' && g.countryCode)
        .map((g) => g.countryCode as string),
    ),
  ].sort()
}

/** Publish, return, verify, archive, restore: the listing's own country's council, or an admin. */
export function canModerateBusiness(user: CurrentUser | null, business: { country_code: string }) {
  const countries = moderatedCountries(user)
  return countries === 'all' || countries.includes(business.country_code.trim())
}

/** Who may read a listing's history: whoever may see it unpublished, and admins. */
export function canViewBusinessHistory(user: CurrentUser | null, business: BusinessAccess) {
  return canViewUnpublishedBusiness(user, business) || hasRole(user, 'admin')
}
