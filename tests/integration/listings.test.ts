import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import * as citiesApi from '~/routes/api.cities'
import * as edit from '~/routes/my/listing-edit'
import * as create from '~/routes/my/listing-new'
import * as mine from '~/routes/my/listings'
import { testDatabases } from '../support/databases'
import { type Jar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

type Reply = {
  lastResult: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } | null
  formError: string | null
}

const complete = {
  intent: 'submit',
  nameRu: 'Сакура Трейдинг',
  nameEn: 'Sakura Trading',
  nameLocal: 'さくら貿易株式会社',
  localLang: 'ja',
  descriptionRu: 'Поставки морепродуктов с Хоккайдо.',
  sectors: ['G', 'H'],
  keywords: 'морепродукты, экспорт, Хоккайдо',
  countryCode: 'JP',
  city: 'Осака',
  address: '1-1 Umeda, Kita-ku',
  publicAddress: 'on',
  foundedYear: '2012',
  sizeBand: 'small',
  languages: ['ru', 'ja'],
  website: 'sakura-trading.example.jp',
  email: 'info@sakura-trading.example.jp',
  phone: '06-1234-5678',
  'messengers.telegram': 'sakura_trading',
  'messengers.line': 'sakura-line',
  cooperationKinds: ['export_to_russia', 'logistics'],
  regions: ['RU-PRI', 'RU-SAK'],
  consent: 'on',
}

describe.each(testDatabases())('listing editor on $name', ({ open }) => {
  let db: Kysely<Database>
  let owner: Jar
  beforeAll(async () => {
    db = await open()
    setDb(db)
    owner = await sessionFor(await createUser(db, 'owner-1', ['entrepreneur']))
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('saves a draft with only a name, through the one write path (history, search data)', async () => {
    const saved = await run(create.action, '/my/listings/new', {
      form: { intent: 'save', nameRu: 'Черновик', countryCode: 'KR' },
      jar: owner,
    })
    expect(saved.status).toBe(302)
    const id = Number(new URL(`http://x${saved.location}`).searchParams.get('saved'))
    const row = await db.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row).toMatchObject({
      status: 'draft',
      owner_id: 'owner-1',
      version: 1,
      name_ru: 'Черновик',
      consent_at: null,
    })
    const history = await db.selectFrom('history').selectAll().where('entity_id', '=', String(id)).execute()
    expect(history.map((h) => h.action)).toEqual(['created'])
    expect(history[0]?.actor_id).toBe('owner-1')
    // A draft is private: the write path leaves it out of the search data.
    const searchRows = await db
      .selectFrom('business_search')
      .select('business_id')
      .where('business_id', '=', id)
      .execute()
    expect(searchRows).toEqual([])
  })

  it('submits a complete listing: Japanese local name, city filled from the gazetteer, regions, E.164 phone', async () => {
    const saved = await run(create.action, '/my/listings/new', { form: complete, jar: owner })
    expect(saved.status).toBe(302)
    expect(saved.location).toMatch(/submitted=\d+/)
    const id = Number(saved.location?.split('=')[1])
    const row = await db.selectFrom('businesses').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
    expect(row.status).toBe('pending')
    expect(row.name_local).toBe('さくら貿易株式会社')
    expect(row.city_geoname_id).toBeGreaterThan(0)
    expect(row.lat).toBeCloseTo(34.69, 1)
    expect(row.lon).toBeCloseTo(135.5, 1)
    expect(row.phone).toBe('+81612345678')
    expect(row.website).toBe('https://sakura-trading.example.jp')
    expect(row.messengers).toEqual({ telegram: 'sakura_trading', line: 'sakura-line' })
    expect(row.keywords).toEqual(['морепродукты', 'экспорт', 'Хоккайдо'])
    expect(row.consent_at).not.toBeNull()
    expect(row.submitted_at).not.toBeNull()
    // Submitted listings reach the search data in the same transaction (the working group searches them).
    const searchRows = await db
      .selectFrom('business_search')
      .select('business_id')
      .where('business_id', '=', id)
      .execute()
    expect(searchRows).toEqual([{ business_id: id }])
    const regions = await db
      .selectFrom('business_regions')
      .select('region_code')
      .where('business_id', '=', id)
      .orderBy('region_code')
      .execute()
    expect(regions.map((r) => r.region_code)).toEqual(['RU-PRI', 'RU-SAK'])
    const sectors = await db
      .selectFrom('business_sectors')
      .select(['sector_code', 'position'])
      .where('business_id', '=', id)
      .orderBy('position')
      .execute()
    expect(sectors).toEqual([
      { sector_code: 'G', position: 0 },
      { sector_code: 'H', position: 1 },
    ])

    const list = await run(mine.loader, '/my/listings', { jar: owner })
    const listings = (list.data as { listings: { id: number; status: string }[] }).listings
    expect(listings.find((l) => l.id === id)?.status).toBe('pending')
  })

  it('gives a field error for each bad input and keeps everything else typed', async () => {
    const huge = 'x'.repeat(11 * 1024 * 1024)
    const bad = await run(create.action, '/my/listings/new', {
      form: {
        ...complete,
        nameRu: '<script>alert(1)</script>',
        nameEn: 'Good <b>name</b>',
        email: 'not-an-email',
        lat: '95',
        lon: '135.5',
        descriptionRu: huge,
        phone: '12',
      },
      jar: owner,
    })
    expect(bad.status).toBe(400)
    const reply = bad.data as Reply
    const errors = reply.lastResult?.error ?? {}
    expect(errors.nameRu?.[0]).toMatch(/< и >/)
    expect(errors.nameEn?.[0]).toMatch(/< и >/)
    expect(errors.email?.[0]).toMatch(/эл. почты/)
    expect(errors.lat?.[0]).toMatch(/от −90 до 90/)
    expect(errors.descriptionRu?.[0]).toMatch(/Не длиннее 5\s?000/)
    expect(errors.phone?.[0]).toMatch(/Номер телефона/)
    const kept = reply.lastResult?.initialValue ?? {}
    expect(kept.nameLocal).toBe('さくら貿易株式会社')
    expect(kept.regions).toEqual(['RU-PRI', 'RU-SAK'])
    expect(kept.city).toBe('Осака')
    expect(String(kept.descriptionRu).length).toBeLessThan(10_000)
    expect(JSON.stringify(reply).length).toBeLessThan(100_000)
    const count = await db
      .selectFrom('businesses')
      .select((eb) => eb.fn.countAll().as('n'))
      .where('owner_id', '=', 'owner-1')
      .executeTakeFirstOrThrow()
    expect(Number(count.n)).toBe(2)

    const en = await run(create.action, '/my/listings/new', {
      form: { ...complete, lat: '95', lon: '1' },
      jar: owner,
      locale: 'en',
    })
    expect((en.data as Reply).lastResult?.error?.lat?.[0]).toMatch(/Latitude is a number/)
  })

  it('requires consent, a city with a point and a sector to submit, but not to save a draft', async () => {
    const form = { intent: 'submit', nameEn: 'Half done', countryCode: 'TH', city: 'Nowhere-ville' }
    const refused = await run(create.action, '/my/listings/new', { form, jar: owner })
    expect(refused.status).toBe(400)
    const errors = (refused.data as Reply).lastResult?.error ?? {}
    expect(Object.keys(errors).sort()).toEqual(['consent', 'lat', 'sectors'])
    const draft = await run(create.action, '/my/listings/new', {
      form: { ...form, intent: 'save' },
      jar: owner,
    })
    expect(draft.status).toBe(302)
  })

  it('refuses the second of two saves from the same version (two tabs) and keeps its input', async () => {
    const created = await run(create.action, '/my/listings/new', {
      form: { ...complete, intent: 'save' },
      jar: owner,
    })
    const id = String(created.location?.split('=')[1])
    const loaded = await run(edit.loader, `/my/listings/${id}`, { jar: owner, params: { id } })
    const version = (loaded.data as { defaultValue: { version: string } }).defaultValue.version
    const first = await run(edit.action, `/my/listings/${id}`, {
      form: { ...complete, intent: 'save', version, nameEn: 'Tab one' },
      jar: owner,
      params: { id },
    })
    expect(first.status).toBe(302)
    const second = await run(edit.action, `/my/listings/${id}`, {
      form: { ...complete, intent: 'save', version, nameEn: 'Tab two' },
      jar: owner,
      params: { id },
    })
    expect(second.status).toBe(409)
    expect((second.data as Reply).formError).toMatch(/уже изменили/)
    expect((second.data as Reply).lastResult?.initialValue?.nameEn).toBe('Tab two')
    const row = await db
      .selectFrom('businesses')
      .select(['name_en', 'version'])
      .where('id', '=', Number(id))
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ name_en: 'Tab one', version: Number(version) + 1 })
  })

  it('sends an edited published listing back to moderation; shows a returned listing with its reason', async () => {
    const created = await run(create.action, '/my/listings/new', { form: complete, jar: owner })
    const id = Number(created.location?.split('=')[1])
    await db
      .updateTable('businesses')
      .set({ status: 'published', published_at: new Date() })
      .where('id', '=', id)
      .execute()
    const loaded = await run(edit.loader, `/my/listings/${id}`, { jar: owner, params: { id: String(id) } })
    const version = (loaded.data as { defaultValue: { version: string } }).defaultValue.version
    const saved = await run(edit.action, `/my/listings/${id}`, {
      form: { ...complete, intent: 'save', version, descriptionEn: 'Now in English too' },
      jar: owner,
      params: { id: String(id) },
    })
    expect(saved.status).toBe(302)
    const row = await db
      .selectFrom('businesses')
      .select(['status', 'description_en'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ status: 'pending', description_en: 'Now in English too' })

    await db
      .updateTable('businesses')
      .set({ status: 'returned', moderator_reason: 'Уточните адрес' })
      .where('id', '=', id)
      .execute()
    const list = await run(mine.loader, '/my/listings', { jar: owner })
    const item = (
      list.data as { listings: { id: number; status: string; reason: string | null }[] }
    ).listings.find((l) => l.id === id)
    expect(item).toMatchObject({ status: 'returned', reason: 'Уточните адрес' })
  })

  it('answers junk with 400, never 500, and stores nothing', async () => {
    const before = await db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    const junk: Record<string, string | string[]>[] = [
      { ...complete, sectors: ['ZZ'] },
      { ...complete, regions: ['RU-XXX'] },
      { ...complete, countryCode: 'XX' },
      { ...complete, countryCode: '' },
      { ...complete, sizeBand: 'huge', languages: ['xx'], cooperationKinds: ['smuggling'] },
      { ...complete, sectors: ['A', 'B', 'C', 'G'] },
      { ...complete, foundedYear: '1e3', website: 'javascript:alert(1)', 'messengers.telegram': 'a b' },
      { ...complete, keywords: Array.from({ length: 40 }, (_, i) => `k${i}`).join(',') },
      { ...complete, lat: 'NaN', lon: 'Infinity' },
      { ...complete, lat: '35.6', lon: '' },
      { ...complete, nameRu: '', nameEn: ' ', nameLocal: '' },
      { ...complete, nameEn: 'a\u0000b' },
    ]
    for (const form of junk) {
      const res = await run(create.action, '/my/listings/new', { form, jar: owner })
      expect(res.status, JSON.stringify(form).slice(0, 200)).toBe(400)
    }
    const request = new Request('http://localhost/my/listings/new', {
      method: 'POST',
      headers: {
        'Content-Type': 'application/json',
        Cookie: [...owner].map(([k, v]) => `${k}=${v}`).join('; '),
      },
      body: '{"nameRu": "json"}',
    })
    const thrown = await create.action({ request, params: {}, context: {} } as never).catch((e: unknown) => e)
    expect((thrown as { init?: { status?: number } }).init?.status).toBe(400)
    const after = await db
      .selectFrom('history')
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow()
    expect(Number(after.n)).toBe(Number(before.n))
  })

  it('suggests cities from the offline gazetteer by Russian, English and local names', async () => {
    for (const q of ['Оса', 'osa', '大阪']) {
      const res = await run(citiesApi.loader, `/api/cities?country=JP&q=${encodeURIComponent(q)}`)
      const cities = (res.data as { cities: { nameEn: string }[] }).cities
      expect(
        cities.map((c) => c.nameEn),
        q,
      ).toContain('Osaka')
    }
    expect((await run(citiesApi.loader, '/api/cities?country=ZZZ&q=x')).status).toBe(400)
  })
})
