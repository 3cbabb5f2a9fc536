import fs from 'node:fs'
import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { validateXML } from 'xmllint-wasm'
import { setDb } from '#db/client.server'
import type { Database, NewBusiness } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { LISTINGS_PER_SITEMAP } from '~/modules/seo/sitemap.server'
import { loader as cardLoader, meta as cardMeta } from '~/routes/businesses.$id'
import { loader as robotsLoader } from '~/routes/seo/robots'
import { loader as imageLoader } from '~/routes/seo/share-image'
import { loader as sitemapLoader } from '~/routes/seo/sitemap'
import { testDatabases } from '../support/databases'
import { run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

const consent = new Date('2026-01-01T00:00:00Z').toISOString()
// The urlset schema as the sitemap package ships it (its exports map does not expose the file).
const sitemapXsd = fs.readFileSync('node_modules/sitemap/schema/sitemap.xsd', 'utf8')
const indexXsd = fs.readFileSync(new URL('../fixtures/siteindex.xsd', import.meta.url), 'utf8')

function args(path: string, params: Record<string, string> = {}, headers: Record<string, string> = {}) {
  return { request: new Request(`http://localhost${path}`, { headers }), params, context: {} } as never
}

async function xmlValid(xml: string, xsd: string) {
  const result = await validateXML({ xml: [{ fileName: 'doc.xml', contents: xml }], schema: [xsd] })
  return result.errors.map((e) => e.message)
}

describe.each(testDatabases())('sitemap, robots, previews and JSON-LD on $name', ({ open }) => {
  let db: Kysely<Database>
  let published: number
  let pending: number
  beforeAll(async () => {
    db = await open()
    setDb(db)
    const values = {
      country_code: 'JP',
      city: 'Tokyo',
      lat: 35.68,
      lon: 139.69,
      consent_at: consent,
    } satisfies Partial<NewBusiness>
    published = (
      await db
        .insertInto('businesses')
        .values({
          ...values,
          name_ru: 'ООО «Сакура Трейд»',
          name_en: 'Sakura Trade Co., Ltd.',
          name_local: '株式会社サクラトレード',
          description_ru: 'Экспорт японской техники в Россию',
          status: 'published',
          published_at: consent,
          email: 'info@sakura.example.com',
          phone: '+81312345678',
          public_email: true,
          public_phone: false,
          website: 'https://sakura.example.com',
        })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await db
      .insertInto('business_regions')
      .values({ business_id: published, region_code: 'RU-PRI' })
      .execute()
    pending = (
      await db
        .insertInto('businesses')
        .values({ ...values, name_ru: 'Тайная заявка', status: 'pending' })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id
    await onBusinessesChanged(db, [published, pending])
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('serves a sitemap index and parts that validate against the sitemaps.org schemas', async () => {
    const index = (await (sitemapLoader as (a: never) => Promise<Response>)(args('/sitemap.xml'))) as Response
    expect(index.headers.get('content-type')).toMatch(/application\/xml/)
    const indexXml = await index.text()
    expect(await xmlValid(indexXml, indexXsd)).toEqual([])
    expect(indexXml).toContain('http://localhost/sitemaps/businesses-1.xml')

    const part = await (sitemapLoader as (a: never) => Promise<Response>)(
      args('/sitemaps/businesses-1.xml', { name: 'businesses-1.xml' }),
    )
    const partXml = await part.text()
    expect(await xmlValid(partXml, sitemapXsd)).toEqual([])
    expect(partXml).toContain(`http://localhost/businesses/${published}</loc>`)
    expect(partXml).not.toContain(`/businesses/${pending}<`)

    const pages = await (sitemapLoader as (a: never) => Promise<Response>)(
      args('/sitemaps/pages.xml', { name: 'pages.xml' }),
    )
    const pagesXml = await pages.text()
    expect(await xmlValid(pagesXml, sitemapXsd)).toEqual([])
    expect(pagesXml).toContain('http://localhost/regions/RU-PRI</loc>')

    for (const name of ['businesses-2.xml', 'businesses-0.xml', '../etc/passwd', 'x.xml']) {
      const missing = await (sitemapLoader as (a: never) => Promise<Response>)(
        args(`/sitemaps/${name}`, { name }),
      )
      expect(missing.status).toBe(404)
    }
    expect(LISTINGS_PER_SITEMAP).toBeLessThanOrEqual(50_000)
  })

  it('tells robots where the sitemap is and keeps them out of private areas', async () => {
    const robots = await (robotsLoader as (a: never) => Response)(args('/robots.txt'))
    const text = await robots.text()
    expect(text).toContain('Sitemap: http://localhost/sitemap.xml')
    expect(text).toMatch(/Disallow: \/moderation/)
    expect(text).toMatch(/Disallow: \/api\//)
  })

  it('puts a schema.org LocalBusiness and an Open Graph preview on a published listing, public contacts only', async () => {
    const data = await (cardLoader as (a: never) => Promise<unknown>)(
      args(`/businesses/${published}`, { id: String(published) }, { Cookie: `lang=${btoa('"en"')}` }),
    )
    const tags = (cardMeta as (a: never) => Record<string, unknown>[])({ data } as never)
    // Typed by schema-dts at build time (json-ld.ts); read here as the plain object a crawler gets.
    const ld = tags.find((t) => 'script:ld+json' in t)?.['script:ld+json'] as Record<string, unknown>
    expect(ld['@context']).toBe('https://schema.org')
    expect(ld['@type']).toBe('LocalBusiness')
    // Google's required properties for LocalBusiness: name and address; the rest as published.
    expect(ld).toMatchObject({
      name: 'Sakura Trade Co., Ltd.',
      url: `http://localhost/businesses/${published}`,
      address: { '@type': 'PostalAddress', addressCountry: 'JP', addressLocality: expect.any(String) },
      geo: { '@type': 'GeoCoordinates', latitude: 35.68, longitude: 139.69 },
      email: 'info@sakura.example.com',
      sameAs: 'https://sakura.example.com',
    })
    expect(ld).not.toHaveProperty('telephone')
    expect(JSON.parse(JSON.stringify(ld))).toEqual(ld)
    const og = Object.fromEntries(
      tags.filter((t) => typeof t.property === 'string').map((t) => [t.property, t.content]),
    )
    expect(og['og:title']).toMatch(/^Sakura Trade Co\., Ltd\. — /)
    expect(og['og:locale']).toBe('en_US')
    expect(og['og:image']).toBe(`http://localhost/og/business/${published}`)
    expect(tags).toContainEqual({ name: 'twitter:card', content: 'summary_large_image' })
  })

  it('keeps a private phone out of the markup even when the viewer may see it', async () => {
    const email = await createUser(db, 'seo-wg', ['wg_member'])
    const jar = await sessionFor(email)
    const { data } = (await run(cardLoader as never, `/businesses/${published}`, {
      jar,
      params: { id: String(published) },
    })) as { data: { card: { phone: string | null }; jsonLd: Record<string, unknown> } }
    expect(data.card.phone).toBe('+81312345678')
    expect(data.jsonLd).not.toHaveProperty('telephone')
    expect(data.jsonLd).not.toHaveProperty('email')
  })

  it('draws a PNG preview for a published listing and a region, and none for a pending listing', async () => {
    const image = await (imageLoader as (a: never) => Promise<Response>)(
      args(`/og/business/${published}`, { kind: 'business', key: String(published) }),
    )
    expect(image.headers.get('content-type')).toBe('image/png')
    const bytes = new Uint8Array(await image.arrayBuffer())
    expect([...bytes.slice(1, 4)].map((b) => String.fromCharCode(b)).join('')).toBe('PNG')
    // Width and height from the IHDR chunk.
    const view = new DataView(bytes.buffer)
    expect([view.getUint32(16), view.getUint32(20)]).toEqual([1200, 630])
    const region = await (imageLoader as (a: never) => Promise<Response>)(
      args('/og/region/RU-PRI', { kind: 'region', key: 'RU-PRI' }),
    )
    expect(region.status).toBe(200)
    for (const [kind, key] of [
      ['business', String(pending)],
      ['business', 'abc'],
      ['region', 'RU-XX'],
      ['nothing', ''],
    ]) {
      const missing = await (imageLoader as (a: never) => Promise<Response>)(
        args(`/og/${kind}/${key}`, { kind: kind as string, key: key as string }),
      )
      expect(missing.status).toBe(404)
    }
  })
})
