import type { NextFunction, Request, Response } from 'express'
import { LRUCache } from 'lru-cache'

/**
 * A micro-cache of pages rendered for anonymous visitors: the same search or card page asked
 * again within a few seconds is served from memory instead of being rendered again. Signed-in
 * users, anything carrying a cookie other than the language, and any response that sets a cookie
 * or says no-store always go to the app. Each replica keeps its own cache; a listing published
 * on one shows to anonymous visitors of the others within `ttlSeconds`.
 */
export type PageCacheOptions = {
  ttlSeconds: number
  maxEntries?: number
  /** The nonce the security headers chose for this response, if any (see nonceFor). */
  nonceFor?: (res: Response) => string | undefined
}

type Entry = { status: number; headers: [string, string][]; body: Buffer; nonce: string | undefined }

/** Headers that describe the content; per-response ones (request id, CSP with its nonce) are not kept. */
const KEPT_HEADERS = ['content-type', 'cache-control', 'vary', 'content-language', 'link', 'x-robots-tag']
const LANGUAGE_COOKIE = 'lang'
const MAX_BODY_BYTES = 2 * 1024 * 1024

function onlyLanguageCookie(cookieHeader: string | undefined) {
  if (!cookieHeader) return true
  return cookieHeader
    .split(';')
    .map((part) => part.trim().split('=')[0])
    .every((name) => name === LANGUAGE_COOKIE || name === '')
}

/**
 * The pages anonymous visitors arrive on in numbers (search, cards, regions, statistics, the
 * embedded map), as
 * documents and as React Router's `.data` navigations; never forms, the API, exports or uploads.
 */
const CACHEABLE =
  /^\/(?:|_root\.data|_\.data|businesses\/[^/]+?(?:\.data)?|stats(?:\.data)?|regions(?:\/[^/]+?)?(?:\.data)?|embed(?:\.data)?)$/

function cacheablePath(path: string) {
  return CACHEABLE.test(path)
}

export function cacheKey(req: Request) {
  const language = req.headers.cookie ?? ''
  return `${req.originalUrl}\n${language}\n${req.headers['accept-language'] ?? ''}`
}

export function createPageCache(options: PageCacheOptions) {
  const cache = new LRUCache<string, Entry>({
    max: options.maxEntries ?? 500,
    ttl: options.ttlSeconds * 1000,
  })

  const middleware = (req: Request, res: Response, next: NextFunction) => {
    if (
      req.method !== 'GET' ||
      !cacheablePath(req.path) ||
      req.headers.authorization ||
      !onlyLanguageCookie(req.headers.cookie)
    ) {
      return next()
    }
    const key = cacheKey(req)
    const hit = cache.get(key)
    if (hit) {
      const nonce = options.nonceFor?.(res)
      const body =
        hit.nonce && nonce && hit.nonce !== nonce
          ? Buffer.from(hit.body.toString('utf8').replaceAll(`nonce="${hit.nonce}"`, `nonce="${nonce}"`))
          : hit.body
      res.status(hit.status)
      for (const [name, value] of hit.headers) res.setHeader(name, value)
      res.setHeader('X-Page-Cache', 'hit')
      res.end(body)
      return
    }

    // Tee what the app writes; store it only if the finished response turns out to be cacheable.
    const chunks: Buffer[] = []
    let size = 0
    const write = res.write.bind(res) as (...args: unknown[]) => boolean
    const end = res.end.bind(res) as (...args: unknown[]) => Response
    const keep = (chunk: unknown, encoding?: unknown) => {
      if (chunk === undefined || chunk === null || typeof chunk === 'function' || size > MAX_BODY_BYTES)
        return
      const buffer = Buffer.isBuffer(chunk)
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk)
          : Buffer.from(String(chunk), typeof encoding === 'string' ? (encoding as BufferEncoding) : 'utf8')
      size += buffer.byteLength
      chunks.push(buffer)
    }
    res.setHeader('X-Page-Cache', 'miss')
    res.write = ((chunk: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0])
      return write(chunk, ...rest)
    }) as Response['write']
    res.end = ((chunk?: unknown, ...rest: unknown[]) => {
      keep(chunk, rest[0])
      const cacheControl = String(res.getHeader('cache-control') ?? '')
      if (
        res.statusCode === 200 &&
        size <= MAX_BODY_BYTES &&
        !res.getHeader('set-cookie') &&
        !/no-store|private/.test(cacheControl)
      ) {
        const headers: [string, string][] = []
        for (const name of KEPT_HEADERS) {
          const value = res.getHeader(name)
          if (value !== undefined) headers.push([name, String(value)])
        }
        cache.set(key, { status: 200, headers, body: Buffer.concat(chunks), nonce: options.nonceFor?.(res) })
      }
      return end(chunk, ...rest)
    }) as Response['end']
    next()
  }

  return Object.assign(middleware, { clear: () => cache.clear(), size: () => cache.size })
}

/** PAGE_CACHE_SECONDS, or 10 s in production and off elsewhere (tests publish and look at once). */
export function pageCacheSecondsFromEnv(env: NodeJS.ProcessEnv = process.env) {
  if (env.PAGE_CACHE_SECONDS !== undefined) {
    const seconds = Number(env.PAGE_CACHE_SECONDS)
    if (!Number.isFinite(seconds) || seconds < 0) {
      throw new Error(
        `PAGE_CACHE_SECONDS must be a number of seconds (0 turns the cache off), not "${env.PAGE_CACHE_SECONDS}"`,
      )
    }
    return seconds
  }
  return env.NODE_ENV === 'production' ? 10 : 0
}
