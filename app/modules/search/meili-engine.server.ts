import { type Kysely, sql } from 'kysely'
import { Meilisearch, type MultiSearchQuery, type Settings } from 'meilisearch'
import type { Database } from '#db/schema'
import { isWholeSectionToken, wantedTradeTokens } from '~/modules/businesses/taxonomy'
import {
  type EngineHealth,
  emptyFacets,
  type SearchEngine,
  type SearchRequest,
  type SearchResult,
  searchableStatuses,
} from './engine'
import { type FacetName, listFacets } from './params'
import { hydrateHits } from './search-data.server'

export type MeiliOptions = { host: string; apiKey?: string; index: string }

/** Our facet names and the document attributes they filter. */
const facetAttribute: Record<FacetName, string> = {
  country: 'country_code',
  sector: 'sector_codes',
  region: 'region_codes',
  district: 'district_codes',
  coop: 'cooperation_kinds',
  offers: 'offer_codes',
  seeks: 'seek_codes',
  size: 'size_band',
  verified: 'verified',
}

type MeiliDocument = {
  id: number
  status: string
  names: string[]
  keywords: string[]
  city_names: string[]
  description_ru: string
  description_en: string
  country_names: string[]
  grams: string
  country_code: string
  sector_codes: string[]
  region_codes: string[]
  district_codes: string[]
  cooperation_kinds: string[]
  offer_codes: string[]
  seek_codes: string[]
  verified: boolean
  size_band: string | null
  _geo: { lat: number; lng: number } | null
  sort_date: number
  name_sort_ru: string
  name_sort_en: string
}

/**
 * Index settings: searchable attributes in rank order (names, then keywords and city, then descriptions),
 * filters and sorts matching the PostgreSQL engine, typo tolerance, and ru/en synonyms of legal forms.
 */
export const meiliSettings: Settings = {
  searchableAttributes: [
    'names',
    'keywords',
    'city_names',
    'description_ru',
    'description_en',
    'country_names',
    'grams',
  ],
  filterableAttributes: [
    'status',
    'country_code',
    'sector_codes',
    'region_codes',
    'district_codes',
    'cooperation_kinds',
    'offer_codes',
    'seek_codes',
    'verified',
    'size_band',
    '_geo',
  ],
  sortableAttributes: ['sort_date', 'name_sort_ru', 'name_sort_en'],
  displayedAttributes: ['id'],
  rankingRules: ['words', 'typo', 'proximity', 'attribute', 'sort', 'exactness', 'sort_date:desc'],
  typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
  synonyms: {
    ооо: ['llc', 'ltd'],
    llc: ['ооо'],
    ltd: ['ооо'],
    ао: ['jsc'],
    jsc: ['ао'],
    ип: ['sole proprietor'],
    логистика: ['logistics'],
    logistics: ['логистика'],
    туризм: ['tourism'],
    tourism: ['туризм'],
  },
  faceting: { maxValuesPerFacet: 200 },
  pagination: { maxTotalHits: 1_000_000 },
}

/** Documents for Meilisearch, read from the PostgreSQL search rows (the same facets and sort keys). */
async function loadDocuments(db: Kysely<Database>, ids: number[] | null, afterId = 0, limit = 5000) {
  const scope = ids
    ? sql`s.business_id = any(${`{${ids.join(',')}}`}::int[])`
    : sql`s.business_id > ${afterId}`
  const { rows } = await sql<
    Omit<MeiliDocument, 'grams'> & { grams: string[]; lat: number | null; lon: number | null }
  >`
    select s.business_id as id, s.status, array_remove(array[b.name_ru, b.name_en, b.name_local], null) as names,
      b.keywords, array_remove(array[b.city, c.name_ru, c.name_en, c.name_local], null) as city_names,
      coalesce(b.description_ru, '') as description_ru, coalesce(b.description_en, '') as description_en,
      array_remove(array[co.name_ru, co.name_en], null) as country_names, s.grams,
      trim(s.country_code) as country_code, s.sector_codes, s.region_codes, s.district_codes, s.cooperation_kinds,
      s.offer_codes, s.seek_codes,
      s.verified, s.size_band, b.lat, b.lon, extract(epoch from s.sort_date)::float8 as sort_date,
      s.name_sort_ru, s.name_sort_en
    from business_search s
    join businesses b on b.id = s.business_id
    left join search_cities c on c.geoname_id = b.city_geoname_id
    left join countries co on co.code = b.country_code
    where ${scope}
    order by s.business_id
    limit ${ids ? ids.length : limit}`.execute(db)
  return rows.map(({ lat, lon, grams, ...rest }) => ({
    ...rest,
    grams: grams.join(' '),
    _geo: lat === null || lon === null ? null : { lat, lng: lon },
  }))
}

function quote(value: string) {
  return `"${value.replace(/["\\]/g, (c) => `\\${c}`)}"`
}

function filterExpressions(request: SearchRequest, except: FacetName | null): string[] {
  const out = [`status IN [${searchableStatuses(request.audience).map(quote).join(', ')}]`]
  const f = request.filters
  for (const facet of listFacets) {
    if (facet === except || f[facet].length === 0) continue
    // Offers and seeks match by tokens (a section matches its divisions): see businesses/taxonomy.ts.
    const values = facet === 'offers' || facet === 'seeks' ? wantedTradeTokens(f[facet]) : f[facet]
    out.push(`${facetAttribute[facet]} IN [${values.map(quote).join(', ')}]`)
  }
  if (except !== 'verified' && f.verified !== null) out.push(`verified = ${f.verified}`)
  const b = request.bbox
  if (b) {
    // Top-right corner, then bottom-left; a box across the antimeridian is two boxes.
    const box = (west: number, east: number) =>
      `_geoBoundingBox([${b.north}, ${east}], [${b.south}, ${west}])`
    out.push(b.west <= b.east ? box(b.west, b.east) : `(${box(b.west, 180)} OR ${box(-180, b.east)})`)
  }
  return out
}

export class MeiliSearchEngine implements SearchEngine {
  readonly name = 'meilisearch'
  private readonly client: Meilisearch
  private readonly uid: string

  constructor(
    private readonly db: Kysely<Database>,
    options: MeiliOptions,
  ) {
    this.client = new Meilisearch({ host: options.host, apiKey: options.apiKey })
    this.uid = options.index
  }

  async search(request: SearchRequest): Promise<SearchResult> {
    const sort =
      request.sort === 'name'
        ? [request.locale === 'ru' ? 'name_sort_ru:asc' : 'name_sort_en:asc', 'sort_date:desc']
        : request.sort === 'newest' || !request.q
          ? ['sort_date:desc']
          : undefined
    const active = (Object.keys(facetAttribute) as FacetName[]).filter((facet) =>
      facet === 'verified' ? request.filters.verified !== null : request.filters[facet].length > 0,
    )
    const inactive = (Object.keys(facetAttribute) as FacetName[]).filter((facet) => !active.includes(facet))
    // One request: the page with the facets of unfiltered attributes, then one count-only query per active
    // filter without that filter, so each facet respects the other filters.
    const queries: MultiSearchQuery[] = [
      {
        indexUid: this.uid,
        q: request.q,
        filter: filterExpressions(request, null),
        sort,
        page: request.page,
        hitsPerPage: request.perPage,
        facets: inactive.map((f) => facetAttribute[f]),
        attributesToRetrieve: ['id'],
      },
      ...active.map((facet) => ({
        indexUid: this.uid,
        q: request.q,
        filter: filterExpressions(request, facet),
        hitsPerPage: 0,
        facets: [facetAttribute[facet]],
      })),
    ]
    const response = await this.client.multiSearch({ queries })
    const [main, ...perFacet] = response.results
    if (!main) throw new Error('Meilisearch returned no results')
    const facets = emptyFacets()
    const fill = (facet: FacetName, distribution: Record<string, Record<string, number>> | undefined) => {
      for (const [value, n] of Object.entries(distribution?.[facetAttribute[facet]] ?? {})) {
        if (n > 0 && !isWholeSectionToken(value))
          facets[facet][facet === 'verified' ? (value === 'true' ? '1' : '0') : value] = n
      }
    }
    for (const facet of inactive) fill(facet, main.facetDistribution)
    active.forEach((facet, i) => {
      fill(facet, perFacet[i]?.facetDistribution)
    })
    const total = main.totalHits ?? main.estimatedTotalHits ?? 0
    const ids = main.hits.map((h) => Number(h.id))
    return {
      hits: await hydrateHits(this.db, ids, request.locale),
      total,
      facets,
      page: request.page,
      perPage: request.perPage,
      pages: Math.max(1, Math.ceil(total / request.perPage)),
      correctedQuery: null,
      engine: this.name,
    }
  }

  async index(businessIds: number[]) {
    const ids = [...new Set(businessIds)].filter((id) => Number.isSafeInteger(id))
    if (ids.length === 0) return
    const documents = await loadDocuments(this.db, ids)
    const present = new Set(documents.map((d) => d.id))
    const gone = ids.filter((id) => !present.has(id))
    if (documents.length)
      await this.client.index(this.uid).addDocuments(documents, { primaryKey: 'id' }).waitTask()
    if (gone.length) await this.client.index(this.uid).deleteDocuments(gone).waitTask()
  }

  async remove(businessIds: number[]) {
    if (businessIds.length === 0) return
    await this.client.index(this.uid).deleteDocuments(businessIds).waitTask()
  }

  /** Builds a fresh index beside the live one and swaps them, so searches never see a half-built index. */
  async reindexAll() {
    const next = `${this.uid}_next`
    await this.client.deleteIndexIfExists(next)
    await this.client.createIndex(this.uid, { primaryKey: 'id' }).waitTask()
    await this.client.createIndex(next, { primaryKey: 'id' }).waitTask()
    await this.client.index(next).updateSettings(meiliSettings).waitTask()
    let afterId = 0
    let documents = 0
    for (;;) {
      const batch = await loadDocuments(this.db, null, afterId)
      if (batch.length === 0) break
      await this.client.index(next).addDocuments(batch, { primaryKey: 'id' }).waitTask({ timeout: 120_000 })
      documents += batch.length
      afterId = batch[batch.length - 1]?.id ?? afterId
    }
    await this.client.swapIndexes([{ indexes: [this.uid, next], rename: false }]).waitTask()
    await this.client.deleteIndex(next).waitTask()
    return { documents }
  }

  /**
   * An index built by an earlier release lacks filters added since (offers and seeks, migration 0017):
   * bring its settings up to date. Meilisearch re-indexes in the background; documents without the new
   * attributes match no filter on them, as listings without offers should.
   */
  async syncSettings(): Promise<boolean> {
    const index = this.client.index(this.uid)
    const current = await index.getSettings()
    const names = (list: unknown[] | null | undefined) =>
      JSON.stringify((list ?? []).map((v) => (typeof v === 'string' ? v : JSON.stringify(v))).sort())
    if (names(current.filterableAttributes) === names(meiliSettings.filterableAttributes)) return false
    await index.updateSettings(meiliSettings).waitTask({ timeout: 120_000 })
    return true
  }

  async dropIndex() {
    await this.client.deleteIndexIfExists(this.uid)
  }

  async health(): Promise<EngineHealth> {
    try {
      await this.client.health()
      const stats = await this.client
        .index(this.uid)
        .getStats()
        .catch((error: unknown) => {
          // A missing index is a state to fill (the worker builds it), not an outage.
          if ((error as { cause?: { code?: string } }).cause?.code === 'index_not_found')
            return { numberOfDocuments: 0 }
          throw error
        })
      return {
        engine: this.name,
        ok: true,
        documents: stats.numberOfDocuments,
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
