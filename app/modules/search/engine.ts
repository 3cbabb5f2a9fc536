import type { BusinessStatus, Locale } from '#db/schema'
import type { BBox, FacetName, SearchFilters, SearchSort } from './params'

/**
 * Who is searching decides what is searchable: the public sees published listings; the working group
 * and moderators also pending and returned ones (roles arrive with the accounts issue).
 */
export type Audience = 'public' | 'staff'

export function searchableStatuses(audience: Audience): BusinessStatus[] {
  return audience === 'public' ? ['published'] : ['published', 'pending', 'returned']
}

export type SearchRequest = {
  q: string
  filters: SearchFilters
  bbox: BBox | null
  sort: SearchSort
  page: number
  perPage: number
  locale: Locale
  audience: Audience
}

export type SearchHit = {
  id: number
  nameRu: string | null
  nameEn: string | null
  nameLocal: string | null
  localLang: string | null
  countryCode: string
  /** The city in the viewer's language (the gazetteer's name), else as entered. */
  city: string | null
  verified: boolean
  sectorCodes: string[]
  status: BusinessStatus
  lat: number | null
  lon: number | null
}

/** Counts per value of each filter, each computed with every other filter applied (not its own). */
export type FacetCounts = Record<FacetName, Record<string, number>>

export type SearchResult = {
  hits: SearchHit[]
  total: number
  facets: FacetCounts
  page: number
  perPage: number
  pages: number
  /** Set when nothing matched as typed and the engine searched a corrected spelling instead. */
  correctedQuery: string | null
  engine: string
  /** Milliseconds per step, where the engine measures them (sent as Server-Timing by the API). */
  timings?: Record<string, number>
}

export type EngineHealth = {
  engine: string
  ok: boolean
  /** Listings in the search data / index. */
  documents: number | null
  /** Writes waiting in the outbox (Meilisearch) and the age of the oldest, in seconds. */
  pending: number
  oldestPendingSeconds: number | null
  failing: number
  message: string | null
}

/** The search port: every engine answers the same contract (tests/integration/search-engine.contract.test.ts). */
export interface SearchEngine {
  readonly name: string
  search(request: SearchRequest): Promise<SearchResult>
  /** Brings these listings up to date in the engine (inserted, changed, or no longer searchable). */
  index(businessIds: number[]): Promise<void>
  remove(businessIds: number[]): Promise<void>
  reindexAll(): Promise<{ documents: number }>
  health(): Promise<EngineHealth>
}

export function emptyFacets(): FacetCounts {
  return {
    country: {},
    sector: {},
    region: {},
    district: {},
    coop: {},
    offers: {},
    seeks: {},
    size: {},
    verified: {},
  }
}
