import type { Kysely } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database, NewBusiness } from '#db/schema'
import {
  growthByMonth,
  listingsByCooperationKind,
  listingsByCountry,
  listingsByRegionOfInterest,
  listingsBySector,
  moderationSpeed,
} from '~/modules/stats/stats.server'
import { testDatabases } from '../support/databases'

const base = {
  city: 'Tokyo',
  lat: 35.6,
  lon: 139.7,
  consent_at: '2026-01-01T00:00:00Z',
} satisfies Partial<NewBusiness>

describe.each(testDatabases())('statistics on $name', ({ open }) => {
  let db: Kysely<Database>
  beforeAll(async () => {
    db = await open()
    const rows: NewBusiness[] = [
      {
        ...base,
        name_ru: 'A',
        country_code: 'JP',
        status: 'published',
        submitted_at: '2026-09-01T00:00:00Z',
        published_at: '2026-09-01T10:00:00Z',
        cooperation_kinds: ['export_to_russia', 'logistics'],
        verified_at: '2026-09-02T00:00:00Z',
      },
      {
        ...base,
        name_ru: 'B',
        country_code: 'JP',
        status: 'published',
        submitted_at: '2026-10-01T00:00:00Z',
        published_at: '2026-10-03T00:00:00Z',
        cooperation_kinds: ['logistics'],
      },
      {
        ...base,
        name_ru: 'C',
        country_code: 'CN',
        status: 'published',
        submitted_at: '2026-10-05T00:00:00Z',
        published_at: '2026-10-05T01:00:00Z',
        cooperation_kinds: [],
      },
      {
        ...base,
        name_ru: 'D',
        country_code: 'JP',
        status: 'pending',
        submitted_at: '2026-11-01T00:00:00Z',
        cooperation_kinds: ['logistics'],
      },
      {
        ...base,
        name_ru: 'E',
        country_code: 'CN',
        status: 'returned',
        moderator_reason: 'Нет адреса',
        cooperation_kinds: ['tourism'],
      },
    ]
    const ids = await db.insertInto('businesses').values(rows).returning('id').execute()
    const [a, b, c, d] = ids.map((r) => r.id)
    await db
      .insertInto('business_sectors')
      .values([
        { business_id: a ?? 0, sector_code: 'H' },
        { business_id: b ?? 0, sector_code: 'H' },
        { business_id: b ?? 0, sector_code: 'G', position: 1 },
        { business_id: c ?? 0, sector_code: 'G' },
        { business_id: d ?? 0, sector_code: 'J' },
      ])
      .execute()
    await db
      .insertInto('business_regions')
      .values([
        { business_id: a ?? 0, region_code: 'RU-PRI' },
        { business_id: b ?? 0, region_code: 'RU-PRI' },
        { business_id: c ?? 0, region_code: 'RU-MOW' },
        { business_id: d ?? 0, region_code: 'RU-MOW' },
      ])
      .execute()
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('counts listings per country by status', async () => {
    expect(await listingsByCountry(db)).toEqual([
      { code: 'JP', published: 2, pending: 1, returned: 0, verified: 1 },
      { code: 'CN', published: 1, pending: 0, returned: 1, verified: 0 },
    ])
  })

  it('counts published listings per sector, region of interest and cooperation kind', async () => {
    expect(await listingsBySector(db)).toEqual([
      { code: 'G', count: 2 },
      { code: 'H', count: 2 },
    ])
    expect(await listingsByRegionOfInterest(db)).toEqual([
      { code: 'RU-PRI', count: 2 },
      { code: 'RU-MOW', count: 1 },
    ])
    expect(await listingsByCooperationKind(db)).toEqual([
      { code: 'logistics', count: 2 },
      { code: 'export_to_russia', count: 1 },
    ])
  })

  it('shows growth per month with a running total', async () => {
    const growth = await growthByMonth(db, 3, new Date('2026-11-15T00:00:00Z'))
    expect(growth).toEqual([
      { month: '2026-09', added: 1, total: 1 },
      { month: '2026-10', added: 2, total: 3 },
      { month: '2026-11', added: 0, total: 3 },
    ])
    const later = await growthByMonth(db, 1, new Date('2026-11-15T00:00:00Z'))
    expect(later).toEqual([{ month: '2026-11', added: 0, total: 3 }])
  })

  it('measures moderation speed per council', async () => {
    expect(await moderationSpeed(db)).toEqual([
      { code: 'CN', moderated: 1, medianHours: 1, p90Hours: 1 },
      { code: 'JP', moderated: 2, medianHours: 29, p90Hours: 44.2 },
    ])
  })
})
