import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database, NewBusiness } from '#db/schema'
import type { MapResponse, PointFeature } from '~/modules/map/cluster'
import { invalidateMapCache } from '~/modules/map/map.server'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { loader as directoryLoader } from '~/routes/_index'
import { loader as mapLoader } from '~/routes/api.v1.map'
import { loader as countriesLoader } from '~/routes/map.countries'
import { testDatabases } from '../support/databases'

const consent = new Date('2026-01-01T00:00:00Z').toISOString()

function args(path: string, locale?: 'ru' | 'en') {
  const request = new Request(`http://localhost${path}`, {
    headers: locale ? { Cookie: `lang=${btoa(JSON.stringify(locale))}` } : {},
  })
  return { request, params: {}, context: {} } as never
}

/** The map loader's answer as status + JSON body, whichever way the loader returned it. */
async function getMap(qs: string, locale?: 'ru' | 'en') {
  const result = (await mapLoader(args(`/api/v1/map?${qs}`, locale))) as unknown
  if (result instanceof Response) return { status: result.status, body: await result.json() }
  const d = result as { data: MapResponse; init?: { status?: number } }
  return { status: d.init?.status ?? 200, body: d.data }
}

const sum = (r: MapResponse) =>
  r.features.reduce((n, f) => n + (f.properties.cluster ? f.properties.count : 1), 0)

describe.each(testDatabases())('map API on $name', ({ open }) => {
  let db: Kysely<Database>
  let sakuraId: number

  async function add(values: Partial<NewBusiness>, sectors: string[] = []) {
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
    if (sectors.length > 0)
      await db
        .insertInto('business_sectors')
        .values(sectors.map((code, position) => ({ business_id: row.id, sector_code: code, position })))
        .execute()
    // The real write path: the map finds listings through the search data.
    await onBusinessesChanged(db, [row.id])
    return row.id
  }

  beforeAll(async () => {
    db = await open()
    setDb(db)
    sakuraId = await add(
      {
        name_ru: 'ООО «Сакура Логистик»',
        name_en: 'Sakura Logistics K.K.',
        name_local: '株式会社桜物流',
        description_ru: 'Морские контейнерные перевозки из Владивостока',
        description_en: 'Container shipping from Vladivostok',
        verified_at: consent,
        size_band: 'small',
        cooperation_kinds: ['logistics', 'export_to_russia'],
      },
      ['H', 'G'],
    )
    await db.insertInto('business_regions').values({ business_id: sakuraId, region_code: 'RU-PRI' }).execute()
    await onBusinessesChanged(db, [sakuraId])
    // Twenty Tokyo restaurants, a few metres apart: one cluster until you zoom right in.
    for (let i = 0; i < 20; i++)
      await add({ name_ru: `Ресторан «Берёзка ${i}»`, lat: 35.68 + i * 0.001, lon: 139.7 }, ['I'])
    await add({ name_en: 'Seoul Trade Co', country_code: 'KR', city: 'Seoul', lat: 37.56, lon: 126.97 }, [
      'G',
    ])
    await add({ name_en: 'Suva Tours', country_code: 'FJ', city: 'Suva', lat: -18.14, lon: 178.44 }, ['I'])
    await add({
      name_en: `Long ${'name '.repeat(38)}`,
      country_code: 'NZ',
      city: 'Wellington',
      lat: -41.29,
      lon: 174.78,
    })
    // Not on the public map.
    await add({ name_ru: 'ООО «Тайная Заявка»', status: 'pending', published_at: null }, ['H'])
    await add({ name_ru: 'Черновик без точки', status: 'draft', published_at: null, lat: null, lon: null })
    invalidateMapCache()
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('clusters every published listing, and only those, at world zoom', async () => {
    const { status, body } = await getMap('zoom=1&bbox=-180,-90,180,90')
    expect(status).toBe(200)
    expect(body.type).toBe('FeatureCollection')
    expect(body.total).toBe(24)
    expect(sum(body)).toBe(24)
    expect(body.features.some((f: { properties: { cluster: boolean } }) => f.properties.cluster)).toBe(true)
    // At zoom 4 Tokyo is its own cluster (at zoom 1 Seoul joins it).
    const japan = (await getMap('zoom=4&bbox=100,0,180,60')).body
    const tokyo = japan.features.find(
      (f: PointFeature) => f.properties.cluster && f.geometry.coordinates[0] > 139,
    )
    expect(tokyo.properties.count).toBe(21)
    expect(tokyo.properties.sectors[0]).toEqual(['I', 20])
    expect(tokyo.properties.expansionZoom).toBeGreaterThan(1)
  })

  it('shows single points with id, name in the viewer’s language and sector when zoomed in', async () => {
    const ru = await getMap('zoom=18&bbox=139.68,35.67,139.695,35.69')
    const point = ru.body.features.find((f: PointFeature) => f.properties.id === sakuraId)
    expect(point.properties).toEqual({
      cluster: false,
      id: sakuraId,
      name: 'ООО «Сакура Логистик»',
      sector: 'H',
      verified: true,
    })
    const en = await getMap('zoom=18&bbox=139.68,35.67,139.695,35.69', 'en')
    expect(en.body.features.find((f: PointFeature) => f.properties.id === sakuraId).properties.name).toBe(
      'Sakura Logistics K.K.',
    )
  })

  it('filters by country, sector, verified and text like the search page', async () => {
    const world = 'zoom=0&bbox=-180,-90,180,90'
    expect((await getMap(`${world}&country=KR`)).body.total).toBe(1)
    expect((await getMap(`${world}&country=KR&country=FJ`)).body.total).toBe(2)
    expect((await getMap(`${world}&sector=I`)).body.total).toBe(21)
    // Any of a listing's sectors counts, not only its main one.
    expect((await getMap(`${world}&sector=G`)).body.total).toBe(2)
    expect((await getMap(`${world}&verified=1`)).body.total).toBe(1)
    expect((await getMap(`${world}&verified=0`)).body.total).toBe(23)
    expect((await getMap(`${world}&size=small`)).body.total).toBe(1)
    expect((await getMap(`${world}&coop=logistics&coop=tourism`)).body.total).toBe(1)
    expect((await getMap(`${world}&region=RU-PRI`)).body.total).toBe(1)
    expect((await getMap(`${world}&district=FEFD`)).body.total).toBe(1)
    expect((await getMap(`${world}&district=CFD`)).body.total).toBe(0)
    // Full text, stemmed in Russian and English.
    expect((await getMap(`${world}&q=${encodeURIComponent('перевозки')}`)).body.total).toBe(1)
    expect((await getMap(`${world}&q=shipping`)).body.total).toBe(1)
    // A partial name falls back to a name match.
    expect((await getMap(`${world}&q=${encodeURIComponent('桜物')}`)).body.total).toBe(1)
    expect((await getMap(`${world}&q=nothing-like-this`)).body.total).toBe(0)
  })

  it('cuts long names in the popup to keep responses small', async () => {
    const { body } = await getMap('zoom=14&bbox=174.7,-41.4,174.9,-41.2', 'en')
    const name: string = body.features[0].properties.name
    expect(Array.from(name)).toHaveLength(60)
    expect(name.endsWith('…')).toBe(true)
  })

  it('answers a view across the antimeridian', async () => {
    const { body } = await getMap('zoom=8&bbox=170,-25,-170,-10')
    expect(body.total).toBe(1)
  })

  it.each([
    ['zoom=99', 'zoom'],
    ['zoom=3&bbox=0,0,181,10', 'bbox'],
    ['zoom=3&bbox=garbage', 'bbox'],
    [`zoom=3&q=${'я'.repeat(300)}`, 'q'],
    ['zoom=3&country=%00%01', 'country'],
    ['zoom=3&coop=smuggling', 'coop'],
  ])('rejects %s with a 400 naming %s', async (qs, param) => {
    const { status, body } = await getMap(qs, 'en')
    expect(status).toBe(400)
    expect(body.error.param).toBe(param)
    expect(body.error.message).toMatch(new RegExp(`Parameter ${param}`))
  })

  it('serves the offline base map with the region’s countries marked', async () => {
    const response = (await countriesLoader()) as Response
    expect(response.headers.get('Cache-Control')).toContain('max-age')
    const topo = await response.json()
    const byCode = new Map<string, { r: boolean }>(
      topo.objects.countries.geometries.map((g: { properties: { a2: string; r: boolean } }) => [
        g.properties.a2,
        g.properties,
      ]),
    )
    expect(byCode.get('JP')?.r).toBe(true)
    expect(byCode.get('AU')?.r).toBe(true)
    expect(byCode.get('FR')?.r).toBe(false)
    expect(topo.type).toBe('Topology')
  })

  it('shows a listing published after a filter set was cached, in that filter set too', async () => {
    expect((await getMap('zoom=0&country=KR')).body.total).toBe(1) // cached now
    const busan = await add(
      { name_en: 'Busan Fresh', country_code: 'KR', city: 'Busan', lat: 35.1, lon: 129.04 },
      ['A'],
    )
    expect((await getMap('zoom=0&country=KR&sector=A')).body.total).toBe(1)
    expect((await getMap('zoom=0&country=KR&country=NZ')).body.total).toBe(3)
    // The cached index was built from an older version of the search data: rebuilt before it is served.
    expect((await getMap('zoom=0&country=KR')).body.total).toBe(2)
    // Withdrawn: gone from the map at once, as from the list.
    await db.updateTable('businesses').set({ status: 'archived' }).where('id', '=', busan).execute()
    await onBusinessesChanged(db, [busan])
    expect((await getMap('zoom=0&country=KR')).body.total).toBe(1)
    // invalidateMapCache() still empties the cache (the answer stays the same).
    invalidateMapCache()
    expect((await getMap('zoom=0&country=KR')).body.total).toBe(1)
  })

  it('narrows the list to the map area ("search this area") and rejects a bad area', async () => {
    const area = (await directoryLoader(args('/?bbox=120,36,130,40'))) as unknown as {
      result: { total: number; hits: { id: number; lat: number | null }[] }
    }
    expect(area.result.total).toBe(1)
    expect(area.result.hits[0]?.lat).toBe(37.56)
    const bad = (await directoryLoader(args('/?bbox=1,2,3'))) as unknown as { init: { status: number } }
    expect(bad.init.status).toBe(400)
  })
})
