import { type Kysely, sql } from 'kysely'
import type { Business, BusinessStatus, Database, Locale } from '#db/schema'
import { type CurrentUser, canModerateBusiness, moderatedCountries } from '~/modules/accounts/guard.server'
import { taxonomy, taxonomyLabel } from '~/modules/businesses/taxonomy'
import { type BusinessFields, VersionConflictError, writeBusiness } from '~/modules/businesses/write.server'
import { withPossibleDuplicates } from '~/modules/duplicates/candidates.server'
import { loadReferenceLabels } from '~/modules/reference/labels.server'
import { verifiedNowSql } from '~/modules/upkeep/verification-sql.server'
import { asSnapshot, type CodeLabels, diffSnapshots, type FieldChange } from './diff'
import { listingName } from './names'
import { notifyOwner } from './notify.server'
import { allowedActions, historyActionOf, type ModerationAction, REASON_MAX } from './transitions'

export { listingName }

/** Why a moderation action was refused; routes turn the code into a message in the viewer's language. */
export class ModerationError extends Error {
  constructor(
    readonly code: 'notFound' | 'forbidden' | 'notAllowed' | 'reasonRequired' | 'reasonTooLong' | 'conflict',
    readonly id?: number,
  ) {
    super(`moderation refused: ${code}${id ? ` (#${id})` : ''}`)
  }
}

/** Listing ids in a URL or form: positive integers only, anything else is simply no listing. */
export function parseListingId(raw: unknown): number | null {
  if (typeof raw !== 'string' || !/^[1-9][0-9]{0,9}$/.test(raw)) return null
  const n = Number(raw)
  return n <= 2_147_483_647 ? n : null
}

export type QueueItem = {
  id: number
  name: string
  countryCode: string
  city: string | null
  status: BusinessStatus
  verified: boolean
  submittedAt: string | null
  updatedAt: string
  ownerless: boolean
  version: number
  /** A similar name in the same place (pending listings only): decision 0017. */
  possibleDuplicate: boolean
}

export const QUEUE_STATUSES = ['pending', 'published', 'returned', 'archived'] as const
export type QueueStatus = (typeof QUEUE_STATUSES)[number]

/** One country's listings in one status, oldest submission first (the queue's fairness). */
export async function listQueue(
  db: Kysely<Database>,
  country: string,
  status: QueueStatus,
  locale: Locale,
  limit = 200,
): Promise<QueueItem[]> {
  const rows = await db
    .selectFrom('businesses')
    .select([
      'id',
      'name_ru',
      'name_en',
      'name_local',
      'country_code',
      'city',
      'status',
      verifiedNowSql(sql.ref('verified_at')).as('verified'),
      'submitted_at',
      'updated_at',
      'owner_id',
      'version',
    ])
    .where('country_code', '=', country)
    .where('status', '=', status)
    .orderBy(sql`submitted_at asc nulls last`)
    .orderBy('id')
    .limit(limit)
    .execute()
  const flagged =
    status === 'pending'
      ? await withPossibleDuplicates(
          db,
          rows.map((r) => r.id),
        )
      : new Set<number>()
  return rows.map((r) => ({
    id: r.id,
    name: listingName(r, locale),
    countryCode: r.country_code.trim(),
    city: r.city,
    status: r.status,
    verified: r.verified,
    submittedAt: r.submitted_at ? new Date(r.submitted_at).toISOString() : null,
    updatedAt: new Date(r.updated_at).toISOString(),
    ownerless: r.owner_id === null,
    version: r.version,
    possibleDuplicate: flagged.has(r.id),
  }))
}

export type Dashboard = {
  pending: number
  published: number
  returned: number
  archived: number
  verified: number
  oldestPendingAt: string | null
  /** Whole days the oldest pending listing has waited. */
  oldestPendingDays: number
}

/** The coordinator's dashboard for one country. */
export async function countryDashboard(db: Kysely<Database>, country: string): Promise<Dashboard> {
  const rows = await db
    .selectFrom('businesses')
    .select((eb) => [
      'status',
      eb.fn.countAll<string>().as('n'),
      eb.fn.min('submitted_at').as('oldest'),
      sql<string>`count(*) filter (where ${verifiedNowSql(sql.ref('verified_at'))})`.as('verified'),
    ])
    .where('country_code', '=', country)
    .groupBy('status')
    .execute()
  const by = (s: BusinessStatus) => rows.find((r) => r.status === s)
  const oldest = by('pending')?.oldest
  return {
    pending: Number(by('pending')?.n ?? 0),
    published: Number(by('published')?.n ?? 0),
    returned: Number(by('returned')?.n ?? 0),
    archived: Number(by('archived')?.n ?? 0),
    verified: Number(by('published')?.verified ?? 0),
    oldestPendingAt: oldest ? new Date(oldest as Date).toISOString() : null,
    oldestPendingDays: oldest
      ? Math.floor((Date.now() - new Date(oldest as Date).getTime()) / 86_400_000)
      : 0,
  }
}

/** The countries a moderator may pick on the queue page, with their names. */
export async function moderatorCountryChoices(db: Kysely<Database>, user: CurrentUser, locale: Locale) {
  const scope = moderatedCountries(user)
  let query = db.selectFrom('countries').select(['code', 'name_ru', 'name_en']).orderBy('code')
  if (scope === 'all') query = query.where('in_region', '=', true)
  else if (scope.length === 0) return []
  else query = query.where('code', 'in', scope)
  const rows = await query.execute()
  return rows.map((r) => ({ code: r.code.trim(), name: locale === 'ru' ? r.name_ru : r.name_en }))
}

/**
 * The listing's last published state, reconstructed from history: the newest history row that
 * either published it (`after` has status 'published') or took it off the map (`before` has it, e.g.
 * the owner's edit that sent it back to pending, decision 0005). The second case also covers
 * listings whose publication left no snapshot (imported or demo data).
 * See docs/decisions/0009-moderation-published-snapshot.md.
 */
export async function lastPublishedSnapshot(db: Kysely<Database>, id: number) {
  const row = await db
    .selectFrom('history')
    .select(['before', 'after', 'created_at'])
    .select(sql<boolean>`coalesce("after"->>'status' = 'published', false)`.as('in_after'))
    .where('entity_type', '=', 'business')
    .where('entity_id', '=', String(id))
    .where(sql<boolean>`("after"->>'status' = 'published' or "before"->>'status' = 'published')`)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst()
  if (!row) return null
  const snapshot = asSnapshot(row.in_after ? row.after : row.before)
  const publishedAt = snapshot?.published_at
  return {
    snapshot,
    at: typeof publishedAt === 'string' ? publishedAt : new Date(row.created_at).toISOString(),
  }
}

export async function currentSnapshot(db: Kysely<Database>, business: Business) {
  const [sectors, regions] = await Promise.all([
    db
      .selectFrom('business_sectors')
      .select('sector_code')
      .where('business_id', '=', business.id)
      .orderBy('position')
      .execute(),
    db
      .selectFrom('business_regions')
      .select('region_code')
      .where('business_id', '=', business.id)
      .orderBy('region_code')
      .execute(),
  ])
  return {
    ...business,
    sectors: sectors.map((s) => s.sector_code),
    regions: regions.map((r) => r.region_code),
  } as Record<string, unknown>
}

/** Sector, region and country names for the diff, in the reader's language. */
export async function codeLabels(db: Kysely<Database>, locale: Locale): Promise<CodeLabels> {
  const ref = await loadReferenceLabels(db, { regions: true })
  const pick = (labels: Record<string, { ru: string; en: string }>) =>
    Object.fromEntries(
      Object.entries(labels).map(([code, l]) => [code.trim(), `${l[locale]} (${code.trim()})`]),
    )
  const trade = Object.fromEntries(
    taxonomy
      .flatMap((s) => [s, ...s.divisions])
      .map((c) => [c.code, `${taxonomyLabel(c.code, locale)} (${c.code})`]),
  )
  return {
    sectors: pick(ref.sectors),
    regions: pick(ref.regions),
    country_code: pick(ref.countries),
    offers: trade,
    seeks: trade,
  }
}

export type Review = {
  id: number
  name: string
  status: BusinessStatus
  countryCode: string
  version: number
  verified: boolean
  reason: string | null
  submittedAt: string | null
  ownerEmail: string | null
  /** null: never published before, so everything is new. */
  publishedAt: string | null
  /** 'new': never published; 'changed': compared with the last published state; 'current': not awaiting review. */
  mode: 'new' | 'changed' | 'current'
  changes: FieldChange[]
  actions: ModerationAction[]
}

/**
 * A listing as its council reviews it: the current state side by side with the last published one.
 * Throws ModerationError('notFound') for a listing that does not exist or is outside the moderator's
 * countries — the same answer, so crafted ids learn nothing.
 */
export async function loadReview(
  db: Kysely<Database>,
  user: CurrentUser,
  id: number,
  locale: Locale,
): Promise<Review> {
  const business = await db
    .selectFrom('businesses')
    .selectAll()
    .select(verifiedNowSql(sql.ref('verified_at')).as('verified_now'))
    .where('id', '=', id)
    .executeTakeFirst()
  if (!business || !canModerateBusiness(user, business)) throw new ModerationError('notFound', id)
  const [current, published, owner, labels] = await Promise.all([
    currentSnapshot(db, business),
    lastPublishedSnapshot(db, id),
    business.owner_id
      ? db.selectFrom('users').select('email').where('id', '=', business.owner_id).executeTakeFirst()
      : Promise.resolve(undefined),
    codeLabels(db, locale),
  ])
  return {
    id,
    name: listingName(business, locale),
    status: business.status,
    countryCode: business.country_code.trim(),
    version: business.version,
    verified: business.verified_now,
    reason: business.moderator_reason,
    submittedAt: business.submitted_at ? new Date(business.submitted_at).toISOString() : null,
    ownerEmail: owner?.email ?? null,
    publishedAt: published?.at ?? null,
    // Only a listing awaiting review is compared; any other is shown as it stands.
    mode: business.status !== 'pending' ? 'current' : published ? 'changed' : 'new',
    changes: diffSnapshots(
      business.status === 'pending' ? (published?.snapshot ?? null) : null,
      current,
      undefined,
      labels,
    ),
    actions: allowedActions(business.status, business.verified_now),
  }
}

function fieldsFor(
  action: ModerationAction,
  actorId: string,
  reason: string | null,
): Partial<BusinessFields> {
  const now = new Date()
  switch (action) {
    case 'publish':
    case 'restore':
      return { status: 'published', published_at: now, archived_at: null, moderator_reason: null }
    case 'return':
      return { status: 'returned', moderator_reason: reason, published_at: null }
    case 'verify':
      // A council that verifies a listing also vouches that it is current.
      return { verified_at: now, verified_by: actorId, confirmed_at: now }
    case 'unverify':
      return { verified_at: null, verified_by: null }
    case 'archive':
      return { status: 'archived', archived_at: now }
    case 'reopen':
      return { status: 'pending', archived_at: null, published_at: null, submitted_at: now }
  }
}

export type ModerationRequest = {
  action: ModerationAction
  reason?: string | null
  /** The version the moderator looked at; null skips the check (bulk actions re-check the status). */
  expectedVersion: number | null
}

/**
 * Checks permission, the transition and the reason, then writes through the one listing write path
 * (history row + search/map). Owner e-mails go out after the change is committed.
 */
export async function moderate(
  db: Kysely<Database>,
  user: CurrentUser,
  ids: number[],
  request: ModerationRequest,
): Promise<{ changed: number[] }> {
  const reason = request.reason?.trim() || null
  if (request.action === 'return') {
    if (!reason) throw new ModerationError('reasonRequired')
    if (reason.length > REASON_MAX) throw new ModerationError('reasonTooLong')
  }
  const unique = [...new Set(ids)]
  if (unique.length === 0) throw new ModerationError('notFound')
  const rows = await db
    .selectFrom('businesses')
    .select([
      'id',
      'country_code',
      'status',
      'version',
      verifiedNowSql(sql.ref('verified_at')).as('verified'),
    ])
    .where('id', 'in', unique)
    .execute()
  // Every id is checked before anything is written: one foreign or unknown id refuses the whole batch.
  for (const id of unique) {
    const row = rows.find((r) => r.id === id)
    if (!row || !canModerateBusiness(user, row)) throw new ModerationError('notFound', id)
    if (!allowedActions(row.status, row.verified).includes(request.action)) {
      throw new ModerationError('notAllowed', id)
    }
    if (request.expectedVersion !== null && row.version !== request.expectedVersion) {
      throw new ModerationError('conflict', id)
    }
  }
  const changed: number[] = []
  await db.transaction().execute(async (trx) => {
    for (const row of rows) {
      // The write only matches the version just checked: a concurrent change aborts the whole batch.
      await writeBusiness(trx, {
        id: row.id,
        expectedVersion: row.version,
        actorId: user.id,
        action: historyActionOf[request.action],
        note: request.action === 'return' && reason ? reason : undefined,
        fields: fieldsFor(request.action, user.id, reason),
      }).catch((error) => {
        throw error instanceof VersionConflictError ? new ModerationError('conflict', row.id) : error
      })
      changed.push(row.id)
    }
  })
  if (request.action === 'publish' || request.action === 'return') {
    // The decision stands even if a mail cannot be queued; the owner also sees it in "My businesses".
    for (const id of changed) {
      await notifyOwner(db, id, request.action, reason).catch((error) =>
        console.error('Moderation e-mail failed:', error),
      )
    }
  }
  return { changed }
}
