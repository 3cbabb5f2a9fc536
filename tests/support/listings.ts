import type { Kysely } from 'kysely'
import type { Database } from '#db/schema'
import { writeBusiness } from '~/modules/businesses/write.server'

let counter = 0

/**
 * A published listing in Tokyo's area, through the one write path (history, search rows), each a little
 * north of the one before so none shares a point. Its name is both its Russian and English name.
 */
export async function publishListing(
  db: Kysely<Database>,
  listing: { name: string; country?: string; owner?: string | null; publishedAt?: Date },
) {
  counter += 1
  const now = new Date()
  const { id } = await writeBusiness(db, {
    actorId: null,
    action: 'published',
    fields: {
      owner_id: listing.owner ?? null,
      name_ru: listing.name,
      name_en: listing.name,
      country_code: listing.country ?? 'JP',
      city: 'Tokyo',
      lat: 35.6 + counter / 1000,
      lon: 139.69,
      consent_at: now,
      status: 'published',
      submitted_at: now,
      published_at: listing.publishedAt ?? now,
    },
    sectors: ['G'],
  })
  return id
}
