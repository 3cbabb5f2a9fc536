import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import type { MapResponse } from '~/modules/map/cluster'
import { invalidateMapCache } from '~/modules/map/map.server'
import { matchingListings } from '~/modules/map/points.server'
import { parseMapFilters } from '~/modules/map/query'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import type { Audience } from '~/modules/search/engine'
import { parseSearchParams } from '~/modules/search/params'
import { searchBusinesses } from '~/modules/search/service.server'
import { loader as searchLoader } from '~/routes/api.v1.businesses'
import { loader as mapLoader } from '~/routes/api.v1.map'
import { testDatabases } from '../support/databases'
import { insertCorpus, type LoadedListing } from '../support/search-corpus'

type Reply = { data: Record<string, any>; init?: { status?: number } | null }

function args(path: string) {
  return { request: new Request(`http://localhost${path}`), params: {}, context: {} } as never
}

/** Every id the search API lists for a query string (all pages), and its corrected query. */
async function listed(qs: string) {
  const ids: number[] = []
  let corrected: string | null = null
  for (let page = 1; ; page++) {
    const reply = (await searchLoader(args(`/api/v1/businesses?${qs}&perPage=100&page=${page}`))) as Reply
    expect(reply.init?.status ?? 200).toBe(200)
    ids.push(...reply.data.hits.map((h: { id: number }) => h.id))
    corrected = reply.data.correctedQuery
    if (page >= reply.data.pages)
      return { ids: ids.sort((a, b) => a - b), total: reply.data.total, corrected }
  }
}

async function mapped(qs: string, audience: Audience = 'public') {
  const filters = parseMapFilters(new URLSearchParams(qs))
  if (!filters.ok) throw new Error(`bad map filters: ${qs}`)
  const { points } = await matchingListings(await dbRef(), filters.value, audience)
  return points.map((p) => p.id).sort((a, b) => a - b)
}

let current: Kysely<Database> | undefined
const dbRef = async () => current as Kysely<Database>

describe.each(testDatabases())('map and search agree on $name', ({ open }) => {
  let listings: LoadedListing[]
  const idOf = (slug: string) => listings.find((l) => l.slug === slug)?.id ?? 0

  beforeAll(async () => {
    current = await open()
    listings = await insertCorpus(current)
    await onBusinessesChanged(
      current,
      listings.map((l) => l.id),
    )
    setDb(current)
    invalidateMapCache()
  })
  afterAll(async () => {
    setDb(undefined)
    await current?.destroy()
    current = undefined
  })

  it.each([
    ['a typo the search corrects', `q=${encodeURIComponent('Владивасток')}`, 2],
    ['a CJK substring of a local name', `q=${encodeURIComponent('桜物')}`, 1],
    ['a city name in another language', `q=${encodeURIComponent('Tokio')}`, null],
    ['a Korean city name', `q=${encodeURIComponent('서울')}`, null],
    ['a keyword', `q=${encodeURIComponent('контейнеры')}`, 1],
    ['a filter combination', 'country=JP&country=KR&sector=C&verified=1', null],
    ['text with filters', `q=${encodeURIComponent('перевозки')}&coop=logistics&district=FEFD`, null],
    ['regions, sizes and unverified', 'region=RU-MOW,RU-PRI&size=micro&size=small&verified=0', null],
    ['no filters at all', '', null],
  ])('for %s', async (_label, qs, expected) => {
    const list = await listed(qs)
    const map = await mapped(qs)
    expect(map).toEqual(list.ids)
    if (expected !== null) expect(map).toHaveLength(expected)
    expect(map.length).toBeGreaterThan(0)
    // The API counts the same listings (every corpus listing has a point).
    const reply = (await mapLoader(args(`/api/v1/map?${qs}&zoom=0`))) as { data: MapResponse }
    expect(reply.data.total).toBe(list.total)
  })

  it('finds the typo on the map as the list does', async () => {
    const list = await listed(`q=${encodeURIComponent('Владивасток')}`)
    expect(list.corrected).toBe('владивосток')
    expect(list.ids).toEqual([idOf('sakura'), idOf('busan-bridge')].sort((a, b) => a - b))
  })

  it('shows the staff what the staff search finds, and the public only published listings', async () => {
    const qs = `q=${encodeURIComponent('Заявка')}`
    const parsed = parseSearchParams(new URLSearchParams(qs))
    if (!parsed.ok) throw new Error('parse')
    const staff = await searchBusinesses(current as Kysely<Database>, {
      ...parsed.value,
      perPage: 100,
      locale: 'ru',
      audience: 'staff',
    })
    expect(await mapped(qs, 'staff')).toEqual(staff.hits.map((h) => h.id).sort((a, b) => a - b))
    expect(await mapped(qs, 'staff')).toHaveLength(2)
    expect(await mapped(qs)).toEqual([])
  })

  it('follows a change to a listing without being told', async () => {
    const qs = `q=${encodeURIComponent('Сакура')}`
    expect(await mapped(qs)).toEqual([idOf('sakura')])
    const before = (await mapLoader(args(`/api/v1/map?${qs}&zoom=0`))) as { data: MapResponse }
    expect(before.data.total).toBe(1)
    const db = current as Kysely<Database>
    await db.updateTable('businesses').set({ status: 'archived' }).where('id', '=', idOf('sakura')).execute()
    await onBusinessesChanged(db, [idOf('sakura')])
    const after = (await mapLoader(args(`/api/v1/map?${qs}&zoom=0`))) as { data: MapResponse }
    expect(after.data.total).toBe((await listed(qs)).total)
    expect(after.data.total).toBe(0)
  })
})
