import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { setDb } from '#db/client.server'
import type { Database } from '#db/schema'
import * as stats from '~/routes/stats'
import { testDatabases } from '../support/databases'
import { run } from '../support/http'
import { createUser, sessionFor } from '../support/users'

type StatsData = {
  stats: { staff: boolean; countries: Record<string, unknown>[]; speed: unknown; totalPublished: number }
}

describe.each(testDatabases())('statistics page on $name', ({ open }) => {
  let db: Kysely<Database>
  beforeAll(async () => {
    db = await open()
    setDb(db)
    const base = {
      city: 'Tokyo',
      lat: 35.6,
      lon: 139.7,
      consent_at: '2026-01-01T00:00:00Z',
      country_code: 'JP',
    }
    await db
      .insertInto('businesses')
      .values([
        {
          ...base,
          name_ru: 'Опубликована',
          status: 'published',
          published_at: '2026-10-01T00:00:00Z',
          submitted_at: '2026-09-30T00:00:00Z',
        },
        { ...base, name_ru: 'Ждёт', status: 'pending' },
      ])
      .execute()
  })
  afterAll(async () => {
    setDb(undefined)
    await db.destroy()
  })

  it('shows the public only published figures', async () => {
    const data = (await run(stats.loader, '/stats')).data as StatsData
    expect(data.stats.staff).toBe(false)
    expect(data.stats.totalPublished).toBe(1)
    expect(data.stats.countries).toEqual([{ code: 'JP', published: 1, verified: 0 }])
    expect(data.stats.speed).toBeNull()
  })

  it('shows the working group the moderation pipeline and speed', async () => {
    const jar = await sessionFor(await createUser(db, 'wg', ['wg_member']))
    const data = (await run(stats.loader, '/stats', { jar })).data as StatsData
    expect(data.stats.staff).toBe(true)
    expect(data.stats.countries[0]).toMatchObject({ code: 'JP', published: 1, pending: 1 })
    expect(data.stats.speed).toEqual([{ code: 'JP', moderated: 1, medianHours: 24, p90Hours: 24 }])
  })
})
