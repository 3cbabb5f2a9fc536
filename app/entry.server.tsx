import { PassThrough } from 'node:stream'
import { createReadableStreamFromReadable } from '@react-router/node'
import { isbot } from 'isbot'
import { type RenderToPipeableStreamOptions, renderToPipeableStream } from 'react-dom/server'
import {
  type AppLoadContext,
  type EntryContext,
  type HandleErrorFunction,
  isRouteErrorResponse,
  type ServerInstrumentation,
  ServerRouter,
} from 'react-router'
import { NonceProvider } from '~/modules/http/nonce'
import { logger, pathForLog } from '~/modules/observability/logger.server'

export const streamTimeout = 5_000

/**
 * React Router's default Node entry plus the CSP nonce: the server made one for this response and
 * put it in the Content-Security-Policy header; React's and React Router's inline scripts carry it.
 */
export default function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  routerContext: EntryContext,
  loadContext: AppLoadContext,
) {
  if (request.method.toUpperCase() === 'HEAD') {
    return new Response(null, { status: responseStatusCode, headers: responseHeaders })
  }
  const nonce = loadContext?.cspNonce
  return new Promise<Response>((resolve, reject) => {
    let shellRendered = false
    const userAgent = request.headers.get('user-agent')
    // Crawlers get the whole page at once; people get the shell first and the rest streamed.
    const readyOption: keyof RenderToPipeableStreamOptions =
      (userAgent && isbot(userAgent)) || routerContext.isSpaMode ? 'onAllReady' : 'onShellReady'
    let timeoutId: ReturnType<typeof setTimeout> | undefined = setTimeout(() => abort(), streamTimeout + 1000)

    const { pipe, abort } = renderToPipeableStream(
      <NonceProvider value={nonce}>
        <ServerRouter context={routerContext} url={request.url} nonce={nonce} />
      </NonceProvider>,
      {
        nonce,
        [readyOption]() {
          shellRendered = true
          const body = new PassThrough({
            final(callback) {
              clearTimeout(timeoutId)
              timeoutId = undefined
              callback()
            },
          })
          responseHeaders.set('Content-Type', 'text/html')
          pipe(body)
          resolve(
            new Response(createReadableStreamFromReadable(body), {
              headers: responseHeaders,
              status: responseStatusCode,
            }),
          )
        },
        onShellError(error: unknown) {
          reject(error)
        },
        onError(error: unknown) {
          responseStatusCode = 500
          // Errors while rendering the shell reject above and React Router logs them (handleError).
          if (shellRendered) logger.error({ err: error, reqId: loadContext?.requestId }, 'render failed')
        },
      },
    )
  })
}

/** Loader, action and render errors: one JSON log line with the request id, not a bare console.error. */
export const handleError: HandleErrorFunction = (error, { request, context }) => {
  // An aborted request (the visitor navigated away) is not an error of ours.
  if (request.signal.aborted) return
  if (isRouteErrorResponse(error) && error.status < 500) return
  const reqId = (context as AppLoadContext | undefined)?.requestId
  logger.error({ err: error, reqId, method: request.method, path: pathForLog(request.url) }, 'request failed')
}

/**
 * Every loader's and action's duration at debug level (LOG_LEVEL=debug), with the route and the
 * request id, to find a slow one in production without a profiler. Off at other levels: nothing wraps.
 */
export const instrumentations: ServerInstrumentation[] = logger.isLevelEnabled('debug')
  ? [
      {
        route(route) {
          const timed =
            (kind: 'loader' | 'action') =>
            async (
              call: () => Promise<{ status: 'success' | 'error'; error: Error | undefined }>,
              info: { request: { method: string; url: string }; pattern: string; context: unknown },
            ) => {
              const started = performance.now()
              const result = await call()
              logger.debug(
                {
                  reqId: (info.context as AppLoadContext | undefined)?.requestId,
                  kind,
                  route: route.id,
                  pattern: info.pattern,
                  status: result.status,
                  ms: Math.round((performance.now() - started) * 10) / 10,
                },
                `${kind} ${route.id}`,
              )
            }
          route.instrument({ loader: timed('loader'), action: timed('action') })
        },
      },
    ]
  : []
