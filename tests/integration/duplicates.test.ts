import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { writeBusiness } from '~/modules/businesses/write.server'
import { findDuplicates } from '~/modules/import/duplicates.server'
import * as card from '~/routes/businesses.$id'
import * as history from '~/routes/businesses.$id.history'
import * as compare from '~/routes/moderation/compare'
import * as queue from '~/routes/moderation/queue'
import * as review from '~/routes/moderation/review'
import * as create from '~/routes/my/listing-new'
import { testDatabases } from '../support/databases'
import { type Jar, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

const TOKYO = { city: 'Токио', lat: 35.6895, lon: 139.6917 }

const form = (over: Record<string, string> = {}) => ({
  intent: 'submit',
  nameRu: 'Сакура Трейд',
  descriptionRu: 'Поставки из Японии.',
  sectors: 'G',
  countryCode: 'JP',
  city: TOKYO.city,
  publicAddress: 'on',
  languages: 'ru',
  consent: 'on',
  ...over,
})

type Warned = { duplicates?: { id: number; names: string }[] }

describe.each(testDatabases())('duplicates across scripts on $name', ({ open }) => {
  let db: Kysely<Database>
  const jar = {} as Record<'owner' | 'jp' | 'cn' | 'admin', Jar>
  let existing: number

  async function listing(fields: Record<string, unknown>, status: 'published' | 'pending' = 'published') {
    const { id } = await writeBusiness(db, {
      actorId: null,
      action: status === 'published' ? 'published' : 'submitted',
      fields: {
        country_code: 'JP',
        ...TOKYO,
        consent_at: new Date(),
        status,
        submitted_at: new Date(),
        published_at: status === 'published' ? new Date() : null,
        ...fields,
      },
      sectors: ['G'],
    })
    return id
  }

  beforeAll(async () => {
    db = await open()
    setDb(db)
    jar.owner = await sessionFor(await createUser(db, 'dup-owner', ['entrepreneur']))
    jar.jp = await sessionFor(await createUser(db, 'dup-jp', ['council_coordinator'], 'JP'))
    jar.cn = await sessionFor(await createUser(db, 'dup-cn', ['council_coordinator'], 'CN'))
    jar.admin = await sessionFor(await createUser(db, 'dup-admin', ['admin']))
    existing = await listing({
      name_en: 'Sakura Trade Co., Ltd.',
      name_local: 'サクラトレード株式会社',
      local_lang: 'ja',
      city: 'Tokyo',
      website: 'https://sakura-trade.example.jp',
    })
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('warns the entrepreneur before submitting «Сакура Трейд» in Tokyo, keeping what was typed', async () => {
    const before = await db.selectFrom('businesses').select(db.fn.countAll().as('n')).executeTakeFirst()
    const res = await run(create.action, '/my/listings/new', { form: form(), jar: jar.owner })
    expect(res.status).toBe(200)
    const reply = res.data as Warned & { lastResult: { initialValue: Record<string, unknown> } }
    expect(reply.duplicates?.map((d) => d.id)).toEqual([existing])
    expect(reply.duplicates?.[0]?.names).toContain('Sakura Trade Co., Ltd.')
    expect(reply.lastResult.initialValue.nameRu).toBe('Сакура Трейд')
    const after = await db.selectFrom('businesses').select(db.fn.countAll().as('n')).executeTakeFirst()
    expect(after?.n).toEqual(before?.n)
  })

  it('lets the entrepreneur submit anyway, save a draft unasked, and stays quiet in another city', async () => {
    const draft = await run(create.action, '/my/listings/new', {
      form: form({ intent: 'save' }),
      jar: jar.owner,
    })
    expect(draft.status).toBe(302)
    const osaka = await run(create.action, '/my/listings/new', {
      form: form({ city: 'Осака', nameRu: 'Сакура Трейд Осака' }),
      jar: jar.owner,
    })
    expect(osaka.status).toBe(302)
    const anyway = await run(create.action, '/my/listings/new', {
      form: form({ notDuplicate: 'on' }),
      jar: jar.owner,
    })
    expect(anyway.status).toBe(302)
    expect(anyway.location).toMatch(/submitted=\d+/)
  })

  it('finds the same business by point within a few hundred metres even under another city name', async () => {
    const near = await run(create.action, '/my/listings/new', {
      form: form({ city: 'Синдзюку', lat: '35.6912', lon: '139.6930', nameRu: 'ООО «Сакура Трейд»' }),
      jar: jar.owner,
    })
    expect((near.data as Warned).duplicates?.map((d) => d.id)).toEqual([existing])
  })

  it('shares the matcher with the council import (name across scripts, then website)', async () => {
    const content = (over: Record<string, unknown>) =>
      ({
        country_code: 'JP',
        city: 'Tokyo',
        city_geoname_id: null,
        lat: null,
        lon: null,
        website: null,
        name_ru: null,
        name_en: null,
        name_local: null,
        ...over,
      }) as never
    const found = await findDuplicates(db, 'JP', [
      { key: 1, externalId: 'x1', content: content({ name_ru: 'Сакура Трейд' }) },
      { key: 2, externalId: 'x2', content: content({ name_local: 'サクラ・トレード' }) },
      {
        key: 3,
        externalId: 'x3',
        content: content({ name_en: 'Other', website: 'https://www.sakura-trade.example.jp/ru' }),
      },
      { key: 4, externalId: 'x4', content: content({ name_en: 'Fuji Travel' }) },
    ])
    expect(found.get(1)).toMatchObject({ businessId: existing, by: 'name' })
    expect(found.get(2)).toMatchObject({ businessId: existing, by: 'name' })
    expect(found.get(3)).toMatchObject({ businessId: existing, by: 'website' })
    expect(found.has(4)).toBe(false)
  })

  it('flags the pending listing in the queue, lists the candidate on review, and compares both', async () => {
    const dup = await listing({ name_ru: 'Сакура Трейд', owner_id: 'dup-owner', city: 'Токио' }, 'pending')
    const q = await run(queue.loader, '/moderation?country=JP&status=pending', { jar: jar.jp })
    const items = (q.data as { items: { id: number; possibleDuplicate: boolean }[] }).items
    expect(items.find((i) => i.id === dup)?.possibleDuplicate).toBe(true)
    const r = await run(review.loader, `/moderation/${dup}`, { jar: jar.jp, params: { id: String(dup) } })
    expect((r.data as { duplicates: { id: number }[] }).duplicates.map((d) => d.id)).toContain(existing)
    const c = await run(compare.loader, `/moderation/${dup}/compare/${existing}`, {
      jar: jar.jp,
      params: { id: String(dup), other: String(existing) },
    })
    expect(c.status).toBe(200)
    const rows = (c.data as { comparison: { rows: { field: string; before: string; after: string }[] } })
      .comparison.rows
    expect(rows.find((x) => x.field === 'name_en')?.after).toBe('Sakura Trade Co., Ltd.')
    expect(rows.find((x) => x.field === 'name_ru')?.before).toBe('Сакура Трейд')
  })

  it('lets only moderators of the country merge; the removed one redirects and both histories stay', async () => {
    const dup = await listing({ name_ru: 'Сакура Трейд', phone: '+81312345678', city: 'Токио' }, 'pending')
    const path = `/moderation/${dup}/compare/${existing}`
    const params = { id: String(dup), other: String(existing) }
    const merge = (who: Jar, keep: number | string) =>
      run(compare.action, path, { jar: who, params, form: { keep: String(keep) } })
    expect((await merge(jar.owner, existing)).status).toBe(403)
    expect((await merge(jar.cn, existing)).status).toBe(403)
    expect((await run(compare.loader, path, { jar: jar.cn, params })).status).toBe(404)
    expect((await merge(jar.jp, 'nonsense')).status).toBe(400)
    expect(await db.selectFrom('business_redirects').selectAll().execute()).toEqual([])

    const done = await merge(jar.jp, existing)
    expect(done.status).toBe(302)
    expect(done.location).toBe(`/moderation/${existing}?merged=1`)
    const removed = await db
      .selectFrom('businesses')
      .selectAll()
      .where('id', '=', dup)
      .executeTakeFirstOrThrow()
    expect(removed.status).toBe('archived')
    const kept = await db
      .selectFrom('businesses')
      .selectAll()
      .where('id', '=', existing)
      .executeTakeFirstOrThrow()
    expect(kept).toMatchObject({
      name_ru: 'Сакура Трейд',
      name_en: 'Sakura Trade Co., Ltd.',
      phone: '+81312345678',
    })
    const search = await db
      .selectFrom('business_search')
      .select('business_id')
      .where('business_id', '=', dup)
      .execute()
    expect(search).toEqual([])

    const link = await run(card.loader, `/businesses/${dup}`, { params: { id: String(dup) } })
    expect(link.status).toBe(301)
    expect(link.location).toBe(`/businesses/${existing}`)

    const h = await run(history.loader, `/businesses/${existing}/history`, {
      jar: jar.admin,
      params: { id: String(existing) },
    })
    const entries = (h.data as { entries: { listingId: number; action: string }[] }).entries
    expect(entries.filter((e) => e.listingId === existing).map((e) => e.action)).toContain('merged')
    expect(entries.filter((e) => e.listingId === dup).map((e) => e.action)).toEqual([
      'merged_into',
      'submitted',
    ])

    // Merged away: no second merge, no candidate any more.
    expect((await merge(jar.admin, existing)).status).toBe(404)
    const r = await run(review.loader, `/moderation/${existing}`, {
      jar: jar.jp,
      params: { id: String(existing) },
    })
    expect((r.data as { duplicates: { id: number }[] }).duplicates.map((d) => d.id)).not.toContain(dup)
  })
})
