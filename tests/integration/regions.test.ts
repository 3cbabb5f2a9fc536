import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database, NewBusiness } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { loader as regionsLoader } from '~/routes/regions'
import { loader as regionLoader } from '~/routes/regions.$code'
import { testDatabases } from '../support/databases'
import { run } from '../support/http'

const consent = new Date('2026-01-01T00:00:00Z').toISOString()

async function addListing(
  db: Kysely<Database>,
  values: Partial<NewBusiness> & { name_ru: string },
  regions: string[],
  sectors: string[] = ['G'],
) {
  const row = await db
    .insertInto('businesses')
    .values({
      country_code: 'JP',
      city: 'Tokyo',
      lat: 35.68,
      lon: 139.69,
      consent_at: consent,
      status: 'published',
      published_at: consent,
      ...values,
    })
    .returning('id')
    .executeTakeFirstOrThrow()
  for (const region_code of regions)
    await db.insertInto('business_regions').values({ business_id: row.id, region_code }).execute()
  for (const sector_code of sectors)
    await db.insertInto('business_sectors').values({ business_id: row.id, sector_code }).execute()
  return row.id
}

type RegionsData = {
  directory: {
    featured: { code: string; count: number }[]
    districts: { code: string; total: number; regions: { code: string; count: number }[] }[]
  }
}
type RegionData = {
  region: { code: string }
  params: { filters: { region: string[] } } | null
  result: {
    total: number
    hits: { id: number; name: string }[]
    facets: { country: Record<string, number>; sector: Record<string, number> }
  } | null
  error: string | null
}

describe.each(testDatabases())('Russian region pages on $name', ({ open }) => {
  let db: Kysely<Database>
  const ids: Record<string, number> = {}
  beforeAll(async () => {
    db = await open()
    setDb(db)
    ids.vladivostok = await addListing(db, { name_ru: 'Приморская рыба' }, ['RU-PRI', 'RU-MOW'], ['A'])
    ids.seoul = await addListing(
      db,
      { name_ru: 'Сеульский мост', country_code: 'KR', city: 'Seoul', lat: 37.56, lon: 126.97 },
      ['RU-PRI'],
    )
    ids.moscow = await addListing(db, { name_ru: 'Московский экспорт' }, ['RU-MOW'])
    ids.novosibirsk = await addListing(db, { name_ru: 'Сибирский лес' }, ['RU-NVS'])
    ids.pending = await addListing(
      db,
      { name_ru: 'Заявка на модерации', status: 'pending', published_at: null },
      ['RU-PRI'],
    )
    await onBusinessesChanged(db, Object.values(ids))
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('lists all 89 subjects by district, Moscow and St Petersburg and then Siberia and the Far East first', async () => {
    const { status, data } = await run(regionsLoader as never, '/regions')
    expect(status).toBe(200)
    const { directory } = data as RegionsData
    expect(directory.featured.map((r) => [r.code, r.count])).toEqual([
      ['RU-MOW', 2],
      ['RU-SPE', 0],
    ])
    expect(directory.districts.map((d) => d.code).slice(0, 2)).toEqual(['SibFD', 'FEFD'])
    expect(directory.districts.flatMap((d) => d.regions)).toHaveLength(89)
    const far = directory.districts.find((d) => d.code === 'FEFD')
    // Published listings only: the one pending moderation is not counted.
    expect(far?.regions.find((r) => r.code === 'RU-PRI')?.count).toBe(2)
    expect(far?.total).toBe(2)
    expect(directory.districts.find((d) => d.code === 'SibFD')?.total).toBe(1)
  })

  it('shows exactly the published businesses that name the region, grouped by country and sector', async () => {
    const { status, data } = await run(regionLoader as never, '/regions/RU-PRI', {
      params: { code: 'RU-PRI' },
    })
    expect(status).toBe(200)
    const { result } = data as RegionData
    expect(result?.hits.map((h) => h.id).sort()).toEqual([ids.vladivostok, ids.seoul].sort())
    expect(result?.facets.country).toEqual({ JP: 1, KR: 1 })
    expect(result?.facets.sector).toEqual({ A: 1, G: 1 })
  })

  it('keeps the region fixed whatever the query says, and narrows with the usual filters', async () => {
    const { data } = await run(regionLoader as never, '/regions/RU-PRI?region=RU-NVS&country=KR', {
      params: { code: 'RU-PRI' },
    })
    const { params, result } = data as RegionData
    expect(params?.filters.region).toEqual(['RU-PRI'])
    expect(result?.hits.map((h) => h.id)).toEqual([ids.seoul])
  })

  it('answers an unknown region with 404 in the visitor’s language, and a lower-case code with a redirect', async () => {
    const missing = await run(regionLoader as never, '/regions/RU-XX', {
      params: { code: 'RU-XX' },
      locale: 'en',
    })
    expect(missing.status).toBe(404)
    expect(missing.data).toMatch(/no such Russian region/)
    const lower = await run(regionLoader as never, '/regions/ru-pri?q=рыба', { params: { code: 'ru-pri' } })
    expect(lower.status).toBe(301)
    expect(lower.location).toBe('/regions/RU-PRI?q=%D1%80%D1%8B%D0%B1%D0%B0')
  })

  it('keeps a bad query with a message instead of failing', async () => {
    const { status, data } = await run(regionLoader as never, `/regions/RU-PRI?page=-3`, {
      params: { code: 'RU-PRI' },
    })
    expect(status).toBe(400)
    expect((data as RegionData).error).toBeTruthy()
  })
})
