import type { Kysely } from 'kysely'
import type { BusinessStatus, Database, Locale } from '#db/schema'
import {
  asSnapshot,
  type CodeLabels,
  DIFF_FIELDS,
  diffSnapshots,
  type FieldChange,
  STATE_FIELDS,
} from './diff'
import { listingName } from './names'

export type HistoryEntry = {
  id: number
  /** The listing the entry was written for: this one, or one merged into it. */
  listingId: number
  action: string
  actorName: string | null
  at: string
  note: string | null
  changes: FieldChange[]
}

/** What the history page needs to know about the listing to decide who may read it. */
export async function historySubject(db: Kysely<Database>, id: number, locale: Locale) {
  const row = await db
    .selectFrom('businesses')
    .select(['id', 'name_ru', 'name_en', 'name_local', 'owner_id', 'status', 'country_code'])
    .where('id', '=', id)
    .executeTakeFirst()
  if (!row) return null
  return {
    id: row.id,
    name: listingName(row, locale),
    owner_id: row.owner_id,
    status: row.status as BusinessStatus,
    country_code: row.country_code.trim(),
  }
}

/** A listing's history, newest first: who did what, when, and which fields went from what to what. */
export async function loadBusinessHistory(
  db: Kysely<Database>,
  id: number,
  labels: CodeLabels = {},
  limit = 200,
  mergedIds: number[] = [],
): Promise<HistoryEntry[]> {
  const rows = await db
    .selectFrom('history')
    .leftJoin('users', 'users.id', 'history.actor_id')
    .select([
      'history.id',
      'history.entity_id',
      'history.action',
      'history.before',
      'history.after',
      'history.note',
      'history.created_at',
      'users.name as actor_name',
      'users.email as actor_email',
    ])
    .where('history.entity_type', '=', 'business')
    .where('history.entity_id', 'in', [id, ...mergedIds].map(String))
    .orderBy('history.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => {
    const before = asSnapshot(r.before)
    const after = asSnapshot(r.after) ?? {}
    return {
      id: r.id,
      listingId: Number(r.entity_id),
      action: r.action,
      actorName: r.actor_name || r.actor_email || null,
      at: new Date(r.created_at).toISOString(),
      note: r.note,
      changes: diffSnapshots(before, after, [...STATE_FIELDS, ...DIFF_FIELDS], labels).filter(
        (c) => c.changed,
      ),
    }
  })
}
