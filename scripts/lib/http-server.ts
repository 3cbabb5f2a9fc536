import http from 'node:http'
import path from 'node:path'
import { pathToFileURL } from 'node:url'
import { createRequestHandler } from '@react-router/express'
import compression from 'compression'
import express from 'express'
import type { ServerBuild } from 'react-router'

export async function createHttpServer(root: string) {
  const buildPath = path.join(root, 'build/server/index.js')
  const build = (await import(pathToFileURL(buildPath).href)) as ServerBuild
  const app = express()
  app.disable('x-powered-by')
  // Behind a reverse proxy, TRUST_PROXY=1 makes req.ip the client's address (for sign-in throttling).
  if (process.env.TRUST_PROXY)
    app.set('trust proxy', process.env.TRUST_PROXY === '1' ? 1 : process.env.TRUST_PROXY)
  app.use(compression())
  // Fingerprinted assets never change; everything else is revalidated.
  app.use(
    '/assets',
    express.static(path.join(root, 'build/client/assets'), { immutable: true, maxAge: '1y' }),
  )
  app.use(express.static(path.join(root, 'build/client'), { maxAge: '1h' }))
  app.all(
    '*splat',
    createRequestHandler({
      build,
      mode: process.env.NODE_ENV ?? 'production',
      getLoadContext: (req) => ({ clientIp: req.ip ?? req.socket.remoteAddress ?? undefined }),
    }),
  )
  return http.createServer(app)
}
