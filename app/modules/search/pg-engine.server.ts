import { type Kysely, sql } from 'kysely'
import type { Database } from '#db/schema'
import {
  type Audience,
  type EngineHealth,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  searchableStatuses,
} from './engine'
import { type FacetIndex, facetIndexFor, type ListingPoint } from './facet-index.server'
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

function statusCondition(audience: Audience) {
  const statuses = searchableStatuses(audience)
  return statuses.length === 1
    ? sql`s.status = ${statuses[0]}`
    : sql`s.status in (${sql.join(statuses.map((st) => sql`${st}`))})`
}

function intArray(ids: number[]) {
  return sql`${`{${ids.join(',')}}`}::int[]`
}

/**
 * PostgreSQL finds the listings matching the words (GIN on the tsvector and the CJK bigrams); the facet
 * index (facet-index.server.ts) applies filters, map box and sort order, counts the total and the facets;
 * PostgreSQL ranks a bounded set of candidates by relevance.
 */
type Timings = Record<string, number>

/** Adds the time of a step to `timings` (reported as Server-Timing by the API and by the benchmark). */
async function timed<T>(timings: Timings, name: string, step: () => Promise<T> | T): Promise<T> {
  const started = performance.now()
  try {
    return await step()
  } finally {
    timings[name] = (timings[name] ?? 0) + performance.now() - started
  }
}

/** The listings a query's words match (null when the query has no words), and the words as analysed. */
type TextMatch = { analysed: Analysed; textIds: Int32Array | null; correctedQuery: string | null }

async function matchWords(
  db: Kysely<Database>,
  index: FacetIndex,
  audience: Audience,
  analysed: Analysed,
  timings: Timings,
): Promise<Int32Array | null> {
  if (!analysed.tsquery && analysed.gramSets.length === 0) return null
  const key = JSON.stringify([audience, analysed.tsquery, analysed.gramSets])
  const cached = index.cachedMatch(key)
  if (cached) {
    timings.cached = 1
    return cached
  }
  const conditions = [statusCondition(audience)]
  if (analysed.tsquery) conditions.push(sql`s.doc @@ ${analysed.tsquery}::tsquery`)
  for (const grams of analysed.gramSets) conditions.push(sql`s.grams @> ${textArray(grams)}`)
  const { rows } = await timed(timings, 'match', () =>
    sql<{ id: number }>`select s.business_id as id from business_search s
        where ${sql.join(conditions, sql` and `)}`.execute(db),
  )
  const ids = Int32Array.from(rows, (r) => r.id)
  index.rememberMatch(key, ids)
  return ids
}

/**
 * The text half of a search: the words as typed, and when they match nothing (whatever the filters), the
 * closest known words instead (typo tolerance). Shared by the list and the map, so both match alike.
 */
async function matchText(
  db: Kysely<Database>,
  index: FacetIndex,
  audience: Audience,
  q: string,
  timings: Timings,
): Promise<TextMatch> {
  const analysed = await timed(timings, 'analyse', () => analyse(db, q))
  const textIds = await matchWords(db, index, audience, analysed, timings)
  if (textIds?.length === 0 && analysed.words.length > 0) {
    const words = analysed.words
    const corrected = await timed(timings, 'typo', () => correctWords(db, words))
    if (corrected) {
      const fixed = [...corrected, ...analysed.gramSets.map((g) => g.join(''))].join(' ')
      const retry = await timed(timings, 'analyse', () => analyse(db, fixed))
      const again = await matchWords(db, index, audience, retry, timings)
      if ((again?.length ?? 0) > 0)
        return { analysed: retry, textIds: again, correctedQuery: corrected.join(' ') }
    }
  }
  return { analysed, textIds, correctedQuery: null }
}

async function runSearch(db: Kysely<Database>, request: SearchRequest, timings: Timings) {
  const index = await timed(timings, 'index', () => facetIndexFor(db))
  const { analysed, textIds, correctedQuery } = await matchText(
    db,
    index,
    request.audience,
    request.q,
    timings,
  )
  const evaluated = await timed(timings, 'facets', () =>
    index.evaluate({
      audience: request.audience,
      textIds,
      bbox: request.bbox,
      filters: request.filters,
      order: request.sort === 'name' ? 'name' : 'newest',
      locale: request.locale,
    }),
  )
  const limit = request.perPage
  const offset = (request.page - 1) * request.perPage
  let ids = evaluated.ids.slice(offset, offset + limit)
  if (request.sort === 'relevance' && analysed.tsquery && evaluated.ids.length > 0) {
    const candidates = evaluated.ids.slice(0, Math.max(RANK_CANDIDATES, offset + limit))
    const tsquery = analysed.tsquery
    const { rows } = await timed(timings, 'rank', () =>
      sql<{ id: number }>`
      select s.business_id as id from business_search s where s.business_id = any(${intArray(candidates)})
      order by ts_rank(s.doc, ${tsquery}::tsquery) desc, s.sort_date desc, s.business_id desc
      limit ${limit} offset ${offset}`.execute(db),
    )
    ids = rows.map((r) => r.id)
  }
  return { ids, total: evaluated.total, facets: evaluated.facets, correctedQuery }
}

export type MatchRequest = Pick<SearchRequest, 'q' | 'filters' | 'bbox' | 'audience'>

/**
 * Every listing a search matches, with its point, without paging, ranking or facets: what the map
 * clusters. The same text matching (typo correction, CJK bigrams, keywords, city names) and the same
 * filters as `search`, so the map and the list cannot disagree. Listings without coordinates are left
 * out (they are in the list, not on a map). `version` changes whenever the search data does.
 */
export async function matchingPoints(
  db: Kysely<Database>,
  request: MatchRequest,
): Promise<{ points: ListingPoint[]; correctedQuery: string | null; version: string; timings: Timings }> {
  const timings: Timings = {}
  const index = await timed(timings, 'index', () => facetIndexFor(db))
  const { textIds, correctedQuery } = await matchText(db, index, request.audience, request.q, timings)
  const points = await timed(timings, 'filter', () =>
    index.points(
      index.evaluate({
        audience: request.audience,
        textIds,
        bbox: request.bbox,
        filters: request.filters,
        order: 'newest',
        locale: 'ru',
        facets: false,
      }).ids,
    ),
  )
  return { points, correctedQuery, version: index.version, timings }
}

/**
 * Every listing a search matches, newest first, without paging or facets: what an export writes.
 * Unlike `matchingPoints`, listings without coordinates are included.
 */
export async function matchingIds(db: Kysely<Database>, request: MatchRequest): Promise<readonly number[]> {
  const timings: Timings = {}
  const index = await facetIndexFor(db)
  const { textIds } = await matchText(db, index, request.audience, request.q, timings)
  return index.evaluate({
    audience: request.audience,
    textIds,
    bbox: request.bbox,
    filters: request.filters,
    order: 'newest',
    locale: 'ru',
    facets: false,
  }).ids
}

/** The version of the search data this process holds (one indexed query to check it is current). */
export async function searchDataVersion(db: Kysely<Database>): Promise<string> {
  return (await facetIndexFor(db)).version
}

export class PostgresSearchEngine implements SearchEngine {
  readonly name = 'postgres'
  constructor(private readonly db: Kysely<Database>) {}

  async search(request: SearchRequest): Promise<SearchResult> {
    const timings: Timings = {}
    const found = await runSearch(this.db, request, timings)
    const ids = found.ids
    const hits = await timed(timings, 'hydrate', () => hydrateHits(this.db, ids, request.locale))
    return {
      hits,
      total: found.total,
      facets: found.facets,
      page: request.page,
      perPage: request.perPage,
      pages: Math.max(1, Math.ceil(found.total / request.perPage)),
      correctedQuery: found.correctedQuery,
      engine: this.name,
      timings,
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
