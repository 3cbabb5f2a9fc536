import type { Kysely } from 'kysely'
import type { Database, DigestFrequency } from '#db/schema'
import { parseSearchParams, type SearchParams, toSearchParams } from '~/modules/search/params'
import { MAX_SAVED_SEARCHES } from './limits'
import { digestPeriodMs } from './schedule'

export type SavedSearch = {
  id: number
  name: string
  query: string
  frequency: DigestFrequency
  nextDigestAt: Date | null
  createdAt: Date
}

/**
 * The canonical query string of a search without its page and sort: what a saved search stores, so it
 * reopens as the user saw it and two saves of one search store the same text. Null when the search's
 * parameters are invalid (the search page would have shown an error).
 */
export function canonicalQuery(raw: string): { query: string; params: SearchParams } | null {
  const parsed = parseSearchParams(new URLSearchParams(raw.replace(/^\?/, '')))
  if (!parsed.ok) return null
  const params = parsed.value
  const query = toSearchParams({ ...params, page: 1, sort: params.q ? 'relevance' : 'newest' })
  return { query: query.toString(), params }
}

/** Where a saved search opens: its region's page when it is fixed to one region, else the home page. */
export function savedSearchPath(query: string) {
  const params = new URLSearchParams(query)
  const regions = params.getAll('region')
  if (regions.length === 1) {
    params.delete('region')
    const rest = params.toString()
    return `/regions/${regions[0]}${rest ? `?${rest}` : ''}`
  }
  return query ? `/?${query}` : '/'
}

function toSavedSearch(row: {
  id: number
  name: string
  query: string
  frequency: DigestFrequency
  next_digest_at: Date | null
  created_at: Date
}): SavedSearch {
  return {
    id: row.id,
    name: row.name,
    query: row.query,
    frequency: row.frequency,
    nextDigestAt: row.next_digest_at ? new Date(row.next_digest_at) : null,
    createdAt: new Date(row.created_at),
  }
}

const columns = ['id', 'name', 'query', 'frequency', 'next_digest_at', 'created_at'] as const

export async function listSavedSearches(db: Kysely<Database>, userId: string): Promise<SavedSearch[]> {
  const rows = await db
    .selectFrom('saved_searches')
    .select(columns)
    .where('user_id', '=', userId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute()
  return rows.map(toSavedSearch)
}

/**
 * A new saved search is due at once: the job's next run (minutes away) checks it and sets its rhythm.
 * It only ever reports listings published after it was saved, so that first check is usually silent.
 */
export async function createSavedSearch(
  db: Kysely<Database>,
  userId: string,
  input: { name: string; query: string; frequency: DigestFrequency },
  now = new Date(),
): Promise<{ ok: true; search: SavedSearch } | { ok: false; reason: 'tooMany' }> {
  return db.transaction().execute(async (trx) => {
    // The user's row is the lock: two saves at once cannot both pass the limit.
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute()
    const { n } = await trx
      .selectFrom('saved_searches')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('user_id', '=', userId)
      .executeTakeFirstOrThrow()
    if (Number(n) >= MAX_SAVED_SEARCHES) return { ok: false as const, reason: 'tooMany' as const }
    const row = await trx
      .insertInto('saved_searches')
      .values({
        user_id: userId,
        name: input.name,
        query: input.query,
        frequency: input.frequency,
        last_digest_at: now,
        next_digest_at: input.frequency === 'none' ? null : now,
        created_at: now,
        updated_at: now,
      })
      .returning(columns)
      .executeTakeFirstOrThrow()
    return { ok: true as const, search: toSavedSearch(row) }
  })
}

/** Only the owner's own searches are ever touched: every change is scoped by user id. */
function owned(db: Kysely<Database>, userId: string, id: number) {
  return db.updateTable('saved_searches').where('id', '=', id).where('user_id', '=', userId)
}

export async function renameSavedSearch(db: Kysely<Database>, userId: string, id: number, name: string) {
  const row = await owned(db, userId, id)
    .set({ name, updated_at: new Date() })
    .returning(columns)
    .executeTakeFirst()
  return row ? toSavedSearch(row) : null
}

/**
 * Changing the rhythm keeps what is owed: the next digest still covers everything since the last one.
 * Turning mail back on starts from now, so nobody gets a backlog of what came while mail was off.
 */
export async function setSavedSearchFrequency(
  db: Kysely<Database>,
  userId: string,
  id: number,
  frequency: DigestFrequency,
  now = new Date(),
) {
  const current = await db
    .selectFrom('saved_searches')
    .select(['frequency', 'last_digest_at'])
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .executeTakeFirst()
  if (!current) return null
  const wasOff = current.frequency === 'none'
  const last = wasOff ? now : new Date(current.last_digest_at)
  const next =
    frequency === 'none'
      ? null
      : wasOff
        ? now
        : new Date(Math.max(last.getTime() + digestPeriodMs[frequency], now.getTime()))
  const row = await owned(db, userId, id)
    .set({ frequency, last_digest_at: last, next_digest_at: next, updated_at: now })
    .returning(columns)
    .executeTakeFirst()
  return row ? toSavedSearch(row) : null
}

export async function deleteSavedSearch(db: Kysely<Database>, userId: string, id: number) {
  const row = await db
    .deleteFrom('saved_searches')
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .returning('name')
    .executeTakeFirst()
  return row?.name ?? null
}

export type UnsubscribeResult = { state: 'done' | 'already'; name: string } | { state: 'gone' }

/** What an unsubscribe link names, without changing anything (the GET page). */
export async function describeForUnsubscribe(db: Kysely<Database>, id: number): Promise<UnsubscribeResult> {
  const row = await db
    .selectFrom('saved_searches')
    .select(['name', 'frequency'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return { state: 'gone' }
  return { state: row.frequency === 'none' ? 'already' : 'done', name: row.name }
}

/** The one change a signed unsubscribe link may make: this search sends no more mail. */
export async function unsubscribeSavedSearch(db: Kysely<Database>, id: number): Promise<UnsubscribeResult> {
  const before = await describeForUnsubscribe(db, id)
  if (before.state !== 'done') return before
  await db
    .updateTable('saved_searches')
    .set({ frequency: 'none', next_digest_at: null, updated_at: new Date() })
    .where('id', '=', id)
    .execute()
  return before
}
