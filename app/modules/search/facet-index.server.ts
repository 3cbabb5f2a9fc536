import { type Kysely, sql } from 'kysely'
import type { Database, Locale } from '#db/schema'
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
  lat: number | null
  lon: number | null
  sort_ms: number
  name_sort_ru: string
  name_sort_en: string
  seq: number
}

const arrayFacets = ['sector', 'region', 'district', 'coop'] as const
type ArrayFacet = (typeof arrayFacets)[number]
const facetOrder = ['country', 'sector', 'region', 'district', 'coop', 'size', 'verified'] as const
type Order = 'newest' | 'name_ru' | 'name_en'

const byCodePoint = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0)

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
  }
  private ids: number[] = []
  private rowOf = new Map<number, number>()
  private status: number[] = []
  private country: number[] = []
  private size: number[] = []
  private verified: boolean[] = []
  private arrays: Record<ArrayFacet, number[][]> = { sector: [], region: [], district: [], coop: [] }
  private lat: number[] = []
  private lon: number[] = []
  private sortMs: number[] = []
  private nameRu: string[] = []
  private nameEn: string[] = []
  private orders: Partial<Record<Order, number[]>> = {}
  private refreshing: Promise<void> | null = null

  constructor(private readonly db: Kysely<Database>) {}

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
        district_codes, cooperation_kinds, geo[1] as lat, geo[0] as lon,
        (extract(epoch from sort_date) * 1000)::float8 as sort_ms, name_sort_ru, name_sort_en, seq::float8 as seq
      from business_search where seq > ${this.seq} order by seq`.execute(this.db)
    for (const row of changed.rows) this.put(row)
    if (changed.rows.length) {
      this.seq = Number(changed.rows[changed.rows.length - 1]?.seq ?? this.seq)
      this.orders = {}
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
    this.arrays = { sector: [], region: [], district: [], coop: [] }
    this.lat = []
    this.lon = []
    this.sortMs = []
    this.nameRu = []
    this.nameEn = []
    this.orders = {}
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
    this.lat[r] = row.lat === null ? Number.NaN : Number(row.lat)
    this.lon[r] = row.lon === null ? Number.NaN : Number(row.lon)
    this.sortMs[r] = Number(row.sort_ms)
    this.nameRu[r] = row.name_sort_ru
    this.nameEn[r] = row.name_sort_en
  }

  /** Row numbers in a sort order: newest first (then id), or by a locale's name key (code-point order). */
  private order(order: Order): number[] {
    const cached = this.orders[order]
    if (cached) return cached
    const rows = this.ids.map((_, r) => r)
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
    this.orders[order] = rows
    return rows
  }

  /**
   * One pass over the rows in the requested order: the rows passing every filter (in order), their
   * total, and for each facet the counts of the rows passing every *other* filter.
   */
  evaluate(input: {
    audience: Audience
    textIds: number[] | null
    bbox: BBox | null
    filters: SearchFilters
    order: 'newest' | 'name'
    locale: Locale
  }): { total: number; ids: number[]; facets: FacetCounts } {
    const statuses = new Set(
      searchableStatuses(input.audience).flatMap((s) => {
        const i = this.dicts.status.index.get(s)
        return i === undefined ? [] : [i]
      }),
    )
    let text: Uint8Array | null = null
    if (input.textIds) {
      text = new Uint8Array(this.ids.length)
      for (const id of input.textIds) {
        const r = this.rowOf.get(id)
        if (r !== undefined) text[r] = 1
      }
    }
    const wanted = (facet: ListFacet): Set<number> | null => {
      const values = input.filters[facet]
      if (values.length === 0) return null
      const d = this.dicts[facet]
      // A value nobody has yet still filters (to nothing): -2 never matches a code.
      return new Set(values.map((v) => d.index.get(v) ?? -2))
    }
    const want = {
      country: wanted('country'),
      sector: wanted('sector'),
      region: wanted('region'),
      district: wanted('district'),
      coop: wanted('coop'),
      size: wanted('size'),
    }
    const verified = input.filters.verified
    const b = input.bbox
    const counts = facetOrder.map(() => new Map<number, number>())
    const bump = (facet: number, value: number) => {
      const m = counts[facet] as Map<number, number>
      m.set(value, (m.get(value) ?? 0) + 1)
    }
    const anyIn = (values: number[] | undefined, set: Set<number>) => {
      if (!values) return false
      for (const v of values) if (set.has(v)) return true
      return false
    }
    const ids: number[] = []
    const order = this.order(
      input.order === 'name' ? (input.locale === 'ru' ? 'name_ru' : 'name_en') : 'newest',
    )
    const pass = [true, true, true, true, true, true, true]
    for (const r of order) {
      if (!statuses.has(this.status[r] ?? -1)) continue
      if (text && !text[r]) continue
      if (b) {
        const lat = this.lat[r] ?? Number.NaN
        const lon = this.lon[r] ?? Number.NaN
        if (!(lat >= b.south && lat <= b.north)) continue
        if (b.west <= b.east ? !(lon >= b.west && lon <= b.east) : !(lon >= b.west || lon <= b.east)) continue
      }
      pass[0] = !want.country || want.country.has(this.country[r] ?? -1)
      pass[1] = !want.sector || anyIn(this.arrays.sector[r], want.sector)
      pass[2] = !want.region || anyIn(this.arrays.region[r], want.region)
      pass[3] = !want.district || anyIn(this.arrays.district[r], want.district)
      pass[4] = !want.coop || anyIn(this.arrays.coop[r], want.coop)
      pass[5] = !want.size || want.size.has(this.size[r] ?? -1)
      pass[6] = verified === null || this.verified[r] === verified
      let failed = -1
      let failures = 0
      for (let f = 0; f < 7; f++) {
        if (!pass[f]) {
          failures++
          failed = f
        }
      }
      if (failures > 1) continue
      // Passing everything: counted in every facet. Failing one filter: counted in that facet only.
      const count = (f: number) => failures === 0 || failed === f
      if (count(0)) bump(0, this.country[r] ?? -1)
      for (let a = 0; a < 4; a++) {
        if (!count(a + 1)) continue
        for (const v of this.arrays[arrayFacets[a] as ArrayFacet][r] ?? []) bump(a + 1, v)
      }
      if (count(5) && (this.size[r] ?? -1) >= 0) bump(5, this.size[r] ?? -1)
      if (count(6)) bump(6, this.verified[r] ? 1 : 0)
      if (failures === 0) ids.push(this.ids[r] ?? 0)
    }
    const facets = emptyFacets()
    facetOrder.forEach((facet, f) => {
      const m = counts[f] as Map<number, number>
      for (const [value, n] of m) {
        const code =
          facet === 'verified'
            ? String(value)
            : (this.dicts[facet as ListFacet].codes[value] ?? String(value))
        facets[facet][code] = n
      }
    })
    return { total: ids.length, ids, facets }
  }
}

const indexes = new WeakMap<Kysely<Database>, FacetIndex>()

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
