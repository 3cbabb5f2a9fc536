import { Writable } from 'node:stream'
import { describe, expect, it } from 'vitest'
import { bodyLimitFor, DEFAULT_BODY_LIMIT, IMPORT_BODY_LIMIT } from '~/modules/http/body-limit'
import { checkCsrf } from '~/modules/http/csrf.server'
import { credentialOf, POLICIES, policyFor, rateKeys } from '~/modules/http/rate-limit.server'
import { requestIdFrom } from '~/modules/http/request-id'
import { contentSecurityPolicy, frameAncestorsFor, tileSource } from '~/modules/http/security-headers.server'
import { createLogger, pathForLog } from '~/modules/observability/logger.server'

const post = (headers: Record<string, string>, url = 'http://127.0.0.1:3000/account') => ({
  method: 'POST',
  url,
  headers: new Headers(headers),
})
const session = { cookie: 'lang=InJ1Ig%3D%3D; cbm.session_token=abc.def' }

describe('CSRF origin check', () => {
  it('lets safe methods through whatever their origin', () => {
    expect(checkCsrf({ ...post({ origin: 'https://evil.example', ...session }), method: 'GET' }).ok).toBe(
      true,
    )
  })

  it('accepts a POST from our own origin, and from APP_URL behind a proxy', () => {
    expect(checkCsrf(post({ origin: 'http://127.0.0.1:3000', ...session })).ok).toBe(true)
    expect(
      checkCsrf(post({ origin: 'https://map.example.org', ...session }), 'https://map.example.org/').ok,
    ).toBe(true)
  })

  it('refuses a POST from another origin, a sibling subdomain or an opaque one', () => {
    expect(checkCsrf(post({ origin: 'https://evil.example', ...session }))).toEqual({
      ok: false,
      reason: 'origin',
    })
    expect(checkCsrf(post({ origin: 'http://127.0.0.1:3001', ...session })).ok).toBe(false)
    expect(checkCsrf(post({ origin: 'null', ...session })).ok).toBe(false)
    // Without a session too: a forged sign-in would put the victim in the attacker's account.
    expect(checkCsrf(post({ origin: 'https://evil.example' })).ok).toBe(false)
  })

  it('falls back to Sec-Fetch-Site, then Referer', () => {
    expect(checkCsrf(post({ 'sec-fetch-site': 'same-origin', ...session })).ok).toBe(true)
    expect(checkCsrf(post({ 'sec-fetch-site': 'cross-site', ...session })).ok).toBe(false)
    expect(checkCsrf(post({ 'sec-fetch-site': 'same-site', ...session })).ok).toBe(false)
    expect(checkCsrf(post({ referer: 'http://127.0.0.1:3000/account?x=1', ...session })).ok).toBe(true)
    expect(checkCsrf(post({ referer: 'https://evil.example/page', ...session })).ok).toBe(false)
  })

  it('refuses a session-carrying POST that says nothing about where it comes from; allows one without', () => {
    expect(checkCsrf(post({ ...session })).ok).toBe(false)
    expect(checkCsrf(post({ cookie: '__Secure-cbm.session_token=x' })).ok).toBe(false)
    expect(checkCsrf(post({ cookie: 'lang=x' })).ok).toBe(true)
  })

  it('lets a mail provider POST one-click unsubscribe (token in the URL, no cookies) from anywhere', () => {
    const url = 'http://127.0.0.1:3000/unsubscribe?token=signed'
    expect(checkCsrf(post({ origin: 'https://mail.example' }, url)).ok).toBe(true)
    // With a session it is an ordinary form again.
    expect(checkCsrf(post({ origin: 'https://mail.example', ...session }, url)).ok).toBe(false)
  })

  it('exempts Bearer-token requests: browsers never attach those by themselves', () => {
    expect(checkCsrf(post({ authorization: 'Bearer tok_123', origin: 'https://other.example' })).ok).toBe(
      true,
    )
    expect(checkCsrf(post({ authorization: 'Basic abc', origin: 'https://other.example' })).ok).toBe(false)
  })
})

describe('Content-Security-Policy', () => {
  const base = { nonce: 'n0nce', frameAncestors: ["'none'"], production: false }

  it('allows scripts only from us and with the nonce; no inline styles or scripts', () => {
    const csp = contentSecurityPolicy({ ...base, tileUrl: undefined })
    expect(csp).toContain("script-src 'self' 'nonce-n0nce'")
    expect(csp).toContain("style-src 'self';")
    expect(csp).not.toContain('unsafe-inline')
    expect(csp).not.toContain('unsafe-eval')
    expect(csp).toContain("frame-ancestors 'none'")
    expect(csp).toContain("object-src 'none'")
    expect(csp).not.toContain('upgrade-insecure-requests')
    expect(contentSecurityPolicy({ ...base, tileUrl: undefined, production: true })).toContain(
      'upgrade-insecure-requests',
    )
  })

  it('lets images come from the configured tile server and nowhere else', () => {
    expect(contentSecurityPolicy({ ...base, tileUrl: undefined })).toContain(
      "img-src 'self' data: https://tile.openstreetmap.org;",
    )
    expect(contentSecurityPolicy({ ...base, tileUrl: 'none' })).toContain("img-src 'self' data:;")
    expect(tileSource('https://{s}.tiles.example.com:8443/{z}/{x}/{y}.png')).toBe(
      'https://*.tiles.example.com:8443',
    )
    expect(tileSource('http://tiles.local/{z}/{x}/{y}.png')).toBe('http://tiles.local')
    expect(tileSource('https://tiles-{s}.example.com/{z}/{x}/{y}.png')).toBe('https:')
    // An unusable template means no tile layer, so nothing extra is allowed.
    expect(tileSource('javascript:alert(1)')).toBeNull()
  })

  it('lets only /embed be framed, by whom the administrator allowed', () => {
    const allowed = "'self' https://council.example.jp"
    expect(frameAncestorsFor('/', allowed)).toEqual(["'none'"])
    expect(frameAncestorsFor('/businesses/1', allowed)).toEqual(["'none'"])
    expect(frameAncestorsFor('/embed', allowed)).toEqual(["'self'", 'https://council.example.jp'])
    expect(frameAncestorsFor('/embed.data', "'self'")).toEqual(["'self'"])
    expect(frameAncestorsFor('/embedded', '*')).toEqual(["'none'"])
  })
})

describe('request ids and logs', () => {
  it('keeps a sane incoming X-Request-Id and replaces anything else', () => {
    expect(requestIdFrom('proxy-1234-abcd')).toBe('proxy-1234-abcd')
    expect(requestIdFrom(['first-id-123', 'second'])).toBe('first-id-123')
    for (const bad of [undefined, '', 'short', 'a'.repeat(200), 'line\nbreak-forged', 'x"y:{}1234567']) {
      expect(requestIdFrom(bad)).toMatch(/^[0-9a-f-]{36}$/)
    }
  })

  it('logs paths without query strings or tokens', () => {
    expect(pathForLog('/reset-password?token=secret')).toBe('/reset-password')
    expect(pathForLog('http://localhost/verify-email?token=abc&callbackURL=/')).toBe('/verify-email')
    expect(pathForLog('/unsubscribe/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo')).toBe('/unsubscribe/:token')
    expect(pathForLog('/businesses/123')).toBe('/businesses/123')
  })

  it('censors cookies, authorization, passwords, e-mails and tokens wherever they appear', () => {
    const lines: string[] = []
    const sink = new Writable({
      write(chunk, _enc, done) {
        lines.push(String(chunk))
        done()
      },
    })
    const log = createLogger(sink, 'info')
    log.info(
      {
        req: { headers: { cookie: 'cbm.session_token=s3cret', authorization: 'Bearer t0ken' } },
        user: { email: 'person@example.org', password: 'hunter2', name: 'ok' },
        token: 'abc',
      },
      'hello',
    )
    const text = lines.join('')
    for (const secret of ['s3cret', 't0ken', 'person@example.org', 'hunter2', '"abc"']) {
      expect(text).not.toContain(secret)
    }
    expect(text).toContain('"name":"ok"')
  })
})

describe('body limits and rate-limit policies', () => {
  it('gives the import upload its own limit and every other form 1 MB', () => {
    expect(bodyLimitFor('/moderation/import/upload')).toBe(IMPORT_BODY_LIMIT)
    expect(bodyLimitFor('/moderation/import.data')).toBe(IMPORT_BODY_LIMIT)
    expect(bodyLimitFor('/my/listings/new')).toBe(DEFAULT_BODY_LIMIT)
    expect(DEFAULT_BODY_LIMIT).toBe(1024 * 1024)
  })

  it('limits the API and the exports, nothing else', () => {
    expect(policyFor('/api/v1/businesses')).toBe(POLICIES.api)
    expect(policyFor('/api/v1/map')).toBe(POLICIES.api)
    expect(policyFor('/export.csv')).toBe(POLICIES.export)
    expect(policyFor('/export.geojson')).toBe(POLICIES.export)
    expect(policyFor('/forums/7/export.xlsx')).toBe(POLICIES.export)
    expect(policyFor('/')).toBeNull()
    expect(policyFor('/businesses/1')).toBeNull()
  })

  it('counts per IP always and per credential (hashed) when there is one', () => {
    expect(credentialOf(new Headers({ authorization: 'Bearer tok' }))).toBe('tok')
    expect(credentialOf(new Headers({ cookie: 'a=b; cbm.session_token=s1' }))).toBe('s1')
    expect(credentialOf(new Headers({ cookie: 'a=b' }))).toBeNull()
    const keys = rateKeys(POLICIES.api, '10.0.0.9', 's1')
    expect(keys.map((k) => k.key)).toEqual([
      'rl:api:ip:10.0.0.9',
      expect.stringMatching(/^rl:api:cred:[\w-]{32}$/),
    ])
    expect(keys[1]?.key).not.toContain('s1')
  })
})
