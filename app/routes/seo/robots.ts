import { siteUrl } from '~/modules/seo/site-url.server'
import type { Route } from './+types/robots'

/** Private areas, the API and downloads are of no use to a search engine; the directory is. */
const DISALLOWED = [
  '/my/',
  '/account',
  '/moderation',
  '/admin',
  '/forums',
  '/nominations',
  '/api/',
  '/export.',
  '/embed',
  '/og/',
  '/sign-in',
  '/sign-up',
  '/forgot-password',
  '/reset-password',
  '/unsubscribe',
]

export function loader({ request }: Route.LoaderArgs) {
  const body = [
    'User-agent: *',
    'Allow: /',
    ...DISALLOWED.map((p) => `Disallow: ${p}`),
    '',
    `Sitemap: ${siteUrl(request)}/sitemap.xml`,
    '',
  ].join('\n')
  return new Response(body, {
    headers: { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'public, max-age=86400' },
  })
}
