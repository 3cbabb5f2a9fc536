import { type Kysely, sql, type Transaction } from 'kysely'
import type { Business, BusinessStatus, Database, NewBusiness } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'

/** Another tab or person saved the listing since this form was loaded. */
export class VersionConflictError extends Error {
  constructor(readonly id: number) {
    super(`Business ${id} was changed by someone else`)
  }
}

export class BusinessNotFoundError extends Error {
  constructor(readonly id: number) {
    super(`Business ${id} not found`)
  }
}

/** Columns a write may set; id, version and the timestamps are the write path's business. */
export type BusinessFields = Omit<NewBusiness, 'id' | 'version' | 'created_at' | 'updated_at'>

export type BusinessWrite = {
  actorId: string | null
  /** history.action, e.g. 'created', 'updated', 'submitted', 'archived'. */
  action: string
  fields: Partial<BusinessFields>
  /** Replaces the listing's sectors (in order) when given. */
  sectors?: string[]
  /** Replaces the listing's Russian regions when given. */
  regions?: string[]
  note?: string
  /** A bulk change inside the caller's transaction tells search once, with all its ids. */
  deferSearch?: boolean
} & ({ id?: undefined; expectedVersion?: undefined } | { id: number; expectedVersion: number | null })

type Snapshot = Business & { sectors: string[]; regions: string[] }

async function snapshot(trx: Transaction<Database>, id: number): Promise<Snapshot | null> {
  const row = await trx.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirst()
  if (!row) return null
  const [sectors, regions] = await Promise.all([
    trx
      .selectFrom('business_sectors')
      .select('sector_code')
      .where('business_id', '=', id)
      .orderBy('position')
      .execute(),
    trx
      .selectFrom('business_regions')
      .select('region_code')
      .where('business_id', '=', id)
      .orderBy('region_code')
      .execute(),
  ])
  return { ...row, sectors: sectors.map((s) => s.sector_code), regions: regions.map((r) => r.region_code) }
}

/**
 * THE write path of listings: every change to a business goes through here. In one transaction it
 * inserts or updates the row (an update only if `version` is still the one the editor loaded:
 * optimistic concurrency, the loser gets VersionConflictError), replaces sectors and regions, bumps
 * `version`, writes the history row (before/after) and tells search (onBusinessesChanged).
 */
export async function writeBusiness(
  db: Kysely<Database>,
  write: BusinessWrite,
): Promise<{ id: number; version: number }> {
  // Inside a caller's transaction (bulk moderation: all or nothing) it joins that transaction.
  if (db.isTransaction) return writeInTransaction(db as Transaction<Database>, write)
  return db.transaction().execute((trx) => writeInTransaction(trx, write))
}

async function writeInTransaction(
  trx: Transaction<Database>,
  write: BusinessWrite,
): Promise<{ id: number; version: number }> {
  {
    let before: Snapshot | null = null
    let id: number
    let version: number
    if (write.id === undefined) {
      const inserted = await trx
        .insertInto('businesses')
        .values({
          ...(write.fields as NewBusiness),
          messengers: JSON.stringify(write.fields.messengers ?? {}),
        })
        .returning(['id', 'version'])
        .executeTakeFirstOrThrow()
      id = inserted.id
      version = inserted.version
    } else {
      before = await snapshot(trx, write.id)
      if (!before) throw new BusinessNotFoundError(write.id)
      const fields = { ...write.fields } as Record<string, unknown>
      if (write.fields.messengers !== undefined) fields.messengers = JSON.stringify(write.fields.messengers)
      let query = trx
        .updateTable('businesses')
        .set({ ...fields, version: sql`version + 1`, updated_at: sql`now()` })
        .where('id', '=', write.id)
      if (write.expectedVersion !== null) query = query.where('version', '=', write.expectedVersion)
      const updated = await query.returning(['id', 'version']).executeTakeFirst()
      if (!updated) throw new VersionConflictError(write.id)
      id = updated.id
      version = updated.version
    }
    if (write.sectors) {
      await trx.deleteFrom('business_sectors').where('business_id', '=', id).execute()
      if (write.sectors.length > 0) {
        await trx
          .insertInto('business_sectors')
          .values(write.sectors.map((code, position) => ({ business_id: id, sector_code: code, position })))
          .execute()
      }
    }
    if (write.regions) {
      await trx.deleteFrom('business_regions').where('business_id', '=', id).execute()
      if (write.regions.length > 0) {
        await trx
          .insertInto('business_regions')
          .values([...new Set(write.regions)].map((code) => ({ business_id: id, region_code: code })))
          .execute()
      }
    }
    const after = await snapshot(trx, id)
    await trx
      .insertInto('history')
      .values({
        entity_type: 'business',
        entity_id: String(id),
        action: write.action,
        actor_id: write.actorId,
        before: before ? JSON.stringify(before) : null,
        after: JSON.stringify(after),
        note: write.note ?? null,
      })
      .execute()
    if (!write.deferSearch) await onBusinessesChanged(trx, [id])
    return { id, version }
  }
}

export type NewListing = { fields: BusinessFields; sectors: string[]; regions: string[] }

/**
 * The bulk form of writeBusiness for new listings (a council's import): the same rows, sectors,
 * regions and history, in a few statements per 500 listings instead of ten per listing. It runs in
 * the caller's transaction and does not tell search: the caller does, once, with every id.
 */
export async function insertBusinesses(
  trx: Transaction<Database>,
  listings: NewListing[],
  actorId: string | null,
  action: string,
  onChunk?: (count: number) => void,
): Promise<number[]> {
  const ids: number[] = []
  for (let start = 0; start < listings.length; start += 500) {
    const chunk = listings.slice(start, start + 500)
    const inserted = await trx
      .insertInto('businesses')
      .values(chunk.map((l) => ({ ...l.fields, messengers: JSON.stringify(l.fields.messengers ?? {}) })))
      .returning(['id', 'external_id'])
      .execute()
    // PostgreSQL returns VALUES order in practice but does not promise it: match by external id.
    const byExternalId = new Map(inserted.map((r) => [r.external_id, r.id]))
    const chunkIds = chunk.map((l, i) =>
      l.fields.external_id ? (byExternalId.get(l.fields.external_id) as number) : (inserted[i]?.id as number),
    )
    const sectorRows = chunk.flatMap((l, i) =>
      l.sectors.map((code, position) => ({
        business_id: chunkIds[i] as number,
        sector_code: code,
        position,
      })),
    )
    const regionRows = chunk.flatMap((l, i) =>
      [...new Set(l.regions)].map((code) => ({ business_id: chunkIds[i] as number, region_code: code })),
    )
    if (sectorRows.length > 0) await trx.insertInto('business_sectors').values(sectorRows).execute()
    if (regionRows.length > 0) await trx.insertInto('business_regions').values(regionRows).execute()
    const stored = await trx.selectFrom('businesses').selectAll().where('id', 'in', chunkIds).execute()
    const byId = new Map(stored.map((row) => [row.id, row]))
    await trx
      .insertInto('history')
      .values(
        chunk.map((l, i) => {
          const id = chunkIds[i] as number
          return {
            entity_type: 'business',
            entity_id: String(id),
            action,
            actor_id: actorId,
            before: null,
            after: JSON.stringify({
              ...byId.get(id),
              sectors: l.sectors,
              regions: [...new Set(l.regions)].sort(),
            }),
          }
        }),
      )
      .execute()
    ids.push(...chunkIds)
    onChunk?.(chunk.length)
  }
  return ids
}

/**
 * Deleting a listing outright is only for drafts that never left their owner (an account deletion):
 * the history row keeps what it was.
 */
async function deleteDraft(db: Kysely<Database>, id: number, actorId: string) {
  await db.transaction().execute(async (trx) => {
    const before = await snapshot(trx, id)
    if (!before) return
    await trx.deleteFrom('businesses').where('id', '=', id).execute()
    await trx
      .insertInto('history')
      .values({
        entity_type: 'business',
        entity_id: String(id),
        action: 'deleted',
        actor_id: actorId,
        before: JSON.stringify(before),
        after: null,
      })
      .execute()
    await onBusinessesChanged(trx, [id])
  })
}

/** Account deletion: archive everything the owner has on the map; drop drafts that never got that far. */
export async function archiveAllOf(db: Kysely<Database>, ownerId: string) {
  const rows = await db
    .selectFrom('businesses')
    .select(['id', 'status'])
    .where('owner_id', '=', ownerId)
    .where('status', '<>', 'archived')
    .execute()
  for (const row of rows) {
    const status: BusinessStatus = row.status
    if (status === 'draft') {
      await deleteDraft(db, row.id, ownerId)
      continue
    }
    await writeBusiness(db, {
      id: row.id,
      expectedVersion: null,
      actorId: ownerId,
      action: 'archived',
      note: 'account deleted',
      fields: { status: 'archived', archived_at: new Date() },
    })
  }
}
