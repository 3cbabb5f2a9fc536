import type { Kysely } from 'kysely'
import type { Business, Database, ImportReport, ImportResult } from '#db/schema'
import type { CurrentUser } from '~/modules/accounts/guard.server'
import { loadEditorOptions, optionCodes } from '~/modules/businesses/editor.server'
import { type ListingContent, listingContent, sameContent } from '~/modules/businesses/listing-fields.server'
import type { ListingFormValue } from '~/modules/businesses/listing-schema'
import { insertBusinesses, type NewListing, writeBusiness } from '~/modules/businesses/write.server'
import type { Locale } from '~/modules/i18n/locales'
import type { Translator } from '~/modules/i18n/translate'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { findDuplicates } from './duplicates.server'
import { isFailure, parseImportFile } from './parse.server'
import { checkImportRows, failureMessage } from './validate.server'

/** A valid row kept between the check and the commit. */
export type StoredRow = { rowNumber: number; externalId: string; value: ListingFormValue }

export type ImportProgress = { done: number; total: number }

/** Progress of the imports this process is running (another replica's show as running only). */
const running = new Map<number, ImportProgress>()

export function importProgress(id: number): ImportProgress | null {
  return running.get(id) ?? null
}

export function cleanFileName(name: string) {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what is removed
  const clean = name.replace(/[\u0000-\u001f\u007f/\\]/g, '').trim()
  return (clean || 'import').slice(0, 200)
}

async function existingByExternalId(db: Kysely<Database>, countryCode: string, externalIds: string[]) {
  const found = new Map<string, Business & { sectors: string[]; regions: string[] }>()
  for (let start = 0; start < externalIds.length; start += 1000) {
    const chunk = externalIds.slice(start, start + 1000)
    if (chunk.length === 0) continue
    const rows = await db
      .selectFrom('businesses')
      .selectAll()
      .where('country_code', '=', countryCode)
      .where('external_id', 'in', chunk)
      .execute()
    if (rows.length === 0) continue
    const ids = rows.map((r) => r.id)
    const [sectors, regions] = await Promise.all([
      db
        .selectFrom('business_sectors')
        .select(['business_id', 'sector_code'])
        .where('business_id', 'in', ids)
        .orderBy('business_id')
        .orderBy('position')
        .execute(),
      db
        .selectFrom('business_regions')
        .select(['business_id', 'region_code'])
        .where('business_id', 'in', ids)
        .execute(),
    ])
    for (const row of rows) {
      found.set(row.external_id as string, {
        ...row,
        sectors: sectors.filter((s) => s.business_id === row.id).map((s) => s.sector_code),
        regions: regions.filter((r) => r.business_id === row.id).map((r) => r.region_code),
      })
    }
  }
  return found
}

export type CheckOutcome = { failure: string } | { id: number }

/**
 * The dry run: reads the file, checks every row with the editor's schema, and looks for listings
 * the valid rows would update (same external number) or duplicate (same name and city, or
 * website). Nothing is written to the directory; the checked rows wait in `imports` for the commit.
 */
export async function checkImport(
  db: Kysely<Database>,
  input: {
    user: CurrentUser
    countryCode: string
    fileName: string
    bytes: Uint8Array
    t: Translator
    locale: Locale
  },
): Promise<CheckOutcome> {
  const { t, locale, countryCode } = input
  const table = await parseImportFile(input.bytes)
  if (isFailure(table)) return { failure: failureMessage(t, table) }
  const codes = optionCodes(await loadEditorOptions(db))
  const checked = checkImportRows(table, { t, locale, countryCode, codes })
  const fatal = checked.problems.some((p) => p.fatal)
  const valid: StoredRow[] = fatal
    ? []
    : checked.rows.flatMap((r) =>
        r.value ? [{ rowNumber: r.rowNumber, externalId: r.externalId, value: r.value }] : [],
      )
  const existing = await existingByExternalId(
    db,
    countryCode,
    valid.map((r) => r.externalId),
  )
  const fresh = valid.filter((r) => !existing.has(r.externalId))
  const duplicates = await findDuplicates(
    db,
    countryCode,
    fresh.map((r) => ({ key: r.rowNumber, externalId: r.externalId, content: listingContent(r.value) })),
  )
  const report: ImportReport = {
    totalRows: checked.rows.length,
    problems: checked.problems,
    errors: fatal ? [] : checked.rows.flatMap((r) => r.errors.map((e) => ({ rowNumber: r.rowNumber, ...e }))),
    duplicates: fresh.flatMap((r) => {
      const d = duplicates.get(r.rowNumber)
      const v = r.value
      return d ? [{ rowNumber: r.rowNumber, name: v.nameRu || v.nameEn || v.nameLocal || '', ...d }] : []
    }),
    updates: valid.length - fresh.length,
  }
  const inserted = await db
    .insertInto('imports')
    .values({
      country_code: countryCode,
      actor_id: input.user.id,
      file_name: cleanFileName(input.fileName),
      file_bytes: input.bytes.byteLength,
      report: JSON.stringify(report),
      rows: JSON.stringify(valid),
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  return { id: inserted.id }
}

export type ImportRecord = {
  id: number
  countryCode: string
  fileName: string
  fileBytes: number
  state: 'checked' | 'running' | 'done' | 'failed'
  targetStatus: 'pending' | 'published' | null
  validRows: number
  report: ImportReport
  result: ImportResult | null
  createdAt: string
  finishedAt: string | null
  actorName: string | null
}

export async function loadImport(db: Kysely<Database>, id: number): Promise<ImportRecord | null> {
  const row = await db
    .selectFrom('imports')
    .leftJoin('users', 'users.id', 'imports.actor_id')
    .select([
      'imports.id',
      'imports.country_code',
      'imports.file_name',
      'imports.file_bytes',
      'imports.state',
      'imports.target_status',
      'imports.report',
      'imports.result',
      'imports.created_at',
      'imports.finished_at',
      'users.name as actor_name',
    ])
    .select((eb) => eb.fn<number>('jsonb_array_length', ['imports.rows']).as('valid_rows'))
    .where('imports.id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    countryCode: row.country_code.trim(),
    fileName: row.file_name,
    fileBytes: row.file_bytes,
    state: row.state,
    targetStatus: row.target_status,
    validRows: Number(row.valid_rows),
    report: row.report,
    result: row.result,
    createdAt: new Date(row.created_at).toISOString(),
    finishedAt: row.finished_at ? new Date(row.finished_at).toISOString() : null,
    actorName: row.actor_name,
  }
}

export async function listImports(db: Kysely<Database>, countryCode: string, limit = 20) {
  const rows = await db
    .selectFrom('imports')
    .leftJoin('users', 'users.id', 'imports.actor_id')
    .select([
      'imports.id',
      'imports.file_name',
      'imports.state',
      'imports.result',
      'imports.created_at',
      'users.name as actor_name',
    ])
    .select((eb) => eb.fn<number>('jsonb_array_length', ['imports.rows']).as('valid_rows'))
    .where('imports.country_code', '=', countryCode)
    .orderBy('imports.created_at', 'desc')
    .orderBy('imports.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    fileName: r.file_name,
    state: r.state,
    result: r.result,
    validRows: Number(r.valid_rows),
    createdAt: new Date(r.created_at).toISOString(),
    actorName: r.actor_name,
  }))
}

export class ImportStateError extends Error {
  constructor(readonly state: string) {
    super(`Import is ${state}`)
  }
}

/**
 * Claims a checked import for its commit: only one request wins (a double click or a second tab
 * gets ImportStateError), and a failed one may be tried again.
 */
export async function claimImport(
  db: Kysely<Database>,
  id: number,
  options: { status: 'pending' | 'published'; skipDuplicates: boolean },
) {
  const claimed = await db
    .updateTable('imports')
    .set({
      state: 'running',
      target_status: options.status,
      skip_duplicates: options.skipDuplicates,
      started_at: new Date(),
      finished_at: null,
    })
    .where('id', '=', id)
    .where('state', 'in', ['checked', 'failed'])
    .returning('id')
    .executeTakeFirst()
  if (!claimed) {
    const row = await db.selectFrom('imports').select('state').where('id', '=', id).executeTakeFirst()
    throw new ImportStateError(row?.state ?? 'missing')
  }
}

/**
 * Imports the claimed file's valid rows in ONE transaction: new external numbers become listings,
 * known ones are updated only when their content differs (so re-importing a file changes nothing),
 * likely duplicates are skipped if the coordinator asked so. A crash or error rolls everything back
 * and the import is marked failed; search hears of all the listings once, in the same transaction.
 */
export async function runImport(db: Kysely<Database>, id: number, actorId: string): Promise<ImportResult> {
  const imp = await db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
  if (imp.state !== 'running') throw new ImportStateError(imp.state)
  const rows = imp.rows as StoredRow[]
  const countryCode = imp.country_code.trim()
  const status = imp.target_status ?? 'pending'
  const progress: ImportProgress = { done: 0, total: rows.length }
  running.set(id, progress)
  try {
    const result = await db.transaction().execute(async (trx) => {
      const now = new Date()
      const existing = await existingByExternalId(
        trx,
        countryCode,
        rows.map((r) => r.externalId),
      )
      const content = new Map<number, ListingContent>(rows.map((r) => [r.rowNumber, listingContent(r.value)]))
      const fresh = rows.filter((r) => !existing.has(r.externalId))
      // Checked again now: the directory may have changed since the dry run.
      const duplicates = imp.skip_duplicates
        ? await findDuplicates(
            trx,
            countryCode,
            fresh.map((r) => ({
              key: r.rowNumber,
              externalId: r.externalId,
              content: content.get(r.rowNumber) as ListingContent,
            })),
          )
        : new Map()
      const result: ImportResult = { created: 0, updated: 0, unchanged: 0, skippedDuplicates: 0, ids: [] }
      const statusFields = (before: Business | undefined) => ({
        status,
        submitted_at: status === 'pending' ? now : (before?.submitted_at ?? now),
        published_at: status === 'published' ? (before?.published_at ?? now) : null,
        moderator_reason: null,
        archived_at: null,
      })
      for (const row of rows) {
        const before = existing.get(row.externalId)
        if (!before) continue
        const fields = content.get(row.rowNumber) as ListingContent
        if (sameContent(before, fields, row.value.sectors, row.value.regions)) {
          result.unchanged++
        } else {
          await writeBusiness(trx, {
            id: before.id,
            expectedVersion: null,
            actorId,
            action: 'imported',
            note: `import #${id}`,
            deferSearch: true,
            fields: {
              ...fields,
              consent_at: before.consent_at ?? now,
              ...(before.status === status ? {} : statusFields(before)),
            },
            sectors: row.value.sectors,
            regions: row.value.regions,
          })
          result.updated++
          result.ids.push(before.id)
        }
        progress.done++
      }
      const toInsert: NewListing[] = []
      for (const row of fresh) {
        if (duplicates.has(row.rowNumber)) {
          result.skippedDuplicates++
          progress.done++
          continue
        }
        toInsert.push({
          fields: {
            ...(content.get(row.rowNumber) as ListingContent),
            owner_id: null,
            external_id: row.externalId,
            consent_at: now,
            ...statusFields(undefined),
          },
          sectors: row.value.sectors,
          regions: row.value.regions,
        })
      }
      const created = await insertBusinesses(trx, toInsert, actorId, 'imported', (n) => {
        progress.done += n
      })
      result.created = created.length
      result.ids.push(...created)
      await onBusinessesChanged(trx, result.ids)
      await trx
        .updateTable('imports')
        .set({ state: 'done', result: JSON.stringify(result), finished_at: new Date() })
        .where('id', '=', id)
        .execute()
      return result
    })
    return result
  } catch (error) {
    await db
      .updateTable('imports')
      .set({ state: 'failed', finished_at: new Date() })
      .where('id', '=', id)
      .execute()
      .catch(() => {})
    throw error
  } finally {
    running.delete(id)
  }
}
