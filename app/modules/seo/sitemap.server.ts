import { Readable } from 'node:stream'
import type { Kysely } from 'kysely'
import { SitemapIndexStream, SitemapStream, streamToPromise } from 'sitemap'
import type { Database } from '#db/schema'

/** Listings per sitemap file: well under the protocol's 50,000 URLs and 50 MB. */
export const LISTINGS_PER_SITEMAP = 10_000

type Item = { url: string; lastmod?: string; changefreq?: 'daily' | 'weekly' | 'monthly'; priority?: number }

async function render(stream: SitemapStream | SitemapIndexStream, items: Item[] | string[]) {
  return (await streamToPromise(Readable.from(items).pipe(stream))).toString()
}

async function publishedCount(db: Kysely<Database>) {
  const row = await db
    .selectFrom('businesses')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('status', '=', 'published')
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

/** /sitemap.xml: the index of the part files, so 100,000 listings stay within the protocol's limits. */
export async function sitemapIndex(db: Kysely<Database>, origin: string) {
  const parts = Math.max(1, Math.ceil((await publishedCount(db)) / LISTINGS_PER_SITEMAP))
  const urls = [`${origin}/sitemaps/pages.xml`]
  for (let n = 1; n <= parts; n++) urls.push(`${origin}/sitemaps/businesses-${n}.xml`)
  return render(new SitemapIndexStream(), urls)
}

/** The directory's own pages: search, regions (those that have listings), statistics. */
export async function pagesSitemap(db: Kysely<Database>, origin: string) {
  const regions = await db
    .selectFrom('business_regions')
    .innerJoin('businesses', 'businesses.id', 'business_regions.business_id')
    .select('business_regions.region_code')
    .distinct()
    .where('businesses.status', '=', 'published')
    .orderBy('business_regions.region_code')
    .execute()
  const items: Item[] = [
    { url: '/', changefreq: 'daily', priority: 1 },
    { url: '/regions', changefreq: 'daily', priority: 0.8 },
    ...regions.map((r) => ({
      url: `/regions/${r.region_code}`,
      changefreq: 'daily' as const,
      priority: 0.7,
    })),
    { url: '/stats', changefreq: 'weekly', priority: 0.5 },
  ]
  return render(new SitemapStream({ hostname: origin }), items)
}

/** Published listings, n-th slice by id; null past the last one. */
export async function listingsSitemap(db: Kysely<Database>, origin: string, part: number) {
  const rows = await db
    .selectFrom('businesses')
    .select(['id', 'updated_at'])
    .where('status', '=', 'published')
    .orderBy('id')
    .offset((part - 1) * LISTINGS_PER_SITEMAP)
    .limit(LISTINGS_PER_SITEMAP)
    .execute()
  if (rows.length === 0 && part > 1) return null
  const items: Item[] = rows.map((r) => ({
    url: `/businesses/${r.id}`,
    lastmod: new Date(r.updated_at as unknown as string).toISOString(),
    changefreq: 'monthly',
  }))
  return render(new SitemapStream({ hostname: origin }), items)
}
