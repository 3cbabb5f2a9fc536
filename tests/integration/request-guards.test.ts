import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { Writable } from 'node:stream'
import type { RequestHandler } from 'express'
import { type Kysely, sql } from 'kysely'
import request from 'supertest'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import {
  mailThrottleKeys,
  SIGN_IN_MAX_FAILURES_PER_IP,
  signInThrottleKeys,
} from '~/modules/accounts/throttle.server'
import { POLICIES, rateKeys } from '~/modules/http/rate-limit.server'
import { createLogger } from '~/modules/observability/logger.server'
import { saveSetting } from '~/modules/settings/settings.server'
import * as forgot from '~/routes/forgot-password'
import * as signIn from '~/routes/sign-in'
import * as signUp from '~/routes/sign-up'
import { createApp } from '../../scripts/lib/http-server'
import { testDatabases } from '../support/databases'
import { run } from '../support/http'
import { createUser } from '../support/users'

/**
 * The guards in front of React Router, exercised through a real Express app whose last handler is a
 * stand-in for the app: when a guard refuses, the stand-in is never reached, so nothing can change.
 */
type Reached = { method: string; path: string; context: Record<string, unknown> }

function appWith(reached: Reached[], lines?: string[]) {
  const handler =
    (getLoadContext: (req: never, res: never) => unknown): RequestHandler =>
    (req, res) => {
      const context = getLoadContext(req as never, res as never) as Record<string, unknown>
      reached.push({ method: req.method, path: req.path, context })
      res.json({ ok: true })
    }
  const log = lines
    ? createLogger(
        new Writable({
          write(chunk, _enc, done) {
            lines.push(String(chunk))
            done()
          },
        }),
        'info',
      )
    : undefined
  return createApp({ handler, log })
}

const SESSION = 'cbm.session_token=sess-abc.signature'
const EN = `lang=${encodeURIComponent(btoa(JSON.stringify('en')))}`

describe.each(testDatabases())('request guards on $name', ({ open }) => {
  let db: Kysely<Database>
  const reached: Reached[] = []

  beforeAll(async () => {
    db = await open()
    setDb(db)
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })
  afterEach(async () => {
    reached.length = 0
    delete process.env.APP_URL
    await db.deleteFrom('rate_limits').execute()
  })

  describe('CSRF', () => {
    it('refuses a cross-site POST carrying a session with 403 in the visitor’s language; the app never sees it', async () => {
      const app = appWith(reached)
      const ru = await request(app)
        .post('/account')
        .set('Host', 'map.example.org')
        .set('Origin', 'https://evil.example')
        .set('Cookie', SESSION)
        .set('Accept', 'text/html')
        .type('form')
        .send({ intent: 'delete', password: 'x' })
      expect(ru.status).toBe(403)
      expect(ru.text).toBe(
        'Запрос отклонён: он отправлен с другого сайта. Откройте страницу на нашем сайте и отправьте форму ещё раз.',
      )
      const en = await request(app)
        .post('/account.data')
        .set('Host', 'map.example.org')
        .set('Sec-Fetch-Site', 'cross-site')
        .set('Cookie', `${SESSION}; ${EN}`)
        .type('form')
        .send({ intent: 'delete' })
      expect(en.status).toBe(403)
      expect(en.body).toEqual({
        error:
          'Request refused: it was sent from another site. Open the page on our site and submit the form again.',
      })
      const api = await request(app)
        .post('/api/v1/anything')
        .set('Origin', 'https://evil.example')
        .set('Cookie', SESSION)
      expect(api.status).toBe(403)
      expect(api.body.error.code).toBe('cross_site_request')
      expect(reached).toEqual([])
    })

    it('lets same-origin posts, the public address behind a proxy, and Bearer-token calls through', async () => {
      const app = appWith(reached)
      const same = await request(app)
        .post('/account')
        .set('Host', 'map.example.org')
        .set('Origin', 'http://map.example.org')
        .set('Cookie', SESSION)
        .type('form')
        .send({ intent: 'password' })
      expect(same.status).toBe(200)
      process.env.APP_URL = 'https://map.example.org'
      const proxied = await request(app)
        .post('/account')
        .set('Host', '10.0.0.5:3000')
        .set('Origin', 'https://map.example.org')
        .set('Cookie', SESSION)
      expect(proxied.status).toBe(200)
      const bearer = await request(app)
        .post('/api/v1/anything')
        .set('Authorization', 'Bearer cbm_token')
        .set('Origin', 'https://partner.example')
      expect(bearer.status).toBe(200)
      const noCookie = await request(app).post('/sign-up').type('form').send({ name: 'script' })
      expect(noCookie.status).toBe(200)
      expect(reached.map((r) => r.path)).toEqual(['/account', '/account', '/api/v1/anything', '/sign-up'])
    })
  })

  describe('rate limits', () => {
    async function fill(key: string, count: number) {
      await db
        .insertInto('rate_limits')
        .values({ key, count, window_started_at: sql`now()` })
        .onConflict((oc) => oc.column('key').doUpdateSet({ count, window_started_at: sql`now()` }))
        .execute()
    }

    it('counts the search API per IP and answers 429 with Retry-After and the message once over the limit', async () => {
      const app = appWith(reached)
      expect((await request(app).get('/api/v1/businesses?q=x')).status).toBe(200)
      const row = await db
        .selectFrom('rate_limits')
        .selectAll()
        .where('key', 'like', 'rl:api:ip:%')
        .executeTakeFirstOrThrow()
      expect(row.count).toBe(1)
      await fill(row.key, POLICIES.api.maxPerIp)
      const limited = await request(app).get('/api/v1/map?zoom=3')
      expect(limited.status).toBe(429)
      const retry = Number(limited.headers['retry-after'])
      expect(retry).toBeGreaterThanOrEqual(1)
      expect(retry).toBeLessThanOrEqual(60)
      expect(limited.body.error.code).toBe('rate_limited')
      expect(limited.body.error.message).toBe(
        `Слишком много запросов. Подождите ${retry} с и попробуйте снова.`,
      )
      const en = await request(app).get('/api/v1/businesses?lang=en')
      expect(en.body.error.message).toMatch(/^Too many requests\. Wait \d+ s and try again\.$/)

      // A second replica (another app on the same database) sees the same count.
      const replica = appWith(reached)
      expect((await request(replica).get('/api/v1/businesses')).status).toBe(429)

      // Other pages are not limited.
      expect((await request(app).get('/businesses/1')).status).toBe(200)
      expect(reached.map((r) => r.path)).toEqual(['/api/v1/businesses', '/businesses/1'])

      // When the window is over, the count starts again.
      await db
        .updateTable('rate_limits')
        .set({ window_started_at: sql`now() - interval '61 seconds'` })
        .where('key', '=', row.key)
        .execute()
      expect((await request(app).get('/api/v1/businesses')).status).toBe(200)
      const after = await db
        .selectFrom('rate_limits')
        .select('count')
        .where('key', '=', row.key)
        .executeTakeFirstOrThrow()
      expect(after.count).toBe(1)
    })

    it('counts a signed-in caller by session too, so a busy office IP does not decide for them', async () => {
      const app = appWith(reached)
      const [, credential] = rateKeys(POLICIES.api, 'ignored', 'sess-abc.signature')
      await fill(credential?.key ?? '', POLICIES.api.maxPerCredential)
      const mine = await request(app).get('/api/v1/businesses').set('Cookie', SESSION)
      expect(mine.status).toBe(429)
      const other = await request(app)
        .get('/api/v1/businesses')
        .set('Cookie', 'cbm.session_token=someone-else')
      expect(other.status).toBe(200)
    })

    it('limits the exports and the forum exports, with the message as text for a browser', async () => {
      const app = appWith(reached)
      for (const path of ['/export.csv', '/forums/3/export.xlsx']) {
        await db.deleteFrom('rate_limits').execute()
        expect((await request(app).get(path)).status).toBe(200)
        const row = await db
          .selectFrom('rate_limits')
          .selectAll()
          .where('key', 'like', 'rl:export:ip:%')
          .executeTakeFirstOrThrow()
        await fill(row.key, POLICIES.export.maxPerIp)
        const limited = await request(app).get(path).set('Accept', 'text/html').set('Cookie', EN)
        expect(limited.status).toBe(429)
        expect(Number(limited.headers['retry-after'])).toBeGreaterThan(60)
        expect(limited.text).toMatch(/^Too many requests\. Wait \d+ s and try again\.$/)
      }
      expect(reached.map((r) => r.path)).toEqual(['/export.csv', '/forums/3/export.xlsx'])
    })

    it('sign-in, sign-up and password reset say when to come back (Retry-After)', async () => {
      for (const { key } of signInThrottleKeys('locked@test.example.org', '10.9.0.1')) {
        await fill(key, SIGN_IN_MAX_FAILURES_PER_IP)
      }
      const locked = await run(signIn.action, '/sign-in', {
        form: { email: 'locked@test.example.org', password: 'whatever-password' },
        ip: '10.9.0.1',
      })
      expect(locked.status).toBe(429)
      expect(Number(locked.headers.get('Retry-After'))).toBeGreaterThan(0)

      for (const { key, max } of mailThrottleKeys('flood@test.example.org', '10.9.0.2')) await fill(key, max)
      const up = await run(signUp.action, '/sign-up', {
        form: { name: 'Flood', email: 'flood@test.example.org', password: 'long enough password' },
        ip: '10.9.0.2',
      })
      expect(up.status).toBe(429)
      expect(Number(up.headers.get('Retry-After'))).toBeGreaterThan(0)
      const reset = await run(forgot.action, '/forgot-password', {
        form: { email: 'flood@test.example.org' },
        ip: '10.9.0.2',
      })
      expect(reset.status).toBe(429)
      expect(Number(reset.headers.get('Retry-After'))).toBeGreaterThan(0)
    })
  })

  describe('body size', () => {
    it('refuses a form over 1 MB with 413 and the message, before the app reads it', async () => {
      const app = appWith(reached)
      const big = await request(app)
        .post('/my/listings/new')
        .set('Origin', 'http://127.0.0.1')
        .set('Host', '127.0.0.1')
        .set('Accept', 'text/html')
        .type('form')
        .send({ descriptionRu: 'z'.repeat(1024 * 1024 + 10) })
      expect(big.status).toBe(413)
      expect(big.text).toBe('Запрос слишком большой: можно не больше 1 МБ.')
      expect(reached).toEqual([])
    })

    it('gives the import upload its own 10 MB limit', async () => {
      const app = appWith(reached)
      const post = (bytes: number) =>
        request(app)
          .post('/moderation/import/upload?country=JP')
          .set('Origin', 'http://127.0.0.1')
          .set('Host', '127.0.0.1')
          .attach('file', Buffer.alloc(bytes, 'a'), 'members.csv')
      expect((await post(2 * 1024 * 1024)).status).toBe(200)
      const over = await post(11 * 1024 * 1024)
      expect(over.status).toBe(413)
      // The upload page's script reads `error` from JSON.
      expect(over.body).toEqual({ error: 'Запрос слишком большой: можно не больше 10 МБ.' })
      expect(reached.map((r) => r.path)).toEqual(['/moderation/import/upload'])
    })

    it('refuses a chunked body of unknown size with 411', async () => {
      const server = http.createServer(appWith(reached)).listen(0)
      const { port } = server.address() as AddressInfo
      const status = await new Promise<number>((resolve, reject) => {
        const req = http.request(
          { port, method: 'POST', path: '/sign-up', headers: { 'Transfer-Encoding': 'chunked' } },
          (res) => {
            res.resume()
            resolve(res.statusCode ?? 0)
          },
        )
        req.on('error', reject)
        req.write('name=x')
        req.end()
      })
      server.close()
      expect(status).toBe(411)
      expect(reached).toEqual([])
    })
  })

  describe('request ids, logs and headers', () => {
    it('echoes a sane X-Request-Id, hands it and the nonce to the app, and logs no query, cookie or token', async () => {
      const lines: string[] = []
      const app = appWith(reached, lines)
      const response = await request(app)
        .get('/reset-password?token=SECRET-RESET-TOKEN')
        .set('X-Request-Id', 'proxy-req-000123')
        .set('Cookie', SESSION)
      expect(response.headers['x-request-id']).toBe('proxy-req-000123')
      const [seen] = reached
      expect(seen?.context.requestId).toBe('proxy-req-000123')
      const nonce = /'nonce-([^']+)'/.exec(response.headers['content-security-policy'] ?? '')?.[1]
      expect(seen?.context.cspNonce).toBe(nonce)
      const logged = lines.join('')
      expect(logged).toContain('"path":"/reset-password"')
      expect(logged).toContain('"reqId":"proxy-req-000123"')
      for (const secret of ['SECRET-RESET-TOKEN', 'sess-abc', 'token=']) expect(logged).not.toContain(secret)

      const forged = await request(app).get('/').set('X-Request-Id', 'bad id with spaces {"level":60}')
      expect(forged.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/)
    })

    it('lets /embed be framed by the sites the administrator listed, and nothing else', async () => {
      await createUser(db, 'settings-admin', ['admin'])
      await saveSetting(
        db,
        'embedPolicy',
        { mode: 'allowlist', origins: ['https://council.example.jp'] },
        'settings-admin',
      )
      const app = appWith(reached)
      const embed = await request(app).get('/embed?country=JP')
      expect(embed.headers['content-security-policy']).toContain(
        "frame-ancestors 'self' https://council.example.jp",
      )
      expect(embed.headers['x-frame-options']).toBeUndefined()
      const home = await request(app).get('/')
      expect(home.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(home.headers['x-frame-options']).toBe('DENY')
      await saveSetting(db, 'embedPolicy', { mode: 'none', origins: [] }, 'settings-admin')
      const closed = await request(app).get('/embed')
      expect(closed.headers['content-security-policy']).toMatch(/frame-ancestors 'self'(;|$)/)
    })

    it('sends the security headers on every response; HSTS only in production', async () => {
      const response = await request(appWith(reached)).get('/')
      expect(response.headers['x-frame-options']).toBe('DENY')
      expect(response.headers['x-content-type-options']).toBe('nosniff')
      expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin')
      expect(response.headers['permissions-policy']).toContain('geolocation=()')
      expect(response.headers['content-security-policy']).toContain("frame-ancestors 'none'")
      expect(response.headers['strict-transport-security']).toBeUndefined()
      const before = process.env.NODE_ENV
      process.env.NODE_ENV = 'production'
      try {
        const production = await request(appWith(reached)).get('/')
        expect(production.headers['strict-transport-security']).toContain('max-age=31536000')
        expect(production.headers['content-security-policy']).toContain('upgrade-insecure-requests')
      } finally {
        process.env.NODE_ENV = before
      }
    })
  })
})
