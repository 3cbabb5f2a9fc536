import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import { inBBox } from '~/modules/map/points.server'
import type { BBox } from '~/modules/map/query'
import { verifiedNowSql } from '~/modules/upkeep/verification-sql.server'
import { DIRECTORY_PAGE_SIZE, type DirectoryQuery } from './directory-query'

export type DirectoryItem = {
  id: number
  nameRu: string | null
  nameEn: string | null
  nameLocal: string | null
  localLang: string | null
  countryCode: string
  city: string | null
  lat: number | null
  lon: number | null
  verified: boolean
  sectorCodes: string[]
}

/**
 * The public list of published listings. A plain full-text match for now: the
 * search engine port (issue "Search") replaces it with ranked, faceted search.
 */
export async function listPublished(db: Kysely<Database>, query: DirectoryQuery & { bbox?: BBox | null }) {
  let base = db.selectFrom('businesses as b').where('b.status', '=', 'published')
  // The map's "search this area".
  const bbox = query.bbox
  if (bbox) base = base.where((eb) => inBBox(eb, bbox))
  if (query.q) {
    const q = query.q
    const like = `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`
    base = base.where((eb) =>
      eb.or([
        sql<boolean>`(
          to_tsvector('russian', coalesce(b.name_ru, '') || ' ' || coalesce(b.description_ru, '') || ' ' || coalesce(b.city, ''))
          || to_tsvector('english', coalesce(b.name_en, '') || ' ' || coalesce(b.description_en, '') || ' ' || coalesce(b.city, ''))
          || to_tsvector('simple', array_to_string(b.keywords, ' '))
        ) @@ (websearch_to_tsquery('russian', ${q}) || websearch_to_tsquery('english', ${q}))`,
        eb('b.name_local', 'ilike', like),
        eb('b.name_ru', 'ilike', like),
        eb('b.name_en', 'ilike', like),
      ]),
    )
  }

  const totalRow = await base.select((eb) => eb.fn.countAll<number>().as('total')).executeTakeFirstOrThrow()
  const total = Number(totalRow.total)
  const rows = await base
    .select([
      'b.id',
      'b.name_ru',
      'b.name_en',
      'b.name_local',
      'b.local_lang',
      'b.country_code',
      'b.city',
      'b.lat',
      'b.lon',
      verifiedNowSql(sql.ref('b.verified_at')).as('verified'),
      (eb) =>
        eb
          .selectFrom('business_sectors as bs')
          .whereRef('bs.business_id', '=', 'b.id')
          .select(sql<string[]>`coalesce(array_agg(bs.sector_code order by bs.position), '{}')`.as('codes'))
          .as('sector_codes'),
    ])
    // Newest first: the directory is where visitors see who has just joined the map.
    .orderBy('b.published_at', 'desc')
    .orderBy('b.id', 'desc')
    .limit(DIRECTORY_PAGE_SIZE)
    .offset((query.page - 1) * DIRECTORY_PAGE_SIZE)
    .execute()

  const items: DirectoryItem[] = rows.map((r) => ({
    id: r.id,
    nameRu: r.name_ru,
    nameEn: r.name_en,
    nameLocal: r.name_local,
    localLang: r.local_lang,
    countryCode: r.country_code,
    city: r.city,
    lat: r.lat,
    lon: r.lon,
    verified: r.verified,
    sectorCodes: r.sector_codes ?? [],
  }))
  return { items, total, page: query.page, pages: Math.max(1, Math.ceil(total / DIRECTORY_PAGE_SIZE)) }
}
