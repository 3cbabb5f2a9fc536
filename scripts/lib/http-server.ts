import { randomBytes } from 'node:crypto'
import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express, { type RequestHandler } from 'express'
import helmet from 'helmet'
import type { Logger } from 'pino'
import { pinoHttp } from 'pino-http'
import type { AppLoadContext, ServerBuild } from 'react-router'
import { getDb } from '#db/client.server'
import { requestIdFrom } from '~/modules/http/request-id'
import {
  contentSecurityPolicy,
  frameAncestorsFor,
  isEmbedPath,
  PERMISSIONS_POLICY,
} from '~/modules/http/security-headers.server'
import { logger, pathForLog } from '~/modules/observability/logger.server'
import { embedFrameAncestors, getSettings } from '~/modules/settings/settings.server'
import { createPageCache, pageCacheSecondsFromEnv } from './page-cache'
import { bodyLimit, csrfGuard, rateLimits } from './request-guards'

export type AppOptions = {
  /** The project root, to serve build/client; none in tests. */
  root?: string
  /** What answers once the guards let a request through: React Router's handler in the app. */
  handler: (getLoadContext: (req: express.Request, res: express.Response) => AppLoadContext) => RequestHandler
  /** Where request lines go: the app's logger unless a test wants to read them. */
  log?: Logger
  /** Seconds anonymous pages are served from memory (decision 0018); 0 or none: off. */
  pageCacheSeconds?: number
}

/** One JSON line per request: id, method, path without its query, status, time. Nothing personal. */
function requestLogger(log: Logger) {
  return pinoHttp({
    logger: log,
    quietReqLogger: true,
    genReqId(req, res) {
      const id = requestIdFrom(req.headers['x-request-id'])
      res.setHeader('X-Request-Id', id)
      return id
    },
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({
        id: req.id,
        method: req.method,
        path: pathForLog(req.url),
      }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel(req, res, error) {
      if (error || res.statusCode >= 500) return 'error'
      if (res.statusCode >= 400) return 'warn'
      // Fingerprinted files are many per page and never interesting.
      return ((req as { originalUrl?: string }).originalUrl ?? req.url ?? '').startsWith('/assets/')
        ? 'debug'
        : 'info'
    },
  })
}

/** Who may frame /embed, from the administrator's setting; our own site only if it cannot be read. */
async function embedSources() {
  try {
    return embedFrameAncestors((await getSettings(await getDb())).embedPolicy)
  } catch (error) {
    logger.error({ err: error }, 'embed policy unreadable')
    return "'self'"
  }
}

/** helmet's headers, and the per-response ones it cannot make: the nonce'd CSP, framing, permissions. */
function securityHeaders(): RequestHandler[] {
  const production = process.env.NODE_ENV === 'production'
  return [
    helmet({
      contentSecurityPolicy: false,
      xFrameOptions: false,
      // HTTPS is the proxy's job in production; on a developer's http://localhost HSTS would stick.
      strictTransportSecurity: production ? { maxAge: 365 * 24 * 60 * 60, includeSubDomains: true } : false,
      referrerPolicy: { policy: 'strict-origin-when-cross-origin' },
    }),
    async (req, res, next) => {
      const nonce = randomBytes(16).toString('base64')
      res.locals.cspNonce = nonce
      const frameAncestors = frameAncestorsFor(
        req.path,
        isEmbedPath(req.path) ? await embedSources() : "'none'",
      )
      res.setHeader(
        'Content-Security-Policy',
        contentSecurityPolicy({ nonce, frameAncestors, tileUrl: process.env.MAP_TILE_URL, production }),
      )
      if (frameAncestors.join(' ') === "'none'") res.setHeader('X-Frame-Options', 'DENY')
      res.setHeader('Permissions-Policy', PERMISSIONS_POLICY)
      next()
    },
  ]
}

export function createApp({ root, handler, log = logger, pageCacheSeconds = 0 }: AppOptions) {
  const app = express()
  app.disable('x-powered-by')
  // Behind a reverse proxy, TRUST_PROXY=1 makes req.ip the client's address (for throttling) and
  // req.protocol/host the public ones (for the CSRF origin check).
  if (process.env.TRUST_PROXY)
    app.set('trust proxy', process.env.TRUST_PROXY === '1' ? 1 : process.env.TRUST_PROXY)
  app.use(requestLogger(log))
  app.use(securityHeaders())
  app.use(compression())
  if (root) {
    // Fingerprinted assets never change; everything else is revalidated.
    app.use(
      '/assets',
      express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }),
    )
    app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
  }
  app.use(bodyLimit(), csrfGuard(), rateLimits())
  // After the security headers: a cached page is sent with this response's nonce.
  if (pageCacheSeconds > 0) {
    app.use(createPageCache({ ttlSeconds: pageCacheSeconds, nonceFor: (res) => res.locals.cspNonce }))
  }
  app.all(
    '*splat',
    handler((req, res) => ({
      clientIp: req.ip ?? req.socket.remoteAddress ?? undefined,
      requestId: String(req.id),
      cspNonce: res.locals.cspNonce,
    })),
  )
  return app
}

export async function createHttpServer(root: string) {
  const buildPath = path.join(root, 'build/server/index.js')
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild
  const app = createApp({
    root,
    pageCacheSeconds: pageCacheSecondsFromEnv(),
    handler: (getLoadContext) =>
      createRequestHandler({ build, mode: process.env.NODE_ENV ?? 'production', getLoadContext }),
  })
  return http.createServer(app)
}
