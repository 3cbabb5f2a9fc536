import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, Locale } from '#db/schema'
import { sectionOf, tradeCodesMatch } from '~/modules/businesses/taxonomy'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import {
  type Audience,
  emptyFacets,
  type FacetCounts,
  type SearchEngine,
  type SearchRequest,
  searchableStatuses,
} from '~/modules/search/engine'
import { MeiliSearchEngine } from '~/modules/search/meili-engine.server'
import {
  type BBox,
  emptyFilters,
  type ListFacet,
  listFacets,
  type SearchFilters,
  type SearchSort,
} from '~/modules/search/params'
import { PostgresSearchEngine } from '~/modules/search/pg-engine.server'
import { testDatabases } from '../support/databases'
import { insertCorpus, type LoadedListing } from '../support/search-corpus'

/**
 * One contract for every search engine: the same corpus, the same queries, the same expected answers.
 * Runs on PostgreSQL (PGlite always, the server with TEST_DATABASE_URL) and on Meilisearch when MEILI_URL
 * is set. Expected filter results and facet counts come from a plain-JS oracle over the corpus.
 */
type EngineUnderTest = {
  name: string
  setup: () => Promise<{
    db: Kysely<Database>
    engine: SearchEngine
    listings: LoadedListing[]
    teardown: () => Promise<void>
  }>
}

const engines: EngineUnderTest[] = testDatabases().map((database) => ({
  name: `postgres on ${database.name}`,
  setup: async () => {
    const db = await database.open()
    const listings = await insertCorpus(db)
    await onBusinessesChanged(
      db,
      listings.map((l) => l.id),
    )
    return { db, engine: new PostgresSearchEngine(db), listings, teardown: () => db.destroy() }
  },
}))

const meiliUrl = process.env.MEILI_URL
if (meiliUrl) {
  const database = testDatabases()[0]
  if (database) {
    engines.push({
      name: 'meilisearch',
      setup: async () => {
        const db = await database.open()
        const listings = await insertCorpus(db)
        await onBusinessesChanged(
          db,
          listings.map((l) => l.id),
        )
        const engine = new MeiliSearchEngine(db, {
          host: meiliUrl,
          apiKey: process.env.MEILI_MASTER_KEY,
          index: `contract_${process.pid}_${Date.now()}`,
        })
        await engine.reindexAll()
        return {
          db,
          engine,
          listings,
          teardown: async () => {
            await engine.dropIndex()
            await db.destroy()
          },
        }
      },
    })
  }
} else {
  console.log(
    'search contract: MEILI_URL is not set, so the Meilisearch engine is skipped (PostgreSQL engines run).',
  )
}

type Case = {
  q?: string
  filters?: Partial<SearchFilters>
  bbox?: BBox
  sort?: SearchSort
  audience?: Audience
  locale?: Locale
}

function request(c: Case, paging: { page?: number; perPage?: number } = {}): SearchRequest {
  const q = c.q ?? ''
  return {
    q,
    filters: { ...emptyFilters(), ...c.filters },
    bbox: c.bbox ?? null,
    sort: c.sort ?? (q ? 'relevance' : 'newest'),
    page: paging.page ?? 1,
    perPage: paging.perPage ?? 100,
    locale: c.locale ?? 'ru',
    audience: c.audience ?? 'public',
  }
}

// ---- the oracle ----
function touched(codes: string[]) {
  return [...new Set(codes.flatMap((c) => [c, sectionOf(c) ?? c]))]
}

function valuesOf(l: LoadedListing, facet: ListFacet): string[] {
  switch (facet) {
    case 'country':
      return [l.country]
    case 'sector':
      return l.sectors
    case 'region':
      return l.regions
    case 'district':
      return l.districts
    case 'coop':
      return l.coop
    // A facet value of offers/seeks counts the listings naming that code, or (for a section) any code in it.
    case 'offers':
      return touched(l.offers ?? [])
    case 'seeks':
      return touched(l.seeks ?? [])
    case 'size':
      return [l.size]
  }
}

function inBox(l: LoadedListing, b: BBox) {
  const lonOk = b.west <= b.east ? l.lon >= b.west && l.lon <= b.east : l.lon >= b.west || l.lon <= b.east
  return lonOk && l.lat >= b.south && l.lat <= b.north
}

function passes(l: LoadedListing, filters: SearchFilters, except: string | null = null) {
  for (const facet of listFacets) {
    if (facet === except || filters[facet].length === 0) continue
    if (facet === 'offers' || facet === 'seeks') {
      // Stated without the engines' tokens: a section matches its divisions and a division its section.
      const have = (facet === 'offers' ? l.offers : l.seeks) ?? []
      if (!filters[facet].some((want) => have.some((code) => tradeCodesMatch(want, code)))) return false
      continue
    }
    if (!valuesOf(l, facet).some((v) => filters[facet].includes(v))) return false
  }
  if (except !== 'verified' && filters.verified !== null && Boolean(l.verified) !== filters.verified)
    return false
  return true
}

function visible(listings: LoadedListing[], audience: Audience = 'public', bbox?: BBox) {
  const statuses = searchableStatuses(audience)
  return listings.filter((l) => statuses.includes(l.status) && (!bbox || inBox(l, bbox)))
}

function oracleFacets(matched: LoadedListing[], filters: SearchFilters): FacetCounts {
  const out = emptyFacets()
  for (const facet of listFacets) {
    for (const l of matched.filter((m) => passes(m, filters, facet))) {
      for (const v of new Set(valuesOf(l, facet))) out[facet][v] = (out[facet][v] ?? 0) + 1
    }
  }
  for (const l of matched.filter((m) => passes(m, filters, 'verified'))) {
    const key = l.verified ? '1' : '0'
    out.verified[key] = (out.verified[key] ?? 0) + 1
  }
  return out
}

const slugsOf = (listings: LoadedListing[]) => listings.map((l) => l.slug).sort()

describe.each(engines)('search engine contract: $name', ({ setup }) => {
  let ctx: Awaited<ReturnType<EngineUnderTest['setup']>>
  const slug = new Map<number, string>()
  beforeAll(async () => {
    ctx = await setup()
    for (const l of ctx.listings) slug.set(l.id, l.slug)
  })
  afterAll(async () => {
    await ctx?.teardown()
  })

  async function found(c: Case) {
    const result = await ctx.engine.search(request(c))
    return result.hits.map((h) => slug.get(h.id) ?? String(h.id))
  }
  const byCity = (city: string) => slugsOf(visible(ctx.listings).filter((l) => l.city === city))

  describe('words in Russian, English and local scripts', () => {
    it.each([
      ['Сакура', ['sakura']],
      ['sakura', ['sakura']],
      ['перевозки', ['busan-bridge', 'sakura']],
      ['перевозка', ['busan-bridge', 'sakura']],
      ['Logistics', ['sakura']],
      ['Владивосток', ['busan-bridge', 'sakura']],
      ['матрешка', ['matryoshka']],
      ['Matryoshka', ['matryoshka']],
      ['cafe', ['matryoshka']],
      ['Берёзка', ['beryozka']],
      ['березка', ['beryozka']],
      ['tieng Nga', ['beryozka']],
      ['Шелковый путь', ['silk-road']],
      ['логистика Токио', ['sakura']],
      ['logistics 東京', ['sakura']],
      ['桜物', ['sakura']],
      ['富士', ['fuji']],
      ['丝绸', ['silk-road']],
      ['ทัวร์', ['siam-tour']],
      ['zzzqqxx', []],
    ])('%s', async (q, expected) => {
      expect((await found({ q })).sort()).toEqual(expected)
    })

    it('finds a city by its Russian, English and local name', async () => {
      const tokyo = byCity('Tokyo')
      expect(tokyo.length).toBeGreaterThan(2)
      for (const q of ['Токио', 'Tokyo', '東京']) expect((await found({ q })).sort(), q).toEqual(tokyo)
      expect((await found({ q: '서울' })).sort()).toEqual(byCity('Seoul'))
    })

    it('finds listings by a word of a keyword and by the country name', async () => {
      const agro = slugsOf(visible(ctx.listings).filter((l) => l.nameRu?.includes('Агро')))
      expect(agro.length).toBeGreaterThan(3)
      expect((await found({ q: 'Агро' })).sort()).toEqual(agro)
      expect((await found({ q: 'agriculture' })).sort()).toEqual(agro)
      expect((await found({ q: 'Япония' })).sort()).toEqual(
        slugsOf(visible(ctx.listings).filter((l) => l.country === 'JP')),
      )
    })
  })

  describe('typos and typing', () => {
    it.each([
      ['Владивасток', ['busan-bridge', 'sakura']],
      ['Sakuro', ['sakura']],
      ['Матрешко', ['matryoshka']],
    ])('%s', async (q, expected) => {
      const result = await ctx.engine.search(request({ q }))
      expect(result.hits.map((h) => slug.get(h.id)).sort()).toEqual(expected)
    })

    it('Tokio finds Tokyo', async () => {
      expect((await found({ q: 'Tokio' })).sort()).toEqual(byCity('Tokyo'))
    })

    it.each([
      ['Сак', ['sakura']],
      ['Матр', ['matryoshka']],
      ['Бере', ['beryozka']],
    ])('prefix %s', async (q, expected) => {
      expect((await found({ q })).sort()).toEqual(expected)
    })

    it('prefix of a city', async () => {
      expect((await found({ q: 'Seou' })).sort()).toEqual(byCity('Seoul'))
    })
  })

  describe('audience', () => {
    it('the public sees published listings only', async () => {
      expect(await found({ q: 'Тайная' })).toEqual([])
      expect(await found({ q: 'Заявка' })).toEqual([])
      const all = await ctx.engine.search(request({}))
      expect(all.total).toBe(visible(ctx.listings).length)
    })

    it('the working group and moderators also see pending and returned ones, never drafts or archived', async () => {
      expect(await found({ q: 'Тайная', audience: 'staff' })).toEqual(['secret-pending'])
      expect((await found({ q: 'Заявка', audience: 'staff' })).sort()).toEqual(['returned', 'secret-pending'])
      const all = await ctx.engine.search(request({ audience: 'staff' }))
      expect(all.total).toBe(visible(ctx.listings, 'staff').length)
    })
  })

  describe('filters and facet counts', () => {
    const filterCases: [string, Case][] = [
      ['no filter', {}],
      ['one country', { filters: { country: ['JP'] } }],
      ['two countries and a sector', { filters: { country: ['JP', 'KR'], sector: ['H'] } }],
      ['sector and verified', { filters: { sector: ['C'], verified: true } }],
      ['not verified', { filters: { verified: false, size: ['micro', 'small'] } }],
      ['Russian region', { filters: { region: ['RU-PRI'] } }],
      ['federal district', { filters: { district: ['FEFD', 'CFD'] } }],
      ['cooperation and size', { filters: { coop: ['investment'], size: ['small'] } }],
      ['offers a section (matches its divisions)', { filters: { offers: ['C'] } }],
      ['offers a division (matches its whole section)', { filters: { offers: ['10', '52'] } }],
      ['seeks and offers together', { filters: { seeks: ['10'], offers: ['H'] } }],
      ['staff with a country', { filters: { country: ['JP'] }, audience: 'staff' }],
      ['map box over Japan', { bbox: { west: 129, south: 30, east: 146, north: 46 } }],
      ['map box across the antimeridian', { bbox: { west: 170, south: -25, east: -170, north: -10 } }],
    ]
    it.each(filterCases)('%s', async (_name, c) => {
      const result = await ctx.engine.search(request(c))
      const filters = { ...emptyFilters(), ...c.filters }
      const base = visible(ctx.listings, c.audience, c.bbox)
      const expected = base.filter((l) => passes(l, filters))
      expect(result.hits.map((h) => slug.get(h.id)).sort()).toEqual(slugsOf(expected))
      expect(result.total).toBe(expected.length)
      expect(result.facets).toEqual(oracleFacets(base, filters))
    })

    it('facets of a text query count its matches only', async () => {
      const c: Case = { q: 'перевозки', filters: { coop: ['logistics'] } }
      const result = await ctx.engine.search(request(c))
      const matched = visible(ctx.listings).filter((l) => ['sakura', 'busan-bridge'].includes(l.slug))
      expect(result.facets).toEqual(oracleFacets(matched, { ...emptyFilters(), coop: ['logistics'] }))
    })
  })

  describe('sorting and paging', () => {
    it('sorts by name in the viewer language: Cyrillic first for Russian, Latin first for English', async () => {
      const ru = await found({ filters: { country: ['MN'] }, sort: 'name', locale: 'ru' })
      expect(ru).toEqual(['altai', 'barkhan', 'yurta', 'zuun'])
      const en = await found({ filters: { country: ['MN'] }, sort: 'name', locale: 'en' })
      expect(en).toEqual(['altai', 'barkhan', 'zuun', 'yurta'])
    })

    it('sorts by newest', async () => {
      const expected = visible(ctx.listings)
        .filter((l) => l.country === 'JP')
        .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
        .map((l) => l.slug)
      expect(await found({ filters: { country: ['JP'] }, sort: 'newest' })).toEqual(expected)
    })

    it('ranks a name match above a keyword match', async () => {
      expect(await found({ q: 'Владивосток' })).toEqual(['busan-bridge', 'sakura'])
    })

    it('pages through results', async () => {
      const all = visible(ctx.listings)
        .sort((a, b) => b.publishedAt.localeCompare(a.publishedAt))
        .map((l) => l.id)
      const result = await ctx.engine.search(request({}, { page: 3, perPage: 7 }))
      expect(result.hits.map((h) => h.id)).toEqual(all.slice(14, 21))
      expect(result.total).toBe(all.length)
      expect(result.pages).toBe(Math.ceil(all.length / 7))
    })

    it('shows the city in the viewer language', async () => {
      const ru = await ctx.engine.search(request({ q: 'Сакура', locale: 'ru' }))
      const en = await ctx.engine.search(request({ q: 'Сакура', locale: 'en' }))
      expect(ru.hits[0]?.city).toBe('Токио')
      expect(en.hits[0]?.city).toBe('Tokyo')
    })
  })

  describe('keeping up with writes', () => {
    it('indexes a change and forgets a listing that is no longer published', async () => {
      const sakura = ctx.listings.find((l) => l.slug === 'sakura')
      if (!sakura) throw new Error('corpus')
      await ctx.db
        .updateTable('businesses')
        .set({ name_ru: 'ООО «Хризантема Логистик»' })
        .where('id', '=', sakura.id)
        .execute()
      await onBusinessesChanged(ctx.db, [sakura.id])
      await ctx.engine.index([sakura.id])
      expect(await found({ q: 'Хризантема' })).toEqual(['sakura'])
      await ctx.db
        .updateTable('businesses')
        .set({ status: 'archived', archived_at: new Date() })
        .where('id', '=', sakura.id)
        .execute()
      await onBusinessesChanged(ctx.db, [sakura.id])
      await ctx.engine.index([sakura.id])
      expect(await found({ q: 'Хризантема' })).toEqual([])
      expect(await found({ q: 'Хризантема', audience: 'staff' })).toEqual([])
    })
  })
})
