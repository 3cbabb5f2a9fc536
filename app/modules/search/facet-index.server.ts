import { type Kysely, sql } from 'kysely'
import { LRUCache } from 'lru-cache'
import type { Database, Locale } from '#db/schema'
import { isWholeSectionToken, wantedTradeTokens } from '~/modules/businesses/taxonomy'
import type { Audience, FacetCounts } from './engine'
import { emptyFacets, searchableStatuses } from './engine'
import type { BBox, ListFacet, SearchFilters } from './params'

/**
 * The facet data of every search row, held per app process in compact arrays (about 40 bytes a listing).
 *
 * Exact facet counts need every matching row: PostgreSQL took 0.8 s for that at 100,000 listings
 * (unnest + hash aggregate over the whole match set), far beyond a 30 ms budget, while a plain loop over
 * arrays in memory takes a few milliseconds. PostgreSQL stays the source of truth: before each search one
 * indexed query (`max(seq)` and the delete counter, migration 0007) tells whether this copy is current;
 * changed rows are read by `seq`, and a delete makes the next search reload everything. Text matching,
 * ranking and the listing data stay in PostgreSQL.
 */
type Dict = { codes: string[]; index: Map<string, number> }

function dict(): Dict {
  return { codes: [], index: new Map() }
}
function codeOf(d: Dict, value: string) {
  let i = d.index.get(value)
  if (i === undefined) {
    i = d.codes.length
    d.codes.push(value)
    d.index.set(value, i)
  }
  return i
}

type Row = {
  business_id: number
  status: string
  country_code: string
  size_band: string | null
  verified: boolean
  sector_codes: string[]
  region_codes: string[]
  district_codes: string[]
  cooperation_kinds: string[]
  offer_codes: string[]
  seek_codes: string[]
  lat: number | null
  lon: number | null
  sort_ms: number
  name_sort_ru: string
  name_sort_en: string
  seq: number
}

const arrayFacets = ['sector', 'region', 'district', 'coop', 'offers', 'seeks'] as const
type ArrayFacet = (typeof arrayFacets)[number]
const ARRAYS = arrayFacets.length
const SIZE = ARRAYS + 1
const VERIFIED = ARRAYS + 2

function emptyArrays(): Record<ArrayFacet, number[][]> {
  return { sector: [], region: [], district: [], coop: [], offers: [], seeks: [] }
}
type Order = 'newest' | 'name_ru' | 'name_en'

const MATCH_CACHE_IDS = 2_000_000

function inc(counts: Int32Array, i: number) {
  counts[i] = (counts[i] as number) + 1
}

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

/** A search's matching ids (in order) and facet counts; `ids` is shared and must not be changed. */
export type EvaluateResult = { total: number; ids: readonly number[]; facets: FacetCounts }

export class FacetIndex {
  private seq = 0
  private deletes = -1
  private readonly dicts = {
    status: dict(),
    country: dict(),
    size: dict(),
    sector: dict(),
    region: dict(),
    district: dict(),
    coop: dict(),
    offers: dict(),
    seeks: dict(),
  }
  private ids: number[] = []
  private rowOf = new Map<number, number>()
  private status: number[] = []
  private country: number[] = []
  private size: number[] = []
  private verified: boolean[] = []
  private arrays: Record<ArrayFacet, number[][]> = emptyArrays()
  private lat: number[] = []
  private lon: number[] = []
  private sortMs: number[] = []
  private nameRu: string[] = []
  private nameEn: string[] = []
  private refreshing: Promise<void> | null = null

  constructor(private readonly db: Kysely<Database>) {}

  /** Changes whenever the copy does (a changed row or a delete): cached results built from it key on it. */
  get version() {
    return `${this.deletes}:${this.seq}`
  }

  /** The points of these listings (main sector first), skipping those without coordinates: what a map clusters. */
  points(ids: ArrayLike<number>): ListingPoint[] {
    const out: ListingPoint[] = []
    const sectors = this.dicts.sector.codes
    for (let i = 0; i < ids.length; i++) {
      const id = ids[i] as number
      const r = this.rowOf.get(id)
      if (r === undefined) continue
      const lat = this.lat[r] as number
      const lon = this.lon[r] as number
      if (Number.isNaN(lat) || Number.isNaN(lon)) continue
      const main = this.arrays.sector[r]?.[0]
      out.push({ id, lon, lat, sector: main === undefined ? null : (sectors[main] ?? null) })
    }
    return out
  }

  /** Brings this copy up to date with the database (one indexed query when nothing changed). */
  async refresh() {
    this.refreshing ??= this.doRefresh().finally(() => {
      this.refreshing = null
    })
    return this.refreshing
  }

  private async doRefresh() {
    const { rows } = await sql<{ seq: number | null; deletes: number }>`
      select (select max(seq) from business_search)::float8 as seq, deletes::float8 as deletes from search_state where id = 1`.execute(
      this.db,
    )
    const state = rows[0]
    const seq = Number(state?.seq ?? 0)
    const deletes = Number(state?.deletes ?? 0)
    if (deletes !== this.deletes) {
      this.reset()
      this.deletes = deletes
    } else if (seq === this.seq) {
      return
    }
    const changed = await sql<Row>`
      select business_id, status, trim(country_code) as country_code, size_band, verified, sector_codes, region_codes,
        district_codes, cooperation_kinds, offer_codes, seek_codes, geo[1] as lat, geo[0] as lon,
        (extract(epoch from sort_date) * 1000)::float8 as sort_ms, name_sort_ru, name_sort_en, seq::float8 as seq
      from business_search where seq > ${this.seq} order by seq`.execute(this.db)
    for (const row of changed.rows) this.put(row)
    if (changed.rows.length) {
      this.seq = Number(changed.rows[changed.rows.length - 1]?.seq ?? this.seq)
      this.compiled = null
      this.matches.clear()
      this.results.clear()
      this.results.clear()
    }
    if (seq > this.seq) this.seq = seq
  }

  private reset() {
    this.seq = 0
    this.ids = []
    this.rowOf = new Map()
    this.status = []
    this.country = []
    this.size = []
    this.verified = []
    this.arrays = emptyArrays()
    this.lat = []
    this.lon = []
    this.sortMs = []
    this.nameRu = []
    this.nameEn = []
    this.compiled = null
    this.matches.clear()
    this.results.clear()
  }

  private put(row: Row) {
    let r = this.rowOf.get(row.business_id)
    if (r === undefined) {
      r = this.ids.length
      this.ids.push(row.business_id)
      this.rowOf.set(row.business_id, r)
    }
    this.status[r] = codeOf(this.dicts.status, row.status)
    this.country[r] = codeOf(this.dicts.country, row.country_code)
    this.size[r] = row.size_band === null ? -1 : codeOf(this.dicts.size, row.size_band)
    this.verified[r] = row.verified
    this.arrays.sector[r] = row.sector_codes.map((v) => codeOf(this.dicts.sector, v))
    this.arrays.region[r] = row.region_codes.map((v) => codeOf(this.dicts.region, v))
    this.arrays.district[r] = row.district_codes.map((v) => codeOf(this.dicts.district, v))
    this.arrays.coop[r] = row.cooperation_kinds.map((v) => codeOf(this.dicts.coop, v))
    this.arrays.offers[r] = row.offer_codes.map((v) => codeOf(this.dicts.offers, v))
    this.arrays.seeks[r] = row.seek_codes.map((v) => codeOf(this.dicts.seeks, v))
    this.lat[r] = row.lat === null ? Number.NaN : Number(row.lat)
    this.lon[r] = row.lon === null ? Number.NaN : Number(row.lon)
    this.sortMs[r] = Number(row.sort_ms)
    this.nameRu[r] = row.name_sort_ru
    this.nameEn[r] = row.name_sort_en
  }

  /**
   * Recently matched word queries (key: the tsquery and bigram sets) and their listing ids, dropped whenever
   * the data changes. Popular words ("логистика", a big city) match a large share of listings, and reading
   * those rows back from the GIN index is the slowest step of a search; the cache holds at most
   * MATCH_CACHE_IDS ids in all (least recently used first out). SEARCH_MATCH_CACHE=0 turns it off.
   */
  private matches = new Map<string, Int32Array>()
  // Searches without words, by their filters: the home page, region pages and the map ask the same few
  // again and again, and counting every facet over 100,000 listings is most of a page's CPU. Cleared
  // whenever the data changes; sized by ids held (~16 MB at most).
  private readonly results = new LRUCache<string, EvaluateResult>({
    maxSize: 2_000_000,
    sizeCalculation: (r) => r.ids.length + 100,
  })
  private matchIds = 0

  cachedMatch(key: string): Int32Array | undefined {
    const hit = this.matches.get(key)
    if (hit) {
      this.matches.delete(key)
      this.matches.set(key, hit)
    }
    return hit
  }

  rememberMatch(key: string, ids: Int32Array) {
    if (process.env.SEARCH_MATCH_CACHE === '0' || ids.length > MATCH_CACHE_IDS / 4) return
    this.matches.set(key, ids)
    this.matchIds += ids.length
    for (const [oldKey, old] of this.matches) {
      if (this.matchIds <= MATCH_CACHE_IDS) break
      this.matches.delete(oldKey)
      this.matchIds -= old.length
    }
  }

  /** Typed-array snapshot of the rows (rebuilt after changes): the hot loop reads only these. */
  private compiled: Compiled | null = null

  private compile(): Compiled {
    if (this.compiled) return this.compiled
    const n = this.ids.length
    const csr = {} as Compiled['csr']
    for (const facet of arrayFacets) {
      const lists = this.arrays[facet]
      const start = new Int32Array(n + 1)
      let total = 0
      for (let r = 0; r < n; r++) {
        start[r] = total
        total += lists[r]?.length ?? 0
      }
      start[n] = total
      const vals = new Int32Array(total)
      for (let r = 0; r < n; r++) vals.set(lists[r] ?? [], start[r] ?? 0)
      csr[facet] = { start, vals }
    }
    this.compiled = {
      n,
      ids: Int32Array.from(this.ids),
      status: Int32Array.from(this.status),
      country: Int32Array.from(this.country),
      size: Int32Array.from(this.size),
      verified: Uint8Array.from(this.verified, (v) => (v ? 1 : 0)),
      lat: Float64Array.from(this.lat),
      lon: Float64Array.from(this.lon),
      csr,
      orders: {},
    }
    return this.compiled
  }

  /** Row numbers in a sort order: newest first (then id), or by a locale's name key (code-point order). */
  private order(c: Compiled, order: Order): Int32Array {
    const cached = c.orders[order]
    if (cached) return cached
    const rows = Array.from({ length: c.n }, (_, r) => r)
    if (order === 'newest') {
      rows.sort(
        (a, b) => (this.sortMs[b] ?? 0) - (this.sortMs[a] ?? 0) || (this.ids[b] ?? 0) - (this.ids[a] ?? 0),
      )
    } else {
      const keys = order === 'name_ru' ? this.nameRu : this.nameEn
      rows.sort(
        (a, b) => byCodePoint(keys[a] ?? '', keys[b] ?? '') || (this.ids[a] ?? 0) - (this.ids[b] ?? 0),
      )
    }
    const out = Int32Array.from(rows)
    c.orders[order] = out
    return out
  }

  /**
   * One pass over the rows in the requested order: the rows passing every filter (in order), their
   * total, and for each facet the counts of the rows passing every *other* filter.
   */
  evaluate(input: {
    audience: Audience
    textIds: ArrayLike<number> | null
    bbox: BBox | null
    filters: SearchFilters
    order: 'newest' | 'name'
    locale: Locale
    /** false: only the matching ids (the map), skipping the facet counts. */
    facets?: boolean
  }): EvaluateResult {
    if (input.textIds !== null) return this.compute(input)
    const key = JSON.stringify([
      input.audience,
      input.bbox,
      input.filters,
      input.order,
      input.locale,
      input.facets,
    ])
    let result = this.results.get(key)
    if (!result) {
      result = this.compute(input)
      // Shared by every caller from now on: frozen, so none can change it for the others.
      Object.freeze(result.ids)
      this.results.set(key, result)
    }
    return result
  }

  private compute(input: Parameters<FacetIndex['evaluate']>[0]): EvaluateResult {
    const countFacets = input.facets !== false
    const c = this.compile()
    const statusOk = new Uint8Array(this.dicts.status.codes.length + 1)
    for (const s of searchableStatuses(input.audience)) {
      const i = this.dicts.status.index.get(s)
      if (i !== undefined) statusOk[i] = 1
    }
    let text: Uint8Array | null = null
    if (input.textIds) {
      text = new Uint8Array(c.n)
      for (let i = 0; i < input.textIds.length; i++) {
        const r = this.rowOf.get(input.textIds[i] as number)
        if (r !== undefined) text[r] = 1
      }
    }
    // Per facet: a lookup table of wanted value codes (null when the facet does not filter).
    const wanted = (facet: ListFacet): Uint8Array | null => {
      const values =
        facet === 'offers' || facet === 'seeks'
          ? wantedTradeTokens(input.filters[facet])
          : input.filters[facet]
      if (input.filters[facet].length === 0) return null
      const d = this.dicts[facet]
      const table = new Uint8Array(d.codes.length + 1)
      for (const v of values) {
        const i = d.index.get(v)
        if (i !== undefined) table[i] = 1
      }
      return table
    }
    const wCountry = wanted('country')
    const wSize = wanted('size')
    const wArrays = arrayFacets.map((f) => wanted(f))
    const verified = input.filters.verified === null ? -1 : input.filters.verified ? 1 : 0
    const cCountry = new Int32Array(this.dicts.country.codes.length + 1)
    const cSize = new Int32Array(this.dicts.size.codes.length + 1)
    const cVerified = new Int32Array(2)
    const cArrays = arrayFacets.map((f) => new Int32Array(this.dicts[f].codes.length + 1))
    const b = input.bbox
    const wraps = b !== null && b.west > b.east
    const order = this.order(
      c,
      input.order === 'name' ? (input.locale === 'ru' ? 'name_ru' : 'name_en') : 'newest',
    )
    const out: number[] = []
    const { status, country, size, lat, lon, csr } = c
    const vf = c.verified
    const starts = arrayFacets.map((f) => csr[f].start)
    const vals = arrayFacets.map((f) => csr[f].vals)
    for (let k = 0; k < order.length; k++) {
      const r = order[k] as number
      if (statusOk[status[r] as number] === 0) continue
      if (text !== null && text[r] === 0) continue
      if (b !== null) {
        const y = lat[r] as number
        const x = lon[r] as number
        if (!(y >= b.south && y <= b.north)) continue
        if (wraps ? !(x >= b.west || x <= b.east) : !(x >= b.west && x <= b.east)) continue
      }
      // Which filters fail (0 country, 1…A arrays, SIZE, VERIFIED); two failures count nowhere.
      let failures = 0
      let failed = -1
      if (wCountry !== null && wCountry[country[r] as number] !== 1) {
        failures++
        failed = 0
      }
      for (let a = 0; a < ARRAYS && failures < 2; a++) {
        const w = wArrays[a]
        if (!w) continue
        const v = vals[a] as Int32Array
        const end = (starts[a] as Int32Array)[r + 1] as number
        let hit = false
        for (let i = (starts[a] as Int32Array)[r] as number; i < end; i++) {
          if (w[v[i] as number] === 1) {
            hit = true
            break
          }
        }
        if (!hit) {
          failures++
          failed = a + 1
        }
      }
      if (failures < 2 && wSize !== null && ((size[r] as number) < 0 || wSize[size[r] as number] !== 1)) {
        failures++
        failed = SIZE
      }
      if (failures < 2 && verified >= 0 && vf[r] !== verified) {
        failures++
        failed = VERIFIED
      }
      if (failures > 1) continue
      const all = failures === 0
      if (!countFacets) {
        if (all) out.push(c.ids[r] as number)
        continue
      }
      if (all || failed === 0) inc(cCountry, country[r] as number)
      for (let a = 0; a < ARRAYS; a++) {
        if (!all && failed !== a + 1) continue
        const v = vals[a] as Int32Array
        const counts = cArrays[a] as Int32Array
        const end = (starts[a] as Int32Array)[r + 1] as number
        for (let i = (starts[a] as Int32Array)[r] as number; i < end; i++) inc(counts, v[i] as number)
      }
      if ((all || failed === SIZE) && (size[r] as number) >= 0) inc(cSize, size[r] as number)
      if (all || failed === VERIFIED) inc(cVerified, vf[r] as number)
      if (all) out.push(c.ids[r] as number)
    }
    const facets = emptyFacets()
    const fill = (target: Record<string, number>, counts: Int32Array, codes: string[]) => {
      for (let i = 0; i < codes.length; i++)
        if ((counts[i] ?? 0) > 0 && !isWholeSectionToken(codes[i] as string))
          target[codes[i] as string] = counts[i] as number
    }
    fill(facets.country, cCountry, this.dicts.country.codes)
    fill(facets.size, cSize, this.dicts.size.codes)
    fill(facets.verified, cVerified, ['0', '1'])
    arrayFacets.forEach((f, a) => {
      fill(facets[f], cArrays[a] as Int32Array, this.dicts[f].codes)
    })
    return { total: out.length, ids: out, facets }
  }
}

/** One listing on a map: its id, point and main sector (the search data orders sectors by position). */
export type ListingPoint = { id: number; lon: number; lat: number; sector: string | null }

type Compiled = {
  n: number
  ids: Int32Array
  status: Int32Array
  country: Int32Array
  size: Int32Array
  verified: Uint8Array
  lat: Float64Array
  lon: Float64Array
  csr: Record<ArrayFacet, { start: Int32Array; vals: Int32Array }>
  orders: Partial<Record<Order, Int32Array>>
}

// On globalThis: the server build and the tsx start script are two module graphs sharing one database
// handle (see db/client.server.ts), so the index warmed at start is the one requests use.
const globalForIndex = globalThis as typeof globalThis & {
  __cbmFacetIndexes?: WeakMap<Kysely<Database>, FacetIndex>
}
globalForIndex.__cbmFacetIndexes ??= new WeakMap()
const indexes = globalForIndex.__cbmFacetIndexes

/** The facet index of a database handle, fresh. One per handle and process. */
export async function facetIndexFor(db: Kysely<Database>) {
  let index = indexes.get(db)
  if (!index) {
    index = new FacetIndex(db)
    indexes.set(db, index)
  }
  await index.refresh()
  return index
}
