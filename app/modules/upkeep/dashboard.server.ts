import { type Kysely, sql } from 'kysely'
import type { Database, Locale } from '#db/schema'
import { type CurrentUser, hasRole, moderatedCountries } from '~/modules/accounts/guard.server'
import { listingName } from '~/modules/moderation/names'
import { EXPIRY_WARNING_DAYS, STALE_AFTER_MONTHS } from './policy'
import { verificationExpirySql } from './verification-sql.server'

/** Rows shown per list; the count says how many there are in all. */
const LIST_LIMIT = 200

/**
 * Whose listings a user looks after: the working group and admins every country, a coordinator its
 * councils' countries. Anyone else none (the route refuses them).
 */
export function upkeepCountries(user: CurrentUser): 'all' | string[] {
  if (hasRole(user, 'wg_member', 'wg_chair')) return 'all'
  return moderatedCountries(user)
}

export type UpkeepItem = {
  id: number
  name: string
  countryCode: string
  /** The verification's expiry (expiring lists) or the last confirmation (stale list). */
  date: string
  ownerless: boolean
}

export type UpkeepOverview = {
  expiring: { total: number; items: UpkeepItem[] }
  expired: { total: number; items: UpkeepItem[] }
  stale: { total: number; items: UpkeepItem[] }
}

type Scope = 'all' | string[]

function inScope(countries: Scope) {
  return countries === 'all' ? sql<boolean>`true` : sql<boolean>`trim(b.country_code) = any(${countries})`
}

async function list(
  db: Kysely<Database>,
  where: ReturnType<typeof sql<boolean>>,
  date: ReturnType<typeof sql<Date>>,
  order: 'asc' | 'desc',
  locale: Locale,
) {
  const rows = await db
    .selectFrom('businesses as b')
    .select(['b.id', 'b.name_ru', 'b.name_en', 'b.name_local', 'b.country_code', 'b.owner_id'])
    .select(date.as('date'))
    .select(sql<number>`count(*) over ()`.as('total'))
    .where('b.status', '=', 'published')
    .where(where)
    .orderBy(date, order)
    .orderBy('b.id')
    .limit(LIST_LIMIT)
    .execute()
  return {
    total: Number(rows[0]?.total ?? 0),
    items: rows.map((r) => ({
      id: r.id,
      name: listingName(r, locale),
      countryCode: r.country_code.trim(),
      date: new Date(r.date).toISOString(),
      ownerless: r.owner_id === null,
    })),
  }
}

/**
 * What needs a council's attention to keep listings alive (decision 0021): verifications that expire
 * within EXPIRY_WARNING_DAYS (soonest first), those that have expired without renewal, and listings
 * unconfirmed for STALE_AFTER_MONTHS (longest silent first). Published listings only.
 */
export async function upkeepOverview(
  db: Kysely<Database>,
  countries: Scope,
  locale: Locale,
): Promise<UpkeepOverview> {
  const scope = inScope(countries)
  const expiry = verificationExpirySql(sql.ref('b.verified_at')) as ReturnType<typeof sql<Date>>
  const [expiring, expired, stale] = await Promise.all([
    list(
      db,
      sql<boolean>`${scope} and b.verified_at is not null and ${expiry} > now()
        and ${expiry} <= now() + make_interval(days => ${EXPIRY_WARNING_DAYS})`,
      expiry,
      'asc',
      locale,
    ),
    list(
      db,
      sql<boolean>`${scope} and b.verified_at is not null and ${expiry} <= now()`,
      expiry,
      'desc',
      locale,
    ),
    list(
      db,
      sql<boolean>`${scope} and b.confirmed_at <= now() - make_interval(months => ${STALE_AFTER_MONTHS})`,
      sql<Date>`b.confirmed_at`,
      'asc',
      locale,
    ),
  ])
  return { expiring, expired, stale }
}
