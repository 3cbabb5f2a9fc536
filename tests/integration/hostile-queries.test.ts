import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import * as home from '~/routes/_index'
import * as adminUsers from '~/routes/admin/users'
import * as cities from '~/routes/api.cities'
import * as businessesApi from '~/routes/api.v1.businesses'
import * as businessApi from '~/routes/api.v1.businesses.$id'
import * as mapApi from '~/routes/api.v1.map'
import * as suggest from '~/routes/api.v1.search.suggest'
import * as card from '~/routes/businesses.$id'
import * as history from '~/routes/businesses.$id.history'
import * as exportRoute from '~/routes/export'
import * as nominationListings from '~/routes/forum/api.nomination-listings'
import * as forum from '~/routes/forum/forum'
import * as forumExport from '~/routes/forum/forum-export'
import * as nomination from '~/routes/forum/nomination'
import * as nominationPrint from '~/routes/forum/nomination-print'
import * as importErrors from '~/routes/moderation/import-errors'
import * as importReport from '~/routes/moderation/import-report'
import * as queue from '~/routes/moderation/queue'
import * as review from '~/routes/moderation/review'
import * as signIn from '~/routes/sign-in'
import * as stats from '~/routes/stats'
import { DEMO_PASSWORD, seedDemo } from '../../scripts/lib/demo/seed'
import { testDatabases } from '../support/databases'
import {
  badQueryValues,
  brokenPercent,
  call,
  cookieOf,
  expectNoServerError,
  hostileRequest,
  snapshot,
} from '../support/hostile'
import type { Jar } from '../support/http'
import { sessionFor } from '../support/users'

type Target = {
  fn: (args: never) => unknown
  path: string
  params: string[]
  who?: 'wg' | 'jp' | 'admin'
  routeParams?: Record<string, string>
  /** JSON API: a refused parameter is a 400 with a JSON error naming it. */
  api?: boolean
}

const search = [
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
]

const targets: Target[] = [
  { fn: home.loader, path: '/', params: [...search, 'view'] },
  { fn: businessesApi.loader, path: '/api/v1/businesses', params: [...search, 'perPage', 'lang'], api: true },
  { fn: mapApi.loader, path: '/api/v1/map', params: ['bbox', 'zoom', 'q', 'country', 'sector'], api: true },
  { fn: suggest.loader, path: '/api/v1/search/suggest', params: ['q', 'lang'] },
  { fn: cities.loader, path: '/api/cities', params: ['country', 'q'] },
  { fn: exportRoute.loader, path: '/export.csv', params: [...search, 'sep', 'sheets'], who: 'wg' },
  { fn: exportRoute.loader, path: '/export.xlsx', params: ['sheets', 'country', 'page'] },
  { fn: exportRoute.loader, path: '/export.geojson', params: ['bbox', 'q'] },
  { fn: stats.loader, path: '/stats', params: ['country', 'period', 'from', 'to'], who: 'wg' },
  { fn: queue.loader, path: '/moderation', params: ['country', 'status', 'page'], who: 'jp' },
  { fn: adminUsers.loader, path: '/admin/users', params: ['q'], who: 'admin' },
  { fn: nominationListings.loader, path: '/api/nomination-listings', params: ['q'], who: 'jp' },
  { fn: signIn.loader, path: '/sign-in', params: ['redirectTo', 'notice'] },
]

/** Route ids (`:id`) that must be a 404 or 400 when they are not ids, or not the viewer's. */
const idRoutes: { fn: (args: never) => unknown; path: string; who?: 'wg' | 'jp' | 'admin' }[] = [
  { fn: card.loader, path: '/businesses/:id' },
  { fn: history.loader, path: '/businesses/:id/history', who: 'wg' },
  { fn: businessApi.loader, path: '/api/v1/businesses/:id' },
  { fn: review.loader, path: '/moderation/:id', who: 'jp' },
  { fn: importReport.loader, path: '/moderation/import/:id', who: 'jp' },
  { fn: importErrors.loader, path: '/moderation/import/:id/errors.csv', who: 'jp' },
  { fn: forum.loader, path: '/forums/:id', who: 'wg' },
  { fn: forumExport.loader, path: '/forums/:id/export.csv', who: 'wg' },
  { fn: nomination.loader, path: '/nominations/:id', who: 'jp' },
  { fn: nominationPrint.loader, path: '/nominations/:id/print', who: 'jp' },
]

describe.each(testDatabases())('hostile query parameters on $name', ({ open }) => {
  let db: Kysely<Database>
  const jars: Record<string, Jar> = {}
  let before: Record<string, string>
  beforeAll(async () => {
    db = await open()
    setDb(db)
    await seedDemo(db, { count: 40, seed: 5 })
    jars.wg = await sessionFor('wg@demo.example.org', DEMO_PASSWORD)
    jars.jp = await sessionFor('council-jp@demo.example.org', DEMO_PASSWORD)
    jars.admin = await sessionFor('admin@demo.example.org', DEMO_PASSWORD)
    before = await snapshot(db)
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('answers every bad search, map, API, export and page parameter without a 5xx', async () => {
    let requests = 0
    for (const target of targets) {
      const cookie = cookieOf(target.who ? jars[target.who] : undefined)
      const get = async (query: string, label: string) => {
        requests++
        const answer = await call(
          target.fn,
          hostileRequest(`${target.path}?${query}`, { cookie }),
          target.routeParams,
        )
        expectNoServerError(answer, `${target.path} ${label}`)
        if (target.api && answer.status === 400)
          expect(JSON.parse(answer.body), label).toHaveProperty('error.message')
        return answer
      }
      for (const param of target.params) {
        for (const [name, value] of Object.entries(badQueryValues)) {
          await get(new URLSearchParams({ [param]: value }).toString(), `${param}=${name}`)
        }
        for (const raw of brokenPercent) await get(`${param}=${raw}`, `${param}=${raw}`)
        await get(`${param}=a&${param}=b&${param}[]=c&${param}[x]=d`, `${param} repeated`)
      }
    }
    expect(requests).toBeGreaterThan(1000)
  })

  it('refuses out-of-range coordinates and zoom on the map and export boxes with a 400', async () => {
    for (const bbox of [
      '0,91,10,95',
      '-181,0,10,10',
      'abc',
      '1,2,3',
      '1,2,3,4,5',
      'NaN,0,1,1',
      '0,10,10,0',
    ]) {
      for (const target of targets.filter((t) => t.api)) {
        const answer = await call(
          target.fn,
          hostileRequest(`${target.path}?bbox=${encodeURIComponent(bbox)}&zoom=5`),
        )
        expect(answer.status, `${target.path} bbox=${bbox}`).toBe(400)
      }
    }
    for (const zoom of ['-1', '99', 'abc', '1.5', 'Infinity']) {
      const answer = await call(mapApi.loader, hostileRequest(`/api/v1/map?bbox=0,0,10,10&zoom=${zoom}`))
      expect(answer.status, `zoom=${zoom}`).toBe(400)
    }
  })

  it('answers bad route ids with a 4xx', async () => {
    const ids = [
      ...Object.values(badQueryValues).filter((v) => v.length < 1000),
      '99999999',
      '1.5',
      '%FF',
      '\ud800',
    ]
    for (const route of idRoutes) {
      const cookie = cookieOf(route.who ? jars[route.who] : undefined)
      for (const id of ids) {
        const answer = await call(route.fn, hostileRequest(route.path.replace(':id', 'x'), { cookie }), {
          id,
        })
        expectNoServerError(answer, `${route.path} id=${JSON.stringify(id).slice(0, 30)}`)
        expect(answer.status, `${route.path} id=${JSON.stringify(id).slice(0, 30)}`).toBeGreaterThanOrEqual(
          400,
        )
      }
    }
  })

  it('changed nothing', async () => {
    const after = await snapshot(db)
    for (const table of Object.keys(before)) expect(after[table], table).toBe(before[table])
  })
})
