import type http from 'node:http'
import type { AddressInfo } from 'node:net'
import express from 'express'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createPageCache, pageCacheSecondsFromEnv } from '../../scripts/lib/page-cache'

let server: http.Server
let base = ''
let renders = 0
const cache = createPageCache({ ttlSeconds: 60, nonceFor: (res) => res.locals.nonce as string })

beforeAll(async () => {
  const app = express()
  app.use((_req, res, next) => {
    res.locals.nonce = `n${Math.random().toString(36).slice(2)}`
    next()
  })
  app.use(cache)
  app.get('/', (req, res) => {
    renders++
    res.type('html')
    res.write(`<p>${req.headers['accept-language'] ?? '-'}</p>`)
    res.end(`<script nonce="${res.locals.nonce}">1</script>`)
  })
  app.get('/stats', (_req, res) => {
    renders++
    res.cookie('flash', 'x').send('with a cookie')
  })
  app.get('/businesses/:id', (_req, res) => {
    renders++
    res.status(404).send('gone')
  })
  app.get('/account', (_req, res) => {
    renders++
    res.send('private')
  })
  server = app.listen(0, '127.0.0.1')
  await new Promise((resolve) => server.once('listening', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})
afterAll(() => server.close())

async function get(path: string, headers: Record<string, string> = {}) {
  const response = await fetch(base + path, { headers })
  return { cache: response.headers.get('x-page-cache'), body: await response.text(), status: response.status }
}

describe('page micro-cache', () => {
  it('serves an anonymous page again from memory, with this response’s own nonce', async () => {
    cache.clear()
    renders = 0
    const first = await get('/?q=1', { 'accept-language': 'en' })
    const second = await get('/?q=1', { 'accept-language': 'en' })
    expect([first.cache, second.cache, renders]).toEqual(['miss', 'hit', 1])
    const nonce = (body: string) => body.match(/nonce="([^"]+)"/)?.[1]
    expect(nonce(second.body)).toBeDefined()
    expect(nonce(second.body)).not.toBe(nonce(first.body))
    expect(second.body.replace(/nonce="[^"]+"/, '')).toBe(first.body.replace(/nonce="[^"]+"/, ''))
  })

  it('keeps languages apart and never caches for a session, a token or another cookie', async () => {
    cache.clear()
    renders = 0
    await get('/', { 'accept-language': 'ru' })
    expect((await get('/', { 'accept-language': 'en' })).body).toContain('<p>en</p>')
    expect((await get('/', { 'accept-language': 'ru', cookie: 'lang=ImVuIg==' })).cache).toBe('miss')
    expect(
      (await get('/', { 'accept-language': 'ru', cookie: 'lang=ImVuIg==; __session=abc' })).cache,
    ).toBeNull()
    expect((await get('/', { 'accept-language': 'ru', authorization: 'Bearer t' })).cache).toBeNull()
    expect(renders).toBe(5)
  })

  it('does not keep responses that set a cookie or are not 200, nor private pages', async () => {
    cache.clear()
    renders = 0
    for (let i = 0; i < 2; i++) {
      await get('/stats')
      await get('/businesses/1')
      await get('/account')
    }
    expect(renders).toBe(6)
    expect(cache.size()).toBe(0)
  })

  it('is on for 10 s in production unless PAGE_CACHE_SECONDS says otherwise, and refuses nonsense', () => {
    expect(pageCacheSecondsFromEnv({ NODE_ENV: 'production' })).toBe(10)
    expect(pageCacheSecondsFromEnv({ NODE_ENV: 'development' })).toBe(0)
    expect(pageCacheSecondsFromEnv({ NODE_ENV: 'production', PAGE_CACHE_SECONDS: '0' })).toBe(0)
    expect(() => pageCacheSecondsFromEnv({ PAGE_CACHE_SECONDS: 'ten' })).toThrow(/PAGE_CACHE_SECONDS/)
  })
})

describe('page micro-cache in the app server', () => {
  it('sits after the security headers: a cached page carries the nonce of its own CSP header', async () => {
    const { createApp } = await import('../../scripts/lib/http-server')
    const { default: request } = await import('supertest')
    let renders = 0
    const app = createApp({
      pageCacheSeconds: 30,
      handler: (getLoadContext) => (req, res) => {
        renders++
        const { cspNonce } = getLoadContext(req, res) as { cspNonce: string }
        res.type('html').send(`<html><script nonce="${cspNonce}">hydrate()</script></html>`)
      },
    })
    const first = await request(app).get('/?country=JP')
    const second = await request(app).get('/?country=JP')
    expect([first.headers['x-page-cache'], second.headers['x-page-cache'], renders]).toEqual([
      'miss',
      'hit',
      1,
    ])
    for (const response of [first, second]) {
      const headerNonce = /'nonce-([^']+)'/.exec(response.headers['content-security-policy'] ?? '')?.[1]
      expect(headerNonce).toBeTruthy()
      expect(response.text).toContain(`nonce="${headerNonce}"`)
    }
    // A signed-in visitor is never served from the cache.
    const signedIn = await request(app).get('/?country=JP').set('Cookie', 'cbm.session_token=abc')
    expect(signedIn.headers['x-page-cache']).toBeUndefined()
    expect(renders).toBe(2)
  })
})
