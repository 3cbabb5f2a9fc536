import { getDb } from '#db/client.server'
import { getPublishedCard } from '~/modules/businesses/card.server'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { renderShareImage } from '~/modules/seo/share-image.server'
import type { Route } from './+types/share-image'

function png(body: Buffer) {
  return new Response(new Uint8Array(body), {
    headers: { 'Content-Type': 'image/png', 'Cache-Control': 'public, max-age=86400' },
  })
}

function notFound() {
  return new Response('Not found / Не найдено', {
    status: 404,
    headers: { 'Content-Type': 'text/plain; charset=utf-8' },
  })
}

/**
 * GET /og/site, /og/business/:id, /og/region/:code: the link-preview pictures. Only what anyone
 * may see is drawn: a listing's picture exists once it is published.
 */
export async function loader({ params }: Route.LoaderArgs) {
  const db = await getDb()
  if (params.kind === 'site') {
    const rows = await db.selectFrom('countries').select('code').where('in_region', '=', true).execute()
    return png(renderShareImage({ key: 'site', points: [], highlight: rows.map((r) => r.code.trim()) }))
  }
  if (params.kind === 'business') {
    const id = Number(params.key)
    if (!Number.isSafeInteger(id) || id < 1) return notFound()
    const card = await getPublishedCard(db, id)
    if (!card) return notFound()
    const points = card.lat !== null && card.lon !== null ? [{ lat: card.lat, lon: card.lon }] : []
    return png(
      renderShareImage({
        key: `business:${id}:${card.updatedAt}`,
        points,
        highlight: [card.countryCode],
        focus: points.length ? 'points' : 'region',
      }),
    )
  }
  if (params.kind === 'region') {
    const labels = await loadReferenceLabels(db, { regions: true })
    const code = params.key ?? ''
    if (!labels.regions[code]) return notFound()
    // The countries whose businesses name the region are lit.
    const rows = await db
      .selectFrom('business_regions')
      .innerJoin('businesses', 'businesses.id', 'business_regions.business_id')
      .select('businesses.country_code')
      .distinct()
      .where('business_regions.region_code', '=', code)
      .where('businesses.status', '=', 'published')
      .execute()
    const countries = rows.map((r) => r.country_code.trim()).sort()
    return png(
      renderShareImage({ key: `region:${code}:${countries.join(',')}`, points: [], highlight: countries }),
    )
  }
  return notFound()
}
