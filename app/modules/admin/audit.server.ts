import type { Kysely } from 'kysely'
import type { Database, HistoryEntity } from '#db/schema'

/** Every admin change leaves a history row: entity, action, who, before and after. */
export async function audit(
  db: Kysely<Database>,
  entry: {
    entity: HistoryEntity
    id: string | number
    action: string
    actorId: string
    before?: unknown
    after?: unknown
    note?: string
  },
) {
  await db
    .insertInto('history')
    .values({
      entity_type: entry.entity,
      entity_id: String(entry.id),
      action: entry.action,
      actor_id: entry.actorId,
      before: entry.before === undefined ? null : JSON.stringify(entry.before),
      after: entry.after === undefined ? null : JSON.stringify(entry.after),
      note: entry.note ?? null,
    })
    .execute()
}

export type AuditEntry = {
  id: number
  entity: HistoryEntity
  entityId: string
  action: string
  actor: string | null
  at: string
  note: string | null
}

/** The admin area's audit log: the newest administrative changes (listings have their own pages). */
export async function recentAdminAudit(db: Kysely<Database>, limit = 50): Promise<AuditEntry[]> {
  const rows = await db
    .selectFrom('history')
    .leftJoin('users', 'users.id', 'history.actor_id')
    .select([
      'history.id',
      'history.entity_type',
      'history.entity_id',
      'history.action',
      'history.note',
      'history.created_at',
      'users.email',
    ])
    .where('history.entity_type', 'in', ['user', 'role_grant', 'council', 'country', 'sector'])
    .orderBy('history.id', 'desc')
    .limit(limit)
    .execute()
  return rows.map((r) => ({
    id: r.id,
    entity: r.entity_type,
    entityId: r.entity_id,
    action: r.action,
    actor: r.email,
    at: new Date(r.created_at).toISOString(),
    note: r.note,
  }))
}
