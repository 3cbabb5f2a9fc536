import { type Kysely, sql } from 'kysely'
import type { Database, Locale } from '#db/schema'
import type { SearchHit } from '~/modules/search/engine'
import { hydrateHits } from '~/modules/search/search-data.server'
import { byTaxonomyOrder, tradeCodesMatch, wantedTradeTokens } from './taxonomy'

export const MATCHES_SHOWN = 5

export type TradeMatch = SearchHit & {
  /** The other listing's codes that answer this one's (shown as "matches: …"). */
  matchedCodes: string[]
}

export type TradeMatches = {
  /** Published listings that seek what this one offers. */
  seekingOffers: { items: TradeMatch[]; total: number }
  /** Published listings that offer what this one seeks. */
  offeringSeeks: { items: TradeMatch[]; total: number }
}

type Listing = { id: number; countryCode: string; offers: string[]; seeks: string[]; regionCodes: string[] }

/**
 * The complementary listings of one listing, from the search rows (only published ones: the public
 * page shows them to anyone). `want` are this listing's codes; `side` is the other listings' column.
 * Ranked by how many of this listing's codes they answer, then the same country, then shared Russian
 * regions, then the newest. One indexed overlap (GIN on offer_codes/seek_codes) finds the candidates.
 */
async function oneSide(
  db: Kysely<Database>,
  listing: Listing,
  want: string[],
  side: 'offer_codes' | 'seek_codes',
  locale: Locale,
): Promise<{ items: TradeMatch[]; total: number }> {
  if (want.length === 0) return { items: [], total: 0 }
  const arr = (codes: string[]) => sql`${`{${codes.map((c) => `"${c}"`).join(',')}}`}::text[]`
  const column = sql.ref(`s.${side}`)
  const overlap = sql.join(
    want.map((code) => sql`(${column} && ${arr(wantedTradeTokens([code]))})::int`),
    sql` + `,
  )
  const regions = listing.regionCodes.length > 0 ? listing.regionCodes : ['-']
  const { rows } = await sql<{ id: number; total: number; codes: string[] }>`
    select s.business_id as id, count(*) over ()::int as total,
      ${side === 'offer_codes' ? sql`b.offers` : sql`b.seeks`} as codes
    from business_search s
    join businesses b on b.id = s.business_id
    where s.status = 'published' and s.business_id <> ${listing.id}
      and ${column} && ${arr(wantedTradeTokens(want))}
    order by ${overlap} desc,
      (trim(s.country_code) = ${listing.countryCode}) desc,
      cardinality(array(select unnest(s.region_codes) intersect select unnest(${arr(regions)}))) desc,
      s.sort_date desc, s.business_id desc
    limit ${MATCHES_SHOWN}`.execute(db)
  const hits = await hydrateHits(
    db,
    rows.map((r) => r.id),
    locale,
  )
  const codesOf = new Map(rows.map((r) => [r.id, r.codes]))
  return {
    total: rows[0]?.total ?? 0,
    items: hits.map((hit) => ({
      ...hit,
      matchedCodes: (codesOf.get(hit.id) ?? [])
        .filter((have) => want.some((w) => tradeCodesMatch(w, have)))
        .sort(byTaxonomyOrder),
    })),
  }
}

/** Who seeks what this listing offers, and who offers what it seeks. */
export async function findTradeMatches(
  db: Kysely<Database>,
  listing: Listing,
  locale: Locale,
): Promise<TradeMatches> {
  const seekingOffers = await oneSide(db, listing, listing.offers, 'seek_codes', locale)
  const offeringSeeks = await oneSide(db, listing, listing.seeks, 'offer_codes', locale)
  return { seekingOffers, offeringSeeks }
}
