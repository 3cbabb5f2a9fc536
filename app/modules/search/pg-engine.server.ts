import { type Kysely, type RawBuilder, sql } from 'kysely'
import type { Database } from '#db/schema'
import {
  type Audience,
  type EngineHealth,
  emptyFacets,
  type FacetCounts,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  searchableStatuses,
} from './engine'
import type { FacetName, ListFacet, SearchFilters } from './params'
import { hydrateHits, rebuildSearchData, refreshSearchRows } from './search-data.server'
import { splitQuery } from './tokenize'

/** Relevance ranks at most this many matches (newest first): ts_rank reads every tsvector it ranks. */
const RANK_CANDIDATES = 1000

type Analysed = { tsquery: string | null; gramSets: string[][]; words: string[] }

function textArray(values: readonly string[]) {
  return sql`array[${sql.join(values.map((v) => sql`${v}::text`))}]::text[]`
}

/**
 * Turns the words of a query into one tsquery: each word matches its Russian stem, its English stem or
 * itself, and the last word also as a prefix (typing). Words that are stop words in Russian or English
 * are dropped. The lexemes come back from PostgreSQL already quoted, so the text is safe to cast.
 */
async function analyse(db: Kysely<Database>, q: string): Promise<Analysed> {
  const { words, gramSets } = splitQuery(q)
  if (words.length === 0) return { tsquery: null, gramSets, words }
  const { rows } = await sql<{ ord: number; r: string; e: string; s: string }>`
    select t.ord::int as ord, plainto_tsquery('russian', x.u)::text as r, plainto_tsquery('english', x.u)::text as e,
      plainto_tsquery('simple', x.u)::text as s
    from unnest(${textArray(words)}) with ordinality as t(w, ord)
    cross join lateral (select unaccent(lower(t.w)) as u) x
    order by t.ord`.execute(db)
  const allStop = rows.every((r) => r.r === '' || r.e === '')
  const terms: string[] = []
  rows.forEach((row, index) => {
    if (!allStop && (row.r === '' || row.e === '')) return
    const parts = new Set([row.r, row.e, row.s].filter((p) => p !== ''))
    const isLast = index === rows.length - 1
    if (isLast && /^'[^']{2,}'$/.test(row.s)) parts.add(`${row.s}:*`)
    if (parts.size > 0) terms.push(`(${[...parts].join(' | ')})`)
  })
  return { tsquery: terms.length ? terms.join(' & ') : null, gramSets, words }
}

/** For each unknown word of 3+ letters, the closest known word by trigram similarity (pg_trgm's default 0.3). */
async function correctWords(db: Kysely<Database>, words: string[]): Promise<string[] | null> {
  const candidates = words.filter((w) => w.length >= 3)
  if (candidates.length === 0) return null
  const { rows } = await sql<{ w: string; fix: string | null; known: boolean }>`
    select t.w, exists (select 1 from search_words sw where sw.word = x.u) as known,
      (select sw.word from search_words sw where sw.word % x.u order by similarity(sw.word, x.u) desc, sw.word limit 1) as fix
    from unnest(${textArray(candidates)}) as t(w)
    cross join lateral (select unaccent(lower(t.w)) as u) x`.execute(db)
  const fixes = new Map(rows.filter((r) => !r.known && r.fix).map((r) => [r.w, r.fix as string]))
  if (fixes.size === 0) return null
  return words.map((w) => fixes.get(w) ?? w)
}

type Conditions = { text: RawBuilder<unknown>[]; facet: Record<FacetName, RawBuilder<unknown> | null> }

function statusCondition(audience: Audience) {
  const statuses = searchableStatuses(audience)
  return statuses.length === 1
    ? sql`s.status = ${statuses[0]}`
    : sql`s.status in (${sql.join(statuses.map((st) => sql`${st}`))})`
}

const arrayColumn: Record<Exclude<ListFacet, 'country' | 'size'>, string> = {
  sector: 'sector_codes',
  region: 'region_codes',
  district: 'district_codes',
  coop: 'cooperation_kinds',
}

function facetConditions(filters: SearchFilters): Record<FacetName, RawBuilder<unknown> | null> {
  const arr = (facet: keyof typeof arrayColumn) =>
    filters[facet].length ? sql`${sql.ref(`s.${arrayColumn[facet]}`)} && ${textArray(filters[facet])}` : null
  return {
    country: filters.country.length
      ? sql`s.country_code in (${sql.join(filters.country.map((c) => sql`${c}`))})`
      : null,
    sector: arr('sector'),
    region: arr('region'),
    district: arr('district'),
    coop: arr('coop'),
    size: filters.size.length ? sql`s.size_band in (${sql.join(filters.size.map((v) => sql`${v}`))})` : null,
    verified: filters.verified === null ? null : sql`s.verified = ${filters.verified}`,
  }
}

function baseConditions(request: SearchRequest, analysed: Analysed): RawBuilder<unknown>[] {
  const out = [statusCondition(request.audience)]
  if (analysed.tsquery) out.push(sql`s.doc @@ ${analysed.tsquery}::tsquery`)
  for (const grams of analysed.gramSets) out.push(sql`s.grams @> ${textArray(grams)}`)
  const b = request.bbox
  if (b) {
    // West > east: the box crosses the antimeridian (Fiji, New Zealand, Kamchatka).
    out.push(
      b.west <= b.east
        ? sql`s.geo <@ box(point(${b.west}, ${b.south}), point(${b.east}, ${b.north}))`
        : sql`(s.geo <@ box(point(${b.west}, ${b.south}), point(180, ${b.north})) or s.geo <@ box(point(-180, ${b.south}), point(${b.east}, ${b.north})))`,
    )
  }
  return out
}

function and(parts: RawBuilder<unknown>[]) {
  return parts.length ? sql.join(parts, sql` and `) : sql`true`
}

async function runSearch(db: Kysely<Database>, request: SearchRequest, analysed: Analysed) {
  const base = baseConditions(request, analysed)
  const facets = facetConditions(request.filters)
  const active = Object.values(facets).filter((c): c is RawBuilder<unknown> => c !== null)
  const where = and([...base, ...active])
  const limit = request.perPage
  const offset = (request.page - 1) * request.perPage
  const conditions: Conditions = { text: base, facet: facets }

  let idsQuery: RawBuilder<{ id: number }>
  if (request.sort === 'relevance' && analysed.tsquery) {
    const cap = Math.max(RANK_CANDIDATES, offset + limit)
    idsQuery = sql<{ id: number }>`
      select c.business_id as id from (
        select s.business_id, s.doc, s.sort_date from business_search s where ${where}
        order by s.sort_date desc, s.business_id desc limit ${cap}
      ) c
      order by ts_rank(c.doc, ${analysed.tsquery}::tsquery) desc, c.sort_date desc, c.business_id desc
      limit ${limit} offset ${offset}`
  } else if (request.sort === 'name') {
    const column = sql.ref(request.locale === 'ru' ? 's.name_sort_ru' : 's.name_sort_en')
    idsQuery = sql<{ id: number }>`select s.business_id as id from business_search s where ${where}
      order by ${column} collate "C", s.business_id limit ${limit} offset ${offset}`
  } else {
    idsQuery = sql<{ id: number }>`select s.business_id as id from business_search s where ${where}
      order by s.sort_date desc, s.business_id desc limit ${limit} offset ${offset}`
  }

  const [ids, count, facetCounts] = await Promise.all([
    idsQuery.execute(db),
    sql<{ n: number }>`select count(*)::int as n from business_search s where ${where}`.execute(db),
    countFacets(db, conditions),
  ])
  return { ids: ids.rows.map((r) => r.id), total: Number(count.rows[0]?.n ?? 0), facets: facetCounts }
}

/**
 * Facet counts in one statement: the rows matching the text, audience and map box are read once
 * (materialised), each with a flag per active filter; every facet then counts the rows that pass all
 * the other filters, so choosing Japan still shows how many there are in Korea.
 */
async function countFacets(db: Kysely<Database>, conditions: Conditions): Promise<FacetCounts> {
  const names = Object.keys(conditions.facet) as FacetName[]
  const flag = (name: FacetName) => sql.ref(`f_${name}`)
  const flags = names.map((name) => sql`${conditions.facet[name] ?? sql`true`} as ${flag(name)}`)
  const others = (name: FacetName) =>
    and(names.filter((n) => n !== name && conditions.facet[n] !== null).map((n) => sql`${flag(n)}`))
  const { rows } = await sql<{ facet: FacetName; value: string | null; n: number }>`
    with m as materialized (
      select s.country_code, s.size_band, s.verified, s.sector_codes, s.region_codes, s.district_codes,
        s.cooperation_kinds, ${sql.join(flags)}
      from business_search s where ${and(conditions.text)}
    )
    select 'country' as facet, country_code::text as value, count(*)::int as n from m where ${others('country')} group by 2
    union all select 'size', size_band, count(*)::int from m where ${others('size')} group by 2
    union all select 'verified', verified::text, count(*)::int from m where ${others('verified')} group by 2
    union all select 'sector', v, count(*)::int from m, unnest(sector_codes) v where ${others('sector')} group by 2
    union all select 'region', v, count(*)::int from m, unnest(region_codes) v where ${others('region')} group by 2
    union all select 'district', v, count(*)::int from m, unnest(district_codes) v where ${others('district')} group by 2
    union all select 'coop', v, count(*)::int from m, unnest(cooperation_kinds) v where ${others('coop')} group by 2
  `.execute(db)
  const out = emptyFacets()
  for (const row of rows) {
    if (row.value === null) continue
    const value = row.facet === 'verified' ? (row.value === 'true' ? '1' : '0') : row.value.trim()
    out[row.facet][value] = Number(row.n)
  }
  return out
}

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres'
  constructor(private readonly db: Kysely<Database>) {}

  async search(request: SearchRequest): Promise<SearchResult> {
    let analysed = await analyse(this.db, request.q)
    let found = await runSearch(this.db, request, analysed)
    let correctedQuery: string | null = null
    // Typo tolerance: only when nothing matched as typed, retry with the closest known words.
    if (found.total === 0 && analysed.words.length > 0) {
      const corrected = await correctWords(this.db, analysed.words)
      if (corrected) {
        const q = [...corrected, ...analysed.gramSets.map((g) => g.join(''))].join(' ')
        const retry = await analyse(this.db, q)
        const again = await runSearch(this.db, request, retry)
        if (again.total > 0) {
          analysed = retry
          found = again
          correctedQuery = corrected.join(' ')
        }
      }
    }
    const hits = await hydrateHits(this.db, found.ids, request.locale)
    return {
      hits,
      total: found.total,
      facets: found.facets,
      page: request.page,
      perPage: request.perPage,
      pages: Math.max(1, Math.ceil(found.total / request.perPage)),
      correctedQuery,
      engine: this.name,
    }
  }

  async index(businessIds: number[]) {
    await refreshSearchRows(this.db, businessIds)
  }

  async remove(businessIds: number[]) {
    if (businessIds.length === 0) return
    await this.db.deleteFrom('business_search').where('business_id', 'in', businessIds).execute()
  }

  reindexAll() {
    return rebuildSearchData(this.db)
  }

  async health(): Promise<EngineHealth> {
    try {
      const row = await this.db
        .selectFrom('business_search')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
      return {
        engine: this.name,
        ok: true,
        documents: Number(row.n),
        pending: 0,
        oldestPendingSeconds: null,
        failing: 0,
        message: null,
      }
    } catch (error) {
      return {
        engine: this.name,
        ok: false,
        documents: null,
        pending: 0,
        oldestPendingSeconds: null,
        failing: 0,
        message: error instanceof Error ? error.message : String(error),
      }
    }
  }
}
