import { getDb } from '#db/client.server'
import { siteUrl } from '~/modules/seo/site-url.server'
import { listingsSitemap, pagesSitemap, sitemapIndex } from '~/modules/seo/sitemap.server'
import type { Route } from './+types/sitemap'

function xml(body: string) {
  return new Response(body, {
    headers: { 'Content-Type': 'application/xml; charset=utf-8', 'Cache-Control': 'public, max-age=3600' },
  })
}

const notFound = () =>
  new Response('Not found / Не найдено', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })

/** GET /sitemap.xml (the index) and /sitemaps/pages.xml, /sitemaps/businesses-N.xml (its parts). */
export async function loader({ request, params }: Route.LoaderArgs) {
  const db = await getDb()
  const origin = siteUrl(request)
  if (!params.name) return xml(await sitemapIndex(db, origin))
  if (params.name === 'pages.xml') return xml(await pagesSitemap(db, origin))
  const match = /^businesses-([1-9]\d{0,4})\.xml$/.exec(params.name)
  if (!match) return notFound()
  const body = await listingsSitemap(db, origin, Number(match[1]))
  return body === null ? notFound() : xml(body)
}
