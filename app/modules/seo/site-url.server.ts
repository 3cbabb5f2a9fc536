/**
 * The site's public address for links other sites fetch (previews, sitemaps): APP_URL when the
 * deployment sets it (behind a proxy the request's own host may be an internal name), else the
 * address the request came to.
 */
export function siteUrl(request: Request) {
  const configured = process.env.APP_URL?.replace(/\/+$/, '')
  return configured || new URL(request.url).origin
}
