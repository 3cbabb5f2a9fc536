import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database, Locale } from '#db/schema'
import { verifiedNowSql } from '~/modules/upkeep/verification-sql.server'
import type { SearchHit } from './engine'

const SEARCHABLE = sql`('published', 'pending', 'returned')`

/**
 * The PostgreSQL search row of each listing, computed set-based in SQL: weighted tsvectors over the
 * `simple` and `russian` configurations of unaccented text (the `russian` configuration stems Latin words
 * with the English stemmer) (names A, keywords and city B,
 * descriptions C, country D), CJK/Thai bigrams, facet arrays and locale sort keys.
 * `scope` limits the rows (`b.id = any(...)`), or is absent for all of them.
 */
function upsertRows(scope: RawBuilder<unknown> | null) {
  const where = scope ? sql`and ${scope}` : sql``
  return sql`
    insert into business_search (business_id, status, country_code, sector_codes, region_codes, district_codes,
      cooperation_kinds, offer_codes, seek_codes, verified, size_band, geo, sort_date, name_sort_ru, name_sort_en,
      doc, grams)
    select b.id, b.status, b.country_code,
      coalesce(sec.codes, '{}'), coalesce(reg.codes, '{}'), coalesce(reg.districts, '{}'),
      b.cooperation_kinds, tr.offers, tr.seeks, ${verifiedNowSql(sql.ref('b.verified_at'))}, b.size_band,
      case when b.lat is null then null else point(b.lon, b.lat) end,
      coalesce(b.published_at, b.submitted_at, b.created_at),
      case when k.ru ~ '^[0-9]' then '0' when k.ru ~ '^[а-я]' then '1' when k.ru ~ '^[a-z]' then '2' else '3' end || k.ru,
      case when k.en ~ '^[0-9]' then '0' when k.en ~ '^[a-z]' then '1' when k.en ~ '^[а-я]' then '2' else '3' end || k.en,
      -- 'russian' stems Cyrillic words with the Russian and Latin words with the English snowball stemmer,
      -- and 'simple' keeps every word as written, so an 'english' vector would only repeat them.
      setweight(to_tsvector('simple', t.names) || to_tsvector('russian', t.names), 'A')
        || setweight(to_tsvector('simple', t.words) || to_tsvector('russian', t.words), 'B')
        || setweight(to_tsvector('russian', t.desc_ru || ' ' || t.desc_en), 'C')
        || setweight(to_tsvector('russian', t.country), 'D'),
      search_grams(concat_ws(' ', b.name_local, b.name_ru, b.name_en, c.name_local, array_to_string(b.keywords, ' ')))
    from businesses b
    left join search_cities c on c.geoname_id = b.city_geoname_id
    left join countries co on co.code = b.country_code
    left join lateral (
      select array_agg(bs.sector_code order by bs.position, bs.sector_code) as codes
      from business_sectors bs where bs.business_id = b.id
    ) sec on true
    left join lateral (
      select array_agg(distinct br.region_code) as codes, array_agg(distinct rr.district_code) as districts
      from business_regions br join russian_regions rr on rr.code = br.region_code where br.business_id = b.id
    ) reg on true
    cross join lateral (
      select ${tradeTokens(sql`b.offers`)} as offers, ${tradeTokens(sql`b.seeks`)} as seeks
    ) tr
    cross join lateral (
      select
        unaccent(concat_ws(' ', b.name_ru, b.name_en, b.name_local)) as names,
        unaccent(concat_ws(' ', array_to_string(b.keywords, ' '), b.city, c.name_ru, c.name_en, c.name_local)) as words,
        unaccent(coalesce(b.description_ru, '')) as desc_ru,
        unaccent(coalesce(b.description_en, '')) as desc_en,
        concat_ws(' ', co.name_ru, co.name_en) as country
    ) t
    cross join lateral (
      select
        search_sort_key(unaccent(coalesce(nullif(trim(b.name_ru), ''), nullif(trim(b.name_en), ''), b.name_local))) as ru,
        search_sort_key(unaccent(coalesce(nullif(trim(b.name_en), ''), nullif(trim(b.name_ru), ''), b.name_local))) as en
    ) k
    where b.status in ${SEARCHABLE} ${where}
    on conflict (business_id) do update set
      status = excluded.status, country_code = excluded.country_code, sector_codes = excluded.sector_codes,
      region_codes = excluded.region_codes, district_codes = excluded.district_codes,
      cooperation_kinds = excluded.cooperation_kinds, offer_codes = excluded.offer_codes,
      seek_codes = excluded.seek_codes, verified = excluded.verified, size_band = excluded.size_band,
      geo = excluded.geo, sort_date = excluded.sort_date, name_sort_ru = excluded.name_sort_ru,
      name_sort_en = excluded.name_sort_en, doc = excluded.doc, grams = excluded.grams,
      seq = nextval('business_search_seq')`
}

/**
 * The matching tokens of a listing's offers or seeks (the rule is explained in
 * app/modules/businesses/taxonomy.ts, storedTradeTokens): a section 'C' stores 'C' and 'C*', a division
 * '10' stores '10' and its section 'C'.
 */
function tradeTokens(codes: RawBuilder<unknown>) {
  return sql`coalesce((
    select array_agg(distinct v.t order by v.t)
    from unnest(${codes}) as c(code)
    left join sector_divisions d on d.code = c.code
    cross join lateral (values (c.code), (coalesce(d.section_code, c.code || '*'))) as v(t)
  ), '{}')`
}

/** Words of names, cities and keywords for typo correction (unaccented, lower case, 3+ letters, no CJK). */
function upsertWords(scope: RawBuilder<unknown> | null) {
  const where = scope ? sql`and ${scope}` : sql``
  return sql`
    insert into search_words (word)
    select distinct w
    from businesses b
    left join search_cities c on c.geoname_id = b.city_geoname_id
    cross join lateral regexp_split_to_table(
      lower(unaccent(concat_ws(' ', b.name_ru, b.name_en, array_to_string(b.keywords, ' '), b.city, c.name_ru, c.name_en))),
      '[^[:alnum:]]+') as w
    where b.status in ${SEARCHABLE} ${where}
      and length(w) between 3 and 40 and w !~ '[0-9]'
      and w !~ '[\\u0e00-\\u0e7f\\u3040-\\u30ff\\u3400-\\u9fff\\uac00-\\ud7af]'
    on conflict (word) do nothing`
}

/** Brings the search rows of these listings up to date (inserted, changed or no longer searchable). */
export async function refreshSearchRows(db: Kysely<Database>, ids: number[]): Promise<void> {
  const unique = [...new Set(ids)].filter((id) => Number.isSafeInteger(id))
  if (unique.length === 0) return
  if (!db.isTransaction) return db.transaction().execute((trx) => refreshSearchRows(trx, unique))
  // One array parameter, whatever the number of ids (a council import may touch thousands).
  const list = sql`${`{${unique.join(',')}}`}::int[]`
  // Writers of search rows take their turn (lock first, then the next seq), so seq grows in commit order
  // and an app process that has read up to seq N never misses a row committed later with a smaller one.
  await sql`select id from search_state where id = 1 for update`.execute(db)
  await sql`delete from business_search s where s.business_id = any(${list}) and not exists (
    select 1 from businesses b where b.id = s.business_id and b.status in ${SEARCHABLE})`.execute(db)
  await upsertRows(sql`b.id = any(${list})`).execute(db)
  await upsertWords(sql`b.id = any(${list})`).execute(db)
}

/** Rebuilds every search row in one set-based pass (the demo seed and `npm run search:reindex`). */
export async function rebuildSearchData(db: Kysely<Database>): Promise<{ documents: number }> {
  return db.transaction().execute(async (trx) => {
    await sql`select id from search_state where id = 1 for update`.execute(trx)
    await sql`truncate business_search, search_words`.execute(trx)
    await upsertRows(null).execute(trx)
    await upsertWords(null).execute(trx)
    await sql`analyze business_search`.execute(trx)
    await sql`analyze search_words`.execute(trx)
    const row = await trx
      .selectFrom('business_search')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow()
    return { documents: Number(row.n) }
  })
}

/** List items for ids, in the given order, with the city in the viewer's language. */
export async function hydrateHits(db: Kysely<Database>, ids: number[], locale: Locale): Promise<SearchHit[]> {
  if (ids.length === 0) return []
  const rows = await db
    .selectFrom('businesses as b')
    .leftJoin('search_cities as c', 'c.geoname_id', 'b.city_geoname_id')
    .leftJoin('business_search as s', 's.business_id', 'b.id')
    .select([
      'b.id',
      'b.name_ru',
      'b.name_en',
      'b.name_local',
      'b.local_lang',
      'b.country_code',
      'b.city',
      'b.status',
      'b.lat',
      'b.lon',
      sql<boolean>`coalesce(s.verified, false)`.as('verified'),
      locale === 'ru' ? 'c.name_ru as city_name' : 'c.name_en as city_name',
      's.sector_codes',
    ])
    .where('b.id', 'in', ids)
    .execute()
  const byId = new Map(rows.map((r) => [r.id, r]))
  return ids.flatMap((id) => {
    const r = byId.get(id)
    if (!r) return []
    return [
      {
        id: r.id,
        nameRu: r.name_ru,
        nameEn: r.name_en,
        nameLocal: r.name_local,
        localLang: r.local_lang,
        countryCode: r.country_code.trim(),
        city: r.city_name ?? r.city,
        verified: r.verified,
        sectorCodes: r.sector_codes ?? [],
        status: r.status,
        lat: r.lat,
        lon: r.lon,
      },
    ]
  })
}
