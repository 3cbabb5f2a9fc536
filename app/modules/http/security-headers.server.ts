import { tileConfig } from '~/modules/map/tiles.server'

/** The pages made to be framed by other sites (decision 0019); every other page refuses framing. */
export function isEmbedPath(pathname: string) {
  return /^\/embed(\.data)?$/.test(pathname)
}

/**
 * Who may put a page in a frame: for /embed, the administrator's embed policy (as CSP sources, from
 * embedFrameAncestors in the settings module); for everything else nobody. X-Frame-Options is sent
 * only with 'none', since it cannot express an allowlist.
 */
export function frameAncestorsFor(pathname: string, embedSources: string): string[] {
  return isEmbedPath(pathname) ? embedSources.split(/\s+/).filter(Boolean) : ["'none'"]
}

/**
 * The CSP source for the map's tile server, from the same MAP_TILE_URL the map reads: its scheme and
 * host, a `{s}`-style subdomain placeholder becoming `*.`. Null when the map has no tile layer.
 */
export function tileSource(tileUrl: string | undefined): string | null {
  const config = tileConfig(tileUrl)
  if (!config) return null
  const match = /^(https?):\/\/([^/?#]+)/.exec(config.url)
  if (!match) return null
  const [, scheme, authority] = match as unknown as [string, string, string]
  if (!authority.includes('{')) return `${scheme}://${authority}`
  const [first, ...rest] = authority.split('.')
  // CSP wildcards only cover whole leftmost labels; a placeholder elsewhere allows the scheme alone.
  if (first?.startsWith('{') && first.endsWith('}') && rest.length >= 2 && !rest.join('.').includes('{'))
    return `${scheme}://*.${rest.join('.')}`
  return `${scheme}:`
}

export type CspOptions = {
  nonce: string
  frameAncestors: string[]
  tileUrl: string | undefined
  production: boolean
}

/**
 * The Content-Security-Policy of every response. Scripts: our own files and inline ones carrying this
 * response's nonce (React Router's hydration data), nothing else. Styles: our stylesheet files only —
 * Leaflet and the charts position elements through element.style (CSSOM), which CSP does not govern.
 * Images may come from the configured tile server.
 */
export function contentSecurityPolicy({ nonce, frameAncestors, tileUrl, production }: CspOptions): string {
  const tiles = tileSource(tileUrl)
  const directives: [string, string[]][] = [
    ['default-src', ["'self'"]],
    ['script-src', ["'self'", `'nonce-${nonce}'`]],
    ['script-src-attr', ["'none'"]],
    ['style-src', ["'self'"]],
    ['img-src', ["'self'", 'data:', ...(tiles ? [tiles] : [])]],
    ['font-src', ["'self'"]],
    ['connect-src', ["'self'"]],
    ['object-src', ["'none'"]],
    ['base-uri', ["'none'"]],
    ['form-action', ["'self'"]],
    ['frame-ancestors', frameAncestors],
  ]
  if (production) directives.push(['upgrade-insecure-requests', []])
  return directives.map(([name, values]) => [name, ...values].join(' ')).join('; ')
}

/** Powerful browser features the app never uses, switched off for it and anything it embeds. */
export const PERMISSIONS_POLICY = [
  'accelerometer=()',
  'camera=()',
  'geolocation=()',
  'gyroscope=()',
  'magnetometer=()',
  'microphone=()',
  'payment=()',
  'usb=()',
].join(', ')
