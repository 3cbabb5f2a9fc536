import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import { verifiedNowSql } from '~/modules/upkeep/verification-sql.server'

export type Count = { code: string; count: number }

/** Statistics are of published listings; the working group also sees the moderation pipeline. */
export async function listingsByCountry(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('businesses')
    .select([
      'country_code as code',
      sql<number>`count(*) filter (where status = 'published')`.as('published'),
      sql<number>`count(*) filter (where status = 'pending')`.as('pending'),
      sql<number>`count(*) filter (where status = 'returned')`.as('returned'),
      sql<number>`count(*) filter (where status = 'published' and ${verifiedNowSql(sql.ref('verified_at'))})`.as(
        'verified',
      ),
    ])
    .groupBy('country_code')
    .execute()
  return rows
    .map((r) => ({
      code: r.code,
      published: Number(r.published),
      pending: Number(r.pending),
      returned: Number(r.returned),
      verified: Number(r.verified),
    }))
    .sort((a, b) => b.published - a.published || a.code.localeCompare(b.code))
}

export async function listingsBySector(db: Kysely<Database>): Promise<Count[]> {
  const rows = await db
    .selectFrom('business_sectors as s')
    .innerJoin('businesses as b', 'b.id', 's.business_id')
    .select(['s.sector_code as code', (eb) => eb.fn.countAll<number>().as('count')])
    .where('b.status', '=', 'published')
    .groupBy('s.sector_code')
    .orderBy('count', 'desc')
    .orderBy('s.sector_code')
    .execute()
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }))
}

export async function listingsByRegionOfInterest(db: Kysely<Database>): Promise<Count[]> {
  const rows = await db
    .selectFrom('business_regions as r')
    .innerJoin('businesses as b', 'b.id', 'r.business_id')
    .select(['r.region_code as code', (eb) => eb.fn.countAll<number>().as('count')])
    .where('b.status', '=', 'published')
    .groupBy('r.region_code')
    .orderBy('count', 'desc')
    .orderBy('r.region_code')
    .execute()
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }))
}

export async function listingsByCooperationKind(db: Kysely<Database>): Promise<Count[]> {
  const { rows } = await sql<{ code: string; count: number }>`
    select kind as code, count(*)::int as count
    from businesses, unnest(cooperation_kinds) as kind
    where status = 'published'
    group by kind
    order by count desc, kind
  `.execute(db)
  return rows.map((r) => ({ code: r.code, count: Number(r.count) }))
}

export type GrowthPoint = { month: string; added: number; total: number }

/** Listings published per month over the last `months`, with the running total. */
export async function growthByMonth(
  db: Kysely<Database>,
  months = 24,
  now = new Date(),
): Promise<GrowthPoint[]> {
  const { rows } = await sql<{ month: string; added: number; before: number }>`
    with bounds as (
      select date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'UTC') - make_interval(months => ${months - 1}) as first
    ),
    series as (
      select generate_series((select first from bounds), date_trunc('month', ${now.toISOString()}::timestamptz at time zone 'UTC'), interval '1 month') as month
    )
    select to_char(s.month, 'YYYY-MM') as month,
      (select count(*)::int from businesses b
        where b.status = 'published'
          and b.published_at at time zone 'UTC' >= s.month and b.published_at at time zone 'UTC' < s.month + interval '1 month') as added,
      (select count(*)::int from businesses b
        where b.status = 'published' and b.published_at at time zone 'UTC' < (select first from bounds)) as before
    from series s
    order by s.month
  `.execute(db)
  let total = Number(rows[0]?.before ?? 0)
  return rows.map((r) => {
    total += Number(r.added)
    return { month: r.month, added: Number(r.added), total }
  })
}

export type ModerationSpeed = {
  code: string
  moderated: number
  medianHours: number | null
  p90Hours: number | null
}

/** Per country council: how long listings waited between submission and publication. */
export async function moderationSpeed(db: Kysely<Database>): Promise<ModerationSpeed[]> {
  const { rows } = await sql<{ code: string; moderated: number; median: number | null; p90: number | null }>`
    select country_code as code,
      count(*)::int as moderated,
      percentile_cont(0.5) within group (order by extract(epoch from published_at - submitted_at) / 3600) as median,
      percentile_cont(0.9) within group (order by extract(epoch from published_at - submitted_at) / 3600) as p90
    from businesses
    where published_at is not null and submitted_at is not null and published_at >= submitted_at
    group by country_code
    order by country_code
  `.execute(db)
  const round = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10)
  return rows.map((r) => ({
    code: r.code,
    moderated: Number(r.moderated),
    medianHours: round(r.median),
    p90Hours: round(r.p90),
  }))
}
