import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import { onBusinessesChanged } from '~/modules/search/changes.server'
import { loader as homeLoader } from '~/routes/_index'
import { loader as searchLoader } from '~/routes/api.v1.businesses'
import { loader as businessLoader } from '~/routes/api.v1.businesses.$id'
import { loader as openApiLoader } from '~/routes/api.v1.openapi[.]json'
import { loader as healthLoader } from '~/routes/api.v1.search.health'
import { loader as suggestLoader } from '~/routes/api.v1.search.suggest'
import { testDatabases } from '../support/databases'
import { insertCorpus, type LoadedListing } from '../support/search-corpus'

type Reply = { data: Record<string, unknown>; init?: { status?: number } | null }

function args(path: string, params: Record<string, string> = {}) {
  return { request: new Request(`http://localhost${path}`), params, context: {} } as never
}

async function call(loader: (a: never) => unknown, path: string, params: Record<string, string> = {}) {
  const reply = (await loader(args(path, params))) as Reply
  return { status: reply.init?.status ?? 200, body: reply.data as Record<string, any> }
}

describe.each(testDatabases())('search API on $name', ({ open }) => {
  let db: Kysely<Database>
  let listings: LoadedListing[]
  const idOf = (slug: string) => listings.find((l) => l.slug === slug)?.id ?? 0
  beforeAll(async () => {
    db = await open()
    listings = await insertCorpus(db)
    await onBusinessesChanged(
      db,
      listings.map((l) => l.id),
    )
    setDb(db)
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('searches with the page parameters and returns hits, total, facets and paging', async () => {
    const { status, body } = await call(searchLoader, '/api/v1/businesses?q=Владивасток&perPage=1&lang=en')
    expect(status).toBe(200)
    expect(body.total).toBe(2)
    expect(body.hits).toHaveLength(1)
    expect(body.pages).toBe(2)
    expect(body.correctedQuery).toBe('владивосток')
    expect(body.facets.country).toEqual({ JP: 1, KR: 1 })
    expect(body.hits[0]).toMatchObject({
      id: idOf('busan-bridge'),
      city: 'Busan',
      url: `/businesses/${idOf('busan-bridge')}`,
    })
  })

  it.each([
    ['country=JPN', 'country', /Параметр «country»/],
    ['page=0', 'page', /Номер страницы/],
    ['perPage=1000', 'perPage', /perPage/],
    ['bbox=1,2', 'bbox', /bbox/],
    ['sort=price', 'sort', /sort/],
    ['verified=maybe', 'verified', /verified/],
    ['sector=sector&lang=en', 'sector', /Parameter “sector”/],
  ])('%s gives 400 naming %s', async (qs, parameter, message) => {
    const { status, body } = await call(searchLoader, `/api/v1/businesses?${qs}`)
    expect(status).toBe(400)
    expect(body.error).toMatchObject({ code: 'invalid_parameter', parameter })
    expect(body.error.message).toMatch(message)
  })

  it('never fails on odd text', async () => {
    for (const q of ["' or 1=1 --", '&|!():*', '(((', '\\', '%', '💥', 'а'.repeat(200), 'ё', '株', ' ']) {
      const { status } = await call(searchLoader, `/api/v1/businesses?q=${encodeURIComponent(q)}`)
      expect(status, q).toBe(200)
    }
  })

  it('shows a published listing with only the contacts its owner made public', async () => {
    const { status, body } = await call(businessLoader, '/api/v1/businesses/1', {
      id: String(idOf('sakura')),
    })
    expect(status).toBe(200)
    expect(body.business).toMatchObject({ email: 'info@sakura.example.com', phone: null, messengers: {} })
    for (const id of [String(idOf('secret-pending')), '999999', 'abc', '-1', '1.5']) {
      const missing = await call(businessLoader, `/api/v1/businesses/${id}`, { id })
      expect(missing.status, id).toBe(404)
      expect(missing.body.error.code).toBe('not_found')
    }
  })

  it('describes itself in OpenAPI', async () => {
    const { body } = await call(openApiLoader, '/api/v1/openapi.json')
    expect(body.openapi).toBe('3.1.0')
    expect(Object.keys(body.paths)).toEqual(['/api/v1/businesses', '/api/v1/businesses/{id}'])
    const names = body.paths['/api/v1/businesses'].get.parameters.map((p: { name: string }) => p.name)
    for (const name of [
      'q',
      'country',
      'sector',
      'region',
      'district',
      'coop',
      'size',
      'verified',
      'bbox',
      'sort',
      'page',
      'perPage',
    ]) {
      expect(names).toContain(name)
    }
  })

  it('reports search health and suggests names while typing', async () => {
    const health = await call(healthLoader, '/api/v1/search/health')
    expect(health.status).toBe(200)
    expect(health.body).toMatchObject({ engine: 'postgres', ok: true, pending: 0 })
    expect(health.body.documents).toBe(
      listings.filter((l) => ['published', 'pending', 'returned'].includes(l.status)).length,
    )
    const suggest = await call(suggestLoader, '/api/v1/search/suggest?q=Сак')
    expect(suggest.body.suggestions).toEqual([{ id: idOf('sakura'), label: 'ООО «Сакура Логистик»' }])
  })

  it('the search page answers bad parameters with 400, in the viewer language, keeping the query', async () => {
    const reply = (await homeLoader(args('/?q=Токио&country=Japan'))) as unknown as {
      data: { q: string; errors: Record<string, string> }
      init: { status: number }
    }
    expect(reply.init.status).toBe(400)
    expect(reply.data.q).toBe('Токио')
    expect(reply.data.errors.country).toMatch(/country/)
    const ok = (await homeLoader(args('/?q=Токио&country=JP&sector=H'))) as unknown as {
      result: { total: number; facets: { country: Record<string, number> } }
    }
    expect(ok.result.total).toBe(1)
    expect(ok.result.facets.country).toEqual({ JP: 1 })
  })
})
