import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { testDatabases } from '../support/databases'

describe.each(testDatabases())('reference data on $name', ({ open }) => {
  let db: Awaited<ReturnType<typeof open>>
  beforeAll(async () => {
    db = await open()
  })
  afterAll(async () => {
    await db.destroy()
  })

  it('holds the Asia-Pacific countries named in the brief', async () => {
    const rows = await db
      .selectFrom('countries')
      .select(['code', 'name_ru', 'name_en', 'in_region'])
      .execute()
    const codes = rows.map((r) => r.code)
    for (const code of [
      'AU',
      'BD',
      'BN',
      'KH',
      'CN',
      'FJ',
      'IN',
      'ID',
      'JP',
      'LA',
      'MY',
      'MN',
      'MM',
      'NP',
      'NZ',
      'PK',
      'PH',
      'KR',
      'SG',
      'LK',
      'TH',
      'VN',
    ]) {
      expect(codes).toContain(code)
    }
    expect(rows.every((r) => r.in_region)).toBe(true)
    expect(codes).not.toContain('RU')
    expect(rows.find((r) => r.code === 'JP')).toMatchObject({ name_ru: 'Япония', name_en: 'Japan' })
    expect(rows.find((r) => r.code === 'KR')?.name_ru).toBe('Республика Корея')
  })

  it('holds the 21 NACE/OKVED sections', async () => {
    const rows = await db
      .selectFrom('sectors')
      .select(['code', 'name_ru', 'name_en'])
      .orderBy('position')
      .execute()
    expect(rows.map((r) => r.code).join('')).toBe('ABCDEFGHIJKLMNOPQRSTU')
    expect(rows.every((r) => r.name_ru && r.name_en)).toBe(true)
  })

  it('holds the 89 federal subjects in 8 federal districts', async () => {
    const districts = await db.selectFrom('federal_districts').selectAll().execute()
    expect(districts).toHaveLength(8)
    const regions = await db.selectFrom('russian_regions').selectAll().execute()
    expect(regions).toHaveLength(89)
    const counts = Object.fromEntries(
      districts.map((d) => [d.code, regions.filter((r) => r.district_code === d.code).length]),
    )
    expect(Object.values(counts).every((n) => n > 0)).toBe(true)
    // Buryatia and Zabaykalsky Krai moved to the Far Eastern district in 2018.
    const buryatia = regions.find((r) => r.name_en.includes('Buryat'))
    expect(buryatia && districts.find((d) => d.code === buryatia.district_code)?.name_en).toMatch(
      /Far Eastern/,
    )
    expect(regions.find((r) => r.code === 'RU-PRI')?.name_ru).toBe('Приморский край')
  })
})
