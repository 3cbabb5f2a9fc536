import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database, NewBusiness } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { loader as directoryLoader } from '~/routes/_index'
import { loader as cardLoader } from '~/routes/businesses.$id'
import { testDatabases } from '../support/databases'

const consent = new Date('2026-01-01T00:00:00Z').toISOString()
const base = {
  country_code: 'JP',
  city: 'Tokyo',
  lat: 35.68,
  lon: 139.69,
  consent_at: consent,
} satisfies Partial<NewBusiness>

function request(path: string, locale?: 'ru' | 'en') {
  return new Request(`http://localhost${path}`, {
    headers: locale ? { Cookie: `lang=${btoa(JSON.stringify(locale))}` } : {},
  })
}

async function status(promise: Promise<unknown>) {
  try {
    const result = await promise
    return (result as { init?: { status?: number } })?.init?.status ?? 200
  } catch (thrown) {
    return (thrown as { init?: { status?: number } }).init?.status ?? 500
  }
}

function args(path: string, params: Record<string, string> = {}, locale?: 'ru' | 'en') {
  return { request: request(path, locale), params, context: {} } as never
}

describe.each(testDatabases())('directory and card pages on $name', ({ open }) => {
  let db: Kysely<Database>
  let publishedId: number
  let pendingId: number
  beforeAll(async () => {
    db = await open()
    setDb(db)
    const published = await db
      .insertInto('businesses')
      .values({
        ...base,
        name_ru: 'ООО «Сакура Логистик»',
        name_en: 'Sakura Logistics K.K.',
        name_local: '株式会社桜物流',
        local_lang: 'ja',
        description_ru: 'Морские контейнерные перевозки',
        status: 'published',
        published_at: consent,
        email: 'info@sakura.example.com',
        phone: '+81312345678',
        public_email: true,
        public_phone: false,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
    publishedId = published.id
    await db.insertInto('business_sectors').values({ business_id: publishedId, sector_code: 'H' }).execute()
    await db
      .insertInto('business_regions')
      .values({ business_id: publishedId, region_code: 'RU-PRI' })
      .execute()
    const pending = await db
      .insertInto('businesses')
      .values({ ...base, name_ru: 'ООО «Тайная Заявка»', status: 'pending' })
      .returning('id')
      .executeTakeFirstOrThrow()
    pendingId = pending.id
    await onBusinessesChanged(db, [publishedId, pendingId])
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('lists only published listings', async () => {
    const data = (await directoryLoader(args('/'))) as unknown as {
      result: { hits: { id: number }[]; total: number }
    }
    expect(data.result.hits.map((i) => i.id)).toEqual([publishedId])
    expect(data.result.total).toBe(1)
  })

  it('finds a listing by a Russian word form, an English word and a Japanese substring', async () => {
    for (const q of ['перевозка', 'logistics', '桜物', 'Сакура']) {
      const data = (await directoryLoader(args(`/?q=${encodeURIComponent(q)}`))) as unknown as {
        result: { total: number }
      }
      expect(data.result.total, q).toBe(1)
    }
    const none = (await directoryLoader(args('/?q=Тайная'))) as unknown as { result: { total: number } }
    expect(none.result.total).toBe(0)
  })

  it('answers a bad page number with 400 and keeps the query, in the viewer language', async () => {
    const ru = (await directoryLoader(args('/?q=abc&page=0'))) as unknown as {
      data: { q: string; error: string }
      init: { status: number }
    }
    expect(ru.init.status).toBe(400)
    expect(ru.data.q).toBe('abc')
    expect(ru.data.error).toMatch(/Номер страницы/)
    const en = (await directoryLoader(args('/?page=abc', {}, 'en'))) as unknown as { data: { error: string } }
    expect(en.data.error).toMatch(/page number/)
    expect(await status(directoryLoader(args(`/?q=${'x'.repeat(300)}`)))).toBe(400)
  })

  it('shows a published card with only the contacts the owner made public', async () => {
    const data = (await cardLoader(args(`/businesses/${publishedId}`, { id: String(publishedId) }))) as {
      card: { email: string | null; phone: string | null; sectorCodes: string[]; regionCodes: string[] }
    }
    expect(data.card.email).toBe('info@sakura.example.com')
    expect(data.card.phone).toBeNull()
    expect(data.card.sectorCodes).toEqual(['H'])
    expect(data.card.regionCodes).toEqual(['RU-PRI'])
  })

  it('answers 404 for pending, unknown and malformed ids', async () => {
    for (const id of [String(pendingId), '999999', 'abc', '-1', "1' or 1=1", '99999999999999999999']) {
      expect(await status(cardLoader(args(`/businesses/${id}`, { id }))), id).toBe(404)
    }
  })
})
