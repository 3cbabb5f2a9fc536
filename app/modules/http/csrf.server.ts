/**
 * Cross-site request forgery: a state-changing request must come from one of our own pages. Browsers
 * say where a request comes from in `Origin` (every POST in current browsers), else in
 * `Sec-Fetch-Site`, else in `Referer`; a page on another site cannot forge those. Session cookies are
 * SameSite=Lax besides, which already keeps them off cross-site POSTs in browsers that honour it.
 *
 * Our origin is the request's own (Host and scheme, as the HTTP server saw them) or APP_URL, the public
 * address behind a proxy that does not pass on Host and X-Forwarded-Proto.
 */

export type CsrfRequest = { method: string; url: string; headers: Pick<Headers, 'get'> }

export type CsrfVerdict = { ok: true } | { ok: false; reason: string }

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** The origins our pages are served from. */
export function ownOrigins(requestUrl: string, appUrl = process.env.APP_URL): Set<string> {
  const origins = new Set<string>()
  for (const candidate of [requestUrl, appUrl]) {
    if (!candidate) continue
    try {
      origins.add(new URL(candidate).origin)
    } catch {
      // An unparsable APP_URL adds nothing; the request's own origin still works.
    }
  }
  return origins
}

function originOf(value: string): string | null {
  try {
    const origin = new URL(value).origin
    return origin === 'null' ? null : origin
  } catch {
    return null
  }
}

/** Does the request carry a session (or any ambient credential a browser would attach by itself)? */
export function hasSessionCookie(headers: Pick<Headers, 'get'>): boolean {
  return /(?:^|;\s*)(?:__Secure-)?cbm[._]session_token=/.test(headers.get('cookie') ?? '')
}

/** A Bearer token is set by a program, never attached by a browser on its own: no forgery possible. */
function hasBearerToken(headers: Pick<Headers, 'get'>): boolean {
  return /^Bearer\s+\S+/i.test(headers.get('authorization') ?? '')
}

/**
 * Paths whose POST carries its own credential (a signed token in the URL) and is meant to come from
 * elsewhere: RFC 8058 one-click unsubscribe is POSTed by the mail provider, without cookies.
 */
const OWN_CREDENTIAL_PATHS = new Set(['/unsubscribe'])

export function checkCsrf(request: CsrfRequest, appUrl = process.env.APP_URL): CsrfVerdict {
  if (SAFE_METHODS.has(request.method.toUpperCase())) return { ok: true }
  if (hasBearerToken(request.headers)) return { ok: true }
  const path = new URL(request.url, 'http://localhost').pathname.replace(/\.data$/, '')
  if (OWN_CREDENTIAL_PATHS.has(path) && !hasSessionCookie(request.headers)) return { ok: true }
  const own = ownOrigins(request.url, appUrl)
  const origin = request.headers.get('origin')
  if (origin !== null) {
    // "null" is what sandboxed frames and some cross-site redirects send: never ours.
    const parsed = originOf(origin)
    return parsed && own.has(parsed) ? { ok: true } : { ok: false, reason: 'origin' }
  }
  const site = request.headers.get('sec-fetch-site')
  if (site !== null) {
    // 'none' is the person typing the address or following a bookmark; 'same-site' is a sibling
    // subdomain, which we do not trust.
    return site === 'same-origin' || site === 'none' ? { ok: true } : { ok: false, reason: 'sec-fetch-site' }
  }
  const referer = request.headers.get('referer')
  if (referer) {
    const parsed = originOf(referer)
    return parsed && own.has(parsed) ? { ok: true } : { ok: false, reason: 'referer' }
  }
  // No provenance at all: a script or an old browser. Harmless without a session to ride on.
  return hasSessionCookie(request.headers) ? { ok: false, reason: 'no-provenance' } : { ok: true }
}
