import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Business, Database } from '#db/schema'
import type { TradeMatches } from '~/modules/businesses/matches.server'
import { mergedFields } from '~/modules/duplicates/merge.server'
import { diffSnapshots } from '~/modules/moderation/diff'
import { codeLabels } from '~/modules/moderation/moderation.server'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import * as api from '~/routes/api.v1.businesses'
import * as card from '~/routes/businesses.$id'
import * as exportRoute from '~/routes/export'
import * as edit from '~/routes/my/listing-edit'
import * as create from '~/routes/my/listing-new'
import { testDatabases } from '../support/databases'
import { type Jar, makeRequest, run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

type Reply = {
  lastResult: { error?: Record<string, string[] | null>; initialValue?: Record<string, unknown> } | null
}

const draft = { intent: 'save', nameRu: 'Пищевой завод', countryCode: 'JP' }

describe.each(testDatabases())('what listings offer and seek on $name', ({ open }) => {
  let db: Kysely<Database>
  let owner: Jar
  beforeAll(async () => {
    db = await open()
    setDb(db)
    owner = await sessionFor(await createUser(db, 'trade-owner', ['entrepreneur']))
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('stores offers and seeks from the editor and shows them back', async () => {
    const saved = await run(create.action, '/my/listings/new', {
      form: { ...draft, offers: ['10', 'c', '10'], seeks: ['46', 'H'] },
      jar: owner,
    })
    expect(saved.status).toBe(302)
    const row = await db
      .selectFrom('businesses')
      .select(['id', 'offers', 'seeks'])
      .where('owner_id', '=', 'trade-owner')
      .executeTakeFirstOrThrow()
    expect(row.offers).toEqual(['10', 'C'])
    expect(row.seeks).toEqual(['46', 'H'])
    const form = await run(edit.loader, `/my/listings/${row.id}`, {
      jar: owner,
      params: { id: String(row.id) },
    })
    const defaults = (form.data as { defaultValue: { offers: string[]; seeks: string[] } }).defaultValue
    expect(defaults.offers).toEqual(['10', 'C'])
    // The history diff names the codes in the reader's language.
    const changes = diffSnapshots({ offers: [] }, { offers: ['10'] }, ['offers'], await codeLabels(db, 'en'))
    expect(changes[0]).toMatchObject({ changed: true, after: 'Manufacture of food products (10)' })
  })

  it('refuses an unknown code or too many, in ru and en, keeping what was chosen', async () => {
    const unknown = await run(create.action, '/my/listings/new', {
      form: { ...draft, offers: ['10', 'ZZ'], seeks: ['46'] },
      jar: owner,
    })
    expect(unknown.status).toBe(400)
    const reply = unknown.data as Reply
    expect(reply.lastResult?.error?.offers?.[0]).toMatch(/Неизвестный код отрасли: «ZZ»/)
    expect(reply.lastResult?.initialValue?.offers).toEqual(['10', 'ZZ'])
    expect(reply.lastResult?.initialValue?.seeks).toEqual('46')
    // One ticked box arrives as a single value, and is a valid list of one.
    expect(reply.lastResult?.error?.seeks ?? undefined).toBeUndefined()

    const eleven = ['01', '02', '03', '05', '06', '07', '08', '09', '10', '11', '12']
    const many = await run(create.action, '/my/listings/new', {
      form: { ...draft, seeks: eleven },
      jar: owner,
      locale: 'en',
    })
    expect(many.status).toBe(400)
    const manyReply = many.data as Reply
    expect(manyReply.lastResult?.error?.seeks?.[0]).toMatch(/At most 10 entries in a list \(11 chosen\)/)
    expect(manyReply.lastResult?.initialValue?.seeks).toEqual(eleven)
    const stored = await db
      .selectFrom('businesses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('owner_id', '=', 'trade-owner')
      .executeTakeFirstOrThrow()
    expect(Number(stored.n)).toBe(1)
  })

  describe('matches on the listing page', () => {
    const ids: Record<string, number> = {}
    beforeAll(async () => {
      const base = {
        city: 'Tokyo',
        lat: 35.68,
        lon: 139.69,
        consent_at: new Date().toISOString(),
        status: 'published' as const,
        published_at: new Date().toISOString(),
      }
      const listings: Record<
        string,
        { country: string; offers?: string[]; seeks?: string[]; status?: 'pending' }
      > = {
        // Offers food products and beverages; seeks logistics (section H).
        maker: { country: 'JP', offers: ['10', '11'], seeks: ['H'] },
        // Seeks all of manufacturing: matches division 10 and 11 (section ↔ division).
        wholeC: { country: 'KR', seeks: ['C'] },
        // Seeks both divisions the maker offers, in the same country: ranks first.
        bothDivisions: { country: 'JP', seeks: ['10', '11'] },
        // Seeks one of them, abroad.
        oneDivision: { country: 'CN', seeks: ['10'] },
        // Seeks a sibling division only: no match.
        sibling: { country: 'JP', seeks: ['12'] },
        // Would match, but is not published.
        pending: { country: 'JP', seeks: ['10'], status: 'pending' },
        // Offers a division of H: matches the maker's seeking the whole section.
        carrier: { country: 'JP', offers: ['49'] },
        // Offers section H as a whole.
        logistics: { country: 'VN', offers: ['H'] },
        // Offers something else.
        miner: { country: 'JP', offers: ['B'] },
      }
      for (const [key, l] of Object.entries(listings)) {
        ids[key] = (
          await db
            .insertInto('businesses')
            .values({
              ...base,
              name_en: key,
              country_code: l.country,
              offers: l.offers ?? [],
              seeks: l.seeks ?? [],
              ...(l.status ? { status: l.status, published_at: null } : {}),
            })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id
      }
      await onBusinessesChanged(db, Object.values(ids))
    })

    const matchesOf = async (key: string) => {
      const id = ids[key] as number
      const page = await run(card.loader, `/businesses/${id}`, { params: { id: String(id) }, locale: 'en' })
      expect(page.status).toBe(200)
      return (page.data as { matches: TradeMatches }).matches
    }
    const names = (list: { items: { nameEn: string | null }[] }) => list.items.map((i) => i.nameEn)

    it('finds who seeks what a listing offers, section and division both ways, ranked by overlap', async () => {
      const m = await matchesOf('maker')
      expect(names(m.seekingOffers)).toEqual(['bothDivisions', 'wholeC', 'oneDivision'])
      expect(m.seekingOffers.total).toBe(3)
      expect(m.seekingOffers.items[0]?.matchedCodes).toEqual(['10', '11'])
      expect(m.seekingOffers.items[1]?.matchedCodes).toEqual(['C'])
      // Who offers what the maker seeks (section H): a division of H and the whole section.
      expect(names(m.offeringSeeks).sort()).toEqual(['carrier', 'logistics'])
      // Same overlap: the same country first.
      expect(names(m.offeringSeeks)[0]).toBe('carrier')
    })

    it('matches a division sought against a section offered, and never lists unpublished listings', async () => {
      const m = await matchesOf('wholeC')
      expect(names(m.offeringSeeks)).toEqual(['maker'])
      const one = await matchesOf('oneDivision')
      expect(names(one.offeringSeeks)).toEqual(['maker'])
      const carrier = await matchesOf('carrier')
      expect(names(carrier.seekingOffers)).toEqual(['maker'])
      const all = [...names((await matchesOf('maker')).seekingOffers)]
      expect(all).not.toContain('pending')
      expect(all).not.toContain('sibling')
    })

    type ApiBody = {
      hits: { nameEn: string | null }[]
      total: number
      facets: Record<string, Record<string, number>>
    }
    const search = async (query: string) => {
      const outcome = await run(api.loader, `/api/v1/businesses?${query}`)
      expect(outcome.status, query).toBe(200)
      return outcome.data as ApiBody
    }
    const found = (body: ApiBody) => body.hits.map((h) => h.nameEn).sort()

    it('searches by need and by offer (PostgreSQL engine): a section matches its divisions and back', async () => {
      expect(found(await search('seeks=10'))).toEqual(['bothDivisions', 'oneDivision', 'wholeC'])
      expect(found(await search('seeks=C'))).toEqual(['bothDivisions', 'oneDivision', 'sibling', 'wholeC'])
      expect(found(await search('offers=H'))).toEqual(['carrier', 'logistics'])
      expect(found(await search('offers=52'))).toEqual(['logistics'])
      expect(found(await search('offers=10&seeks=h'))).toEqual(['maker'])
      const facets = (await search('offers=H')).facets
      expect(facets.offers?.H).toBe(2)
      expect(facets.offers?.['49']).toBe(1)
      expect(Object.keys(facets.offers ?? {}).some((k) => k.endsWith('*'))).toBe(false)
      const bad = await run(api.loader, '/api/v1/businesses?offers=ZZ')
      expect(bad.status).toBe(400)
    })

    it('exports what a listing offers and seeks, named in the reader language', async () => {
      const response = (await exportRoute.loader({
        request: makeRequest('/export.csv?offers=10&lang=en', { locale: 'en' }),
        params: {},
        context: {},
      } as never)) as Response
      const lines = (await response.text())
        .replace(/^\uFEFF/, '')
        .trim()
        .split('\r\n')
      expect(lines[0]).toContain('Offers,Seeks')
      const maker = lines.find((l) => l.startsWith(`${ids.maker},`)) ?? ''
      expect(maker).toContain('Manufacture of food products (10); Manufacture of beverages (11)')
      expect(maker).toContain('Transport and logistics (H)')
    })
  })
})

it('a merge of duplicates unites offers and seeks, within the limit of 10', () => {
  const listing = (offers: string[], seeks: string[]) =>
    ({ keywords: [], languages: [], cooperation_kinds: [], offers, seeks }) as unknown as Business
  const codes = (from: number) => Array.from({ length: 8 }, (_, i) => String(from + i).padStart(2, '0'))
  const merged = mergedFields(listing(['10'], codes(10)), listing(['C', '10'], codes(20)))
  expect(merged.offers).toEqual(['10', 'C'])
  expect(merged.seeks).toEqual([...codes(10), '20', '21'])
})
