import type { Kysely } from 'kysely'
import type { Business, Database } from '#db/schema'
import { type CurrentUser, canModerateBusiness } from '~/modules/accounts/guard.server'
import { MAX_TRADE_CODES } from '~/modules/businesses/taxonomy'
import { type BusinessFields, VersionConflictError, writeBusiness } from '~/modules/businesses/write.server'

export class MergeError extends Error {
  constructor(readonly code: 'notFound' | 'forbidden' | 'same' | 'country' | 'conflict') {
    super(`merge refused: ${code}`)
  }
}

// Scalar fields the kept listing takes from the removed one when it has none of its own.
const FILLED = [
  'name_ru',
  'name_en',
  'description_ru',
  'description_en',
  'address',
  'website',
  'email',
  'phone',
  'founded_year',
  'size_band',
  'owner_id',
] as const
// Lists the kept listing unites with the removed one's.
const UNITED = ['keywords', 'languages', 'cooperation_kinds', 'offers', 'seeks'] as const
// Lists with a cap in the database: the kept listing's own entries come first.
const CAPS: Partial<Record<(typeof UNITED)[number], number>> = {
  keywords: 30,
  offers: MAX_TRADE_CODES,
  seeks: MAX_TRADE_CODES,
}

const empty = (v: unknown) => v === null || v === undefined || (typeof v === 'string' && !v.trim())

/** What the kept listing gains from the removed one: its empty fields filled, its lists united. */
export function mergedFields(keep: Business, removed: Business): Partial<BusinessFields> {
  const fields: Record<string, unknown> = {}
  for (const f of FILLED) if (empty(keep[f]) && !empty(removed[f])) fields[f] = removed[f]
  if (empty(keep.name_local) && !empty(removed.name_local)) {
    fields.name_local = removed.name_local
    fields.local_lang = removed.local_lang
  }
  for (const f of UNITED) {
    const united = [...new Set([...keep[f], ...removed[f]])]
    if (united.length !== keep[f].length) fields[f] = united.slice(0, CAPS[f] ?? united.length)
  }
  if (keep.lat === null && removed.lat !== null) Object.assign(fields, { lat: removed.lat, lon: removed.lon })
  return fields as Partial<BusinessFields>
}

/**
 * Merges `removeId` into `keepId` (decision 0017): the kept listing takes what it lacked, the removed
 * one is archived and leaves a redirect (links to it, and to listings merged into it before, lead to
 * the kept one); both keep their own history rows, which the kept listing's history page shows
 * together. Only moderators of the listings' country, or admins, may merge.
 */
export async function mergeListings(
  db: Kysely<Database>,
  user: CurrentUser,
  keepId: number,
  removeId: number,
): Promise<void> {
  if (keepId === removeId) throw new MergeError('same')
  await db.transaction().execute(async (trx) => {
    const rows = await trx
      .selectFrom('businesses')
      .selectAll()
      .where('id', 'in', [keepId, removeId])
      .forUpdate()
      .execute()
    const keep = rows.find((r) => r.id === keepId)
    const removed = rows.find((r) => r.id === removeId)
    if (!keep || !removed) throw new MergeError('notFound')
    if (!canModerateBusiness(user, keep) || !canModerateBusiness(user, removed))
      throw new MergeError('forbidden')
    if (keep.country_code.trim() !== removed.country_code.trim()) throw new MergeError('country')
    const gone = await trx
      .selectFrom('business_redirects')
      .select('from_id')
      .where('from_id', 'in', [keepId, removeId])
      .execute()
    if (gone.length > 0) throw new MergeError('notFound')
    const [sectors, regions] = await Promise.all([
      trx
        .selectFrom('business_sectors')
        .select(['business_id', 'sector_code'])
        .where('business_id', 'in', [keepId, removeId])
        .orderBy('position')
        .execute(),
      trx
        .selectFrom('business_regions')
        .select(['business_id', 'region_code'])
        .where('business_id', 'in', [keepId, removeId])
        .execute(),
    ])
    const keptSectors = sectors.filter((s) => s.business_id === keepId).map((s) => s.sector_code)
    const removedSectors = sectors.filter((s) => s.business_id === removeId).map((s) => s.sector_code)
    try {
      await writeBusiness(trx, {
        id: keepId,
        expectedVersion: keep.version,
        actorId: user.id,
        action: 'merged',
        note: `#${removeId}`,
        fields: mergedFields(keep, removed),
        // Up to three sectors: the kept listing's first, then the removed one's.
        sectors: [...new Set([...keptSectors, ...removedSectors])].slice(0, 3),
        regions: [...new Set(regions.map((r) => r.region_code))],
      })
      await writeBusiness(trx, {
        id: removeId,
        expectedVersion: removed.version,
        actorId: user.id,
        action: 'merged_into',
        note: `#${keepId}`,
        fields: { status: 'archived', archived_at: new Date() },
      })
    } catch (error) {
      throw error instanceof VersionConflictError ? new MergeError('conflict') : error
    }
    await trx.updateTable('business_redirects').set({ to_id: keepId }).where('to_id', '=', removeId).execute()
    await trx
      .insertInto('business_redirects')
      .values({ from_id: removeId, to_id: keepId, merged_by: user.id })
      .execute()
  })
}

/** Where a link to this listing should lead instead, if it was merged into another. */
export async function redirectTarget(db: Kysely<Database>, id: number): Promise<number | null> {
  const row = await db
    .selectFrom('business_redirects')
    .select('to_id')
    .where('from_id', '=', id)
    .executeTakeFirst()
  return row?.to_id ?? null
}

/** Listings merged into this one (their history belongs to its story). */
export async function mergedInto(db: Kysely<Database>, id: number): Promise<number[]> {
  const rows = await db
    .selectFrom('business_redirects')
    .select('from_id')
    .where('to_id', '=', id)
    .orderBy('from_id')
    .execute()
  return rows.map((r) => r.from_id)
}
