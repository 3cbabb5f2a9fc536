import type { NextFunction, Request, Response } from 'express'
import { getDb } from '#db/client.server'
import { bodyLimitFor } from '~/modules/http/body-limit'
import { checkCsrf } from '~/modules/http/csrf.server'
import { credentialOf, hitRateLimit, policyFor, rateKeys } from '~/modules/http/rate-limit.server'
import { localeCookie } from '~/modules/i18n/locale.server'
import { isLocale, type Locale } from '~/modules/i18n/locales'
import type { MessageKey } from '~/modules/i18n/messages'
import { makeTranslator } from '~/modules/i18n/translate'
import { logger } from '~/modules/observability/logger.server'

/**
 * What every request passes before React Router sees it: a size limit on its body, the CSRF origin
 * check on state-changing requests, and the rate limits of the API and the exports. The rules live
 * in app/modules/http; this file only speaks Express.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
/** How much of an oversized body is read and dropped so that its sender sees the refusal. */
const DRAIN_CAP_BYTES = 64 * 1024 * 1024

function headersOf(req: Request): Pick<Headers, 'get'> {
  return {
    get(name: string) {
      const value = req.headers[name.toLowerCase()]
      return value === undefined ? null : Array.isArray(value) ? value.join(', ') : value
    },
  }
}

async function localeOf(req: Request): Promise<Locale> {
  const lang = typeof req.query.lang === 'string' ? req.query.lang : null
  if (req.path.startsWith('/api/') && isLocale(lang)) return lang
  const fromCookie = await localeCookie.parse(req.headers.cookie ?? null).catch(() => null)
  return isLocale(fromCookie) ? fromCookie : 'ru'
}

/** The refusal in the asker's language: text for a page, JSON for scripts (the API's error shape there). */
async function refuse(
  req: Request,
  res: Response,
  status: number,
  code: string,
  key: MessageKey,
  params: Record<string, string | number> = {},
) {
  const message = makeTranslator(await localeOf(req))(key, params)
  res.status(status)
  res.setHeader('Cache-Control', 'no-store')
  if (req.path.startsWith('/api/')) res.json({ error: { code, message } })
  else if ((req.headers.accept ?? '').includes('text/html'))
    res.type('text/plain; charset=utf-8').send(message)
  else res.json({ error: message })
}

export function bodyLimit() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const limit = bodyLimitFor(req.path)
    const declared = req.headers['content-length']
    const tooLarge = declared !== undefined && Number(declared) > limit
    // Browsers always declare a form's or an upload's size; a chunked body of unknown size is refused
    // rather than counted, since React Router reads the body stream itself.
    const unsized = declared === undefined && req.headers['transfer-encoding'] !== undefined
    if (!tooLarge && !unsized) return next()
    // Read (and drop) what the client is still sending and answer once it has finished: answering
    // first and closing made the client's write fail (EPIPE) before it could read the 413. Past a cap
    // the answer goes at once and the connection closes behind it.
    res.setHeader('Connection', 'close')
    const cap = Math.max(2 * limit, DRAIN_CAP_BYTES)
    let drained = 0
    let answered = false
    const answer = () => {
      if (answered) return
      answered = true
      if (unsized) return void refuse(req, res, 411, 'length_required', 'http.lengthRequired')
      return void refuse(req, res, 413, 'too_large', 'http.tooLarge', { mb: Math.round(limit / 1024 / 1024) })
    }
    req.on('data', (chunk: Buffer) => {
      drained += chunk.length
      if (drained > cap) answer()
    })
    req.once('end', answer)
    req.once('error', answer)
    req.resume()
  }
}

export function csrfGuard() {
  return (req: Request, res: Response, next: NextFunction) => {
    if (SAFE_METHODS.has(req.method)) return next()
    const url = `${req.protocol}://${req.get('host') ?? 'localhost'}${req.originalUrl}`
    const verdict = checkCsrf({ method: req.method, url, headers: headersOf(req) })
    if (verdict.ok) return next()
    logger.warn({ reqId: req.id, reason: verdict.reason, method: req.method, path: req.path }, 'csrf refused')
    return void refuse(req, res, 403, 'cross_site_request', 'http.csrf')
  }
}

export function rateLimits() {
  return async (req: Request, res: Response, next: NextFunction) => {
    const policy = policyFor(req.path)
    if (!policy) return next()
    try {
      const ip = req.ip ?? req.socket.remoteAddress ?? 'unknown'
      const keys = rateKeys(policy, ip, credentialOf(headersOf(req)))
      const verdict = await hitRateLimit(await getDb(), policy, keys)
      if (verdict.ok) return next()
      logger.info({ reqId: req.id, policy: policy.name, path: req.path }, 'rate limited')
      res.setHeader('Retry-After', String(verdict.retryAfterSeconds))
      return void refuse(req, res, 429, 'rate_limited', 'http.rateLimited', {
        seconds: verdict.retryAfterSeconds,
      })
    } catch (error) {
      // A database hiccup must not take the API down with it: serve the request uncounted.
      logger.error({ err: error, reqId: req.id }, 'rate limit check failed')
      next()
    }
  }
}
